#!/usr/bin/env node
// The language server over stdio (`--stdio`), IPC (`--node-ipc`) or a socket (`--socket=N`), for any LSP editor.
require('../dist/server.js');
