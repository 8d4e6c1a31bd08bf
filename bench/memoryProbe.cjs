// Preloaded into the server by the long-session bench only (NODE_OPTIONS=--require …): on SIGUSR2
// the server collects garbage and writes its memory to stderr, so the bench reads heap-after-GC and
// RSS of the real server process without any request of the product for it.
const fs = require('node:fs');
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** The kernel's split of RSS: anonymous memory (heaps, malloc) against mapped files (code, libraries). */
function rssParts() {
  try {
    const text = fs.readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    return { anonymous: kb('Anonymous'), files: kb('Rss') - kb('Anonymous') };
  } catch {
    return {};
  }
}

// RSS is read a second after the collection, and after another: V8 gives freed pages back to the
// system from a background thread, so RSS read at once still counts pages about to go (over 4,000
// edits it swung 140–232 MB from sample to sample while the heap after GC stayed at 33–34 MB).
process.on('SIGUSR2', () => {
  gc();
  gc();
  setTimeout(() => {
    gc();
    const { heapUsed, heapTotal, external, arrayBuffers, rss } = process.memoryUsage();
    // Committed memory per V8 space: which one grows when the heap after GC does not.
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.physical_space_size]));
    process.stderr.write(`MEMORY ${JSON.stringify({ heapUsed, heapTotal, external, arrayBuffers, rss, ...rssParts(), spaces })}\n`);
  }, 1000);
});
