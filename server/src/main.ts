// Entry of the language server bundle (dist/server.js): `compact-drafter-ls --stdio`, or
// spawned by the VS Code client over IPC.
import { startServer } from './server';

// Last line of defence: a promise nobody awaited must not end the server (Node's default is to exit).
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`compact-drafter-ls: unhandled rejection: ${(reason as Error)?.stack ?? reason}\n`);
});

startServer();
