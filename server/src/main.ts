// Entry of the language server bundle (dist/server.js): `compact-drafter-ls --stdio`, or
// spawned by the VS Code client over IPC.
import { startServer } from './server';
import { FrameChecker } from './transport/frameCheck';

// Last line of defence: a promise nobody awaited must not end the server (Node's default is to exit).
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`compact-drafter-ls: unhandled rejection: ${(reason as Error)?.stack ?? reason}\n`);
});

// Over stdio, a malformed frame would leave the server deaf forever (transport/frameCheck.ts): say
// why and exit, so the client restarts it.
if (process.argv.includes('--stdio')) {
  const frames = new FrameChecker();
  process.stdin.on('data', (chunk: Buffer) => {
    const problem = frames.push(chunk);
    if (problem === undefined) return;
    process.stderr.write(`compact-drafter-ls: malformed message from the client (${problem}); exiting so that the client restarts the server\n`);
    process.exit(1);
  });
}

startServer();
