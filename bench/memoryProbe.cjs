// Preloaded into the server by the long-session bench only (NODE_OPTIONS=--require …): on SIGUSR2
// the server collects garbage and writes its memory to stderr, so the bench reads heap-after-GC and
// RSS of the real server process without any request of the product for it.
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

process.on('SIGUSR2', () => {
  gc();
  gc();
  const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
  process.stderr.write(`MEMORY ${JSON.stringify({ heapUsed, heapTotal, external, rss })}\n`);
});
