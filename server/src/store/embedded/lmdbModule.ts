// lmdb (lmdb-js) is loaded at run time, not bundled: its native part (an N-API binary from the
// @lmdb/lmdb-<platform> package) is found next to its JavaScript. Where it cannot load (a platform
// without a prebuilt binary, a package shipped without it) the server says so once and keeps the
// reuse index in memory, as it always did for small corpora.
import { createRequire } from 'node:module';

export type Lmdb = typeof import('lmdb');

let loaded: Lmdb | Error | undefined;

/** The lmdb module, or the error that kept it from loading. */
export function loadLmdb(): Lmdb | Error {
  if (!loaded) {
    try {
      // createRequire: esbuild leaves a computed require alone, and `lmdb` is external in the bundles.
      const load = createRequire(__filename);
      loaded = load('lmdb') as Lmdb;
    } catch (error) {
      loaded = error instanceof Error ? error : new Error(String(error));
    }
  }
  return loaded;
}
