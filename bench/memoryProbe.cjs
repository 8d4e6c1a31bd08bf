// Preloaded into the server by the long-session bench only (NODE_OPTIONS=--require …): on SIGUSR2
// the server collects garbage and writes its memory to stderr, so the bench reads heap-after-GC and
// RSS of the real server process without any request of the product for it.
const fs = require('node:fs');
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

/** glibc gives each thread arena a 64 MB-aligned reservation of 64 MB, used from its start (the rest ---p). */
const ARENA_BYTES = 64 * 1024 * 1024;

/**
 * The kernel's split of RSS: anonymous memory (heaps, malloc) against mapped files (code, libraries),
 * and of the anonymous part what glibc's malloc holds: the main arena ([heap]) and the thread arenas
 * (a 64 MB-aligned read-write mapping whose reservation runs on, inaccessible, to 64 MB), from
 * /proc/self/smaps. What is left is mostly V8's heap, its code and its stacks.
 */
function rssParts() {
  try {
    const text = fs.readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
    return { anonymous: kb('Anonymous'), files: kb('Rss') - kb('Anonymous'), ...mallocArenas() };
  } catch {
    return {};
  }
}

function mallocArenas() {
  const maps = [];
  let current;
  for (const line of fs.readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      current = { start: BigInt(`0x${header[1]}`), end: BigInt(`0x${header[2]}`), perms: header[3], name: header[4], rss: 0 };
      maps.push(current);
    } else if (current && line.startsWith('Rss:')) {
      current.rss = Number(/(\d+)/.exec(line)[1]) * 1024;
    }
  }
  let mainArena = 0;
  let threadArenas = 0;
  let count = 0;
  maps.forEach((map, i) => {
    if (map.name === '[heap]') mainArena += map.rss;
    const next = maps[i + 1];
    const aligned = map.start % BigInt(ARENA_BYTES) === 0n;
    const reserved = next && next.start === map.end && next.perms === '---p' && !next.name && next.end - map.start === BigInt(ARENA_BYTES);
    if (!map.name && map.perms === 'rw-p' && aligned && (reserved || map.end - map.start === BigInt(ARENA_BYTES))) {
      threadArenas += map.rss;
      count++;
    }
  });
  return { mainArena, threadArenas, threadArenaCount: count };
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
    // The server's CPU time so far (user + system, µs), to set beside the wall time of a loaded machine.
    const cpu = process.cpuUsage();
    process.stderr.write(`MEMORY ${JSON.stringify({ heapUsed, heapTotal, external, arrayBuffers, rss, ...rssParts(), spaces, cpu: cpu.user + cpu.system })}\n`);
  }, 1000);
});
