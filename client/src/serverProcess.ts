// What the language server process is given before it starts: settings it cannot make for itself
// once running. Used by the extension (extension.ts) and by the long-session bench, which starts
// the server with exactly these (bench/longSession.bench.ts), so the bench measures what users run.
// No `vscode` import here: the bench loads this module in plain Node.

/**
 * glibc's malloc gives freed memory back to the system from 128 KB at an arena's top
 * (MALLOC_TRIM_THRESHOLD_, glibc's default value, read when the process starts), always.
 *
 * Without it the threshold moves: each time a block above the mmap threshold is freed, glibc raises
 * that threshold to the block's size and the trim threshold to twice it, so from then on memory freed
 * at an arena's top stays with the process. Over a long session the server's RSS grew by 15–25 MB
 * while V8's heap after GC grew 3–4 MB: /proc/PID/smaps put 8–9 MB of the rest in glibc's arenas
 * (the main one and those of V8's compiler and collector threads), grown within the first 200 edits
 * and never given back. With the threshold fixed they grew 0.5 MB over 2,000 edits. Setting any of
 * these variables is what turns the moving threshold off (mallopt(3)). Ignored where malloc is not
 * glibc's (macOS, Windows, musl); a value the user set is kept.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return env.MALLOC_TRIM_THRESHOLD_ === undefined ? { MALLOC_TRIM_THRESHOLD_: '131072' } : {};
}
