#!/usr/bin/env node
// The language server over stdio (`--stdio`), IPC (`--node-ipc`) or a socket (`--socket=N`), for any LSP editor.
//
// The VS Code extension starts the server with MALLOC_TRIM_THRESHOLD_=131072 in its environment
// (client/src/serverProcess.ts: 8–9 MB less memory kept by glibc's malloc over a long session).
// glibc reads it only when a process starts, so this file cannot set it for its own process; starting
// node again with it would keep this process alive beside the server (about 6 MB of memory of its
// own, most of what the setting saves), and Node 20 cannot replace its own process (process.execve
// came with Node 22.15). Other editors put it in the command that starts the server (README, "Other
// editors").
require('../dist/server.js');
