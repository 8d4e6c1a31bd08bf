// Preloaded into a language server under test (`node --require`): appends to the file named by
// CD_ENV_READS_FILE each environment variable of CD_ENV_READS_WATCH (comma-separated) the first
// time the server's code reads it. A bundled library leaves no other trace of having run (no entry
// in require.cache), but one that reads a variable of its own when it is loaded shows it here: pg
// reads NODE_PG_FORCE_NATIVE as its module is evaluated, and nothing else does.
const { appendFileSync } = require('node:fs');

const file = process.env.CD_ENV_READS_FILE;
const watched = new Set((process.env.CD_ENV_READS_WATCH ?? '').split(',').filter(Boolean));
const seen = new Set();
const note = (key) => {
  if (typeof key !== 'string' || !watched.has(key) || seen.has(key)) return;
  seen.add(key);
  appendFileSync(file, `${key}\n`);
};
const env = process.env;
process.env = new Proxy(env, {
  get(target, key) {
    note(key);
    return Reflect.get(target, key);
  },
  has(target, key) {
    note(key);
    return Reflect.has(target, key);
  },
});
