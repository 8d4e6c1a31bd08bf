// Entry of the language server bundle (dist/server.js): `compact-drafter-ls --stdio`, or
// spawned by the VS Code client over IPC.
import { startServer } from './server';

startServer();
