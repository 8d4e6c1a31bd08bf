// The long session of issue 17: 20,000 edits on a 150 KB draft through the built server over stdio,
// the client pulling diagnostics after each edit as VS Code does. Reports the server's heap after GC
// and RSS at the start and the end (read by bench/memoryProbe.cjs, preloaded into the server), and
// checks that the answers at the end (diagnostics, hovers, symbols, folding) are identical to those
// of a fresh server opening the final text. Edits come in pairs: a new word typed into a paragraph
// (each pair a new one, cycling through the draft), then removed, so the draft keeps its size while
// every pair gives every cache a text it has not seen.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverEnvironment } from '../client/src/serverProcess';
import { startServer, type TestServer } from '../test/protocol/lspClient';
import { buildDraft } from './drafts';
import { positionAt } from './edits';

const EDITS = Number(process.env.LONG_SESSION_EDITS) || (process.env.BENCH_QUICK ? 2_000 : 20_000);
/** Memory is also read this often during the session, to tell a plateau from steady growth. */
const SAMPLES = 10;
/** The first and the last this many edits are timed apart: a session that slows down shows it. */
const TIMED_STRETCH = Math.min(1_000, EDITS / 4);
const GROWTH_TARGET_MB = 20;
const URI = 'file:///bench/long-session.md';

interface Memory {
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly rss: number;
  /** RSS that is anonymous memory (V8's heap, malloc), and RSS of mapped files (/proc/self/smaps_rollup). */
  readonly anonymous?: number;
  readonly files?: number;
  /** RSS of glibc's main malloc arena ([heap]) and of its thread arenas (bench/memoryProbe.cjs). */
  readonly mainArena?: number;
  readonly threadArenas?: number;
  readonly threadArenaCount?: number;
  /** The server's CPU time so far, user + system, in microseconds. */
  readonly cpu: number;
  /** Committed bytes per V8 heap space. */
  readonly spaces: Record<string, number>;
}

async function memoryOf(server: TestServer): Promise<Memory> {
  const before = server.stderr().length;
  server.process.kill('SIGUSR2');
  // Up to 30 s: two full collections on a loaded machine can take seconds.
  for (let i = 0; i < 3000; i++) {
    const match = /MEMORY (\{.*\})/.exec(server.stderr().slice(before));
    if (match) return JSON.parse(match[1]!) as Memory;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the server did not report its memory (is bench/memoryProbe.cjs preloaded?)');
}

async function start(cacheDir: string): Promise<TestServer> {
  const previous = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${previous ?? ''} --require ${join(__dirname, 'memoryProbe.cjs')}`.trim();
  try {
    // As VS Code: the environment the extension gives the server process (malloc trimming), pull
    // diagnostics, with workspace/diagnostic/refresh (else the server also pushes after a pause).
    const server = await startServer({
      env: serverEnvironment(process.env),
      capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } },
      initializationOptions: { cacheDir },
    });
    server.connection.onRequest('workspace/diagnostic/refresh', () => null);
    return server;
  } finally {
    if (previous === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = previous;
  }
}

const mbOf = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1048576).toFixed(1));

/** Where the memory is: heap after GC, committed per space, outside the heap, and RSS by kind. */
function breakdown(m: Memory): string {
  const spaces = Object.entries(m.spaces)
    .filter(([, bytes]) => bytes >= 1048576)
    .map(([name, bytes]) => `${name.replace(/_space$/, '')} ${mbOf(bytes)}`)
    .join(', ');
  const malloc = m.mainArena === undefined ? '' : `, of it malloc ${mbOf(m.mainArena + (m.threadArenas ?? 0))}: main arena ${mbOf(m.mainArena)}, ${m.threadArenaCount} thread arenas ${mbOf(m.threadArenas)}`;
  return `heap after GC ${mbOf(m.heapUsed)} MB, committed ${mbOf(m.heapTotal)} MB (${spaces}), external ${mbOf(m.external)} MB (array buffers ${mbOf(m.arrayBuffers)}), RSS ${mbOf(m.rss)} MB (anonymous ${mbOf(m.anonymous)}${malloc}; files ${mbOf(m.files)})`;
}

const pull = (server: TestServer) => server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });

/** No single edit, pull or memory report takes this long, even on a loaded machine: the server is stuck. */
const STEP_TIMEOUT_MS = 120_000;

/**
 * Where the run is, so that an end is never silent. The 20,000-edit run once ended between 14,000
 * and 16,000 edits printing nothing: a request whose server had gone never settled, Node's event
 * loop emptied and the process exited 0. Every step now races the server's exit and a timeout, and
 * says the edit number, the server's exit code or signal and the tail of its stderr.
 */
class SessionWatch {
  edits = 0;
  private exited: string | undefined;
  private readonly gone: Promise<never>;

  constructor(private readonly server: TestServer, private readonly name: string) {
    this.gone = new Promise<never>((_, reject) => {
      server.process.once('exit', (code, signal) => {
        this.exited = `exit code ${code}${signal ? `, signal ${signal}` : ''}`;
        reject(this.failure(`the ${name} server exited (${this.exited})`));
      });
    });
    this.gone.catch(() => {});
  }

  /** The step's result, or a loud error if the server exits or the step outlasts STEP_TIMEOUT_MS. */
  async step<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.failure(`${what} got no answer in ${STEP_TIMEOUT_MS / 1000} s (server ${this.exited ?? `alive, pid ${this.server.process.pid}`})`)), STEP_TIMEOUT_MS);
    });
    try {
      return await Promise.race([promise, this.gone, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  failure(why: string): Error {
    const tail = this.server.stderr().split('\n').filter((line) => !line.startsWith('MEMORY ')).slice(-30).join('\n');
    return new Error(`long session stopped after ${this.edits.toLocaleString('en')} edits: ${why}\n--- ${this.name} server stderr (last 30 lines) ---\n${tail || '(empty)'}`);
  }
}

/** Everything the drafter sees of the draft: diagnostics, hovers on its first citations, outline, folding. */
async function answers(server: TestServer, text: string): Promise<string> {
  const citations = [...text.matchAll(/A\/RES\/\d+\/\d+|resolution \d+\/\d+/g)].slice(0, 20).map((m) => positionAt(text, m.index! + 2));
  const hovers = [];
  for (const position of citations) hovers.push(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position }));
  return JSON.stringify({
    diagnostics: await pull(server),
    hovers,
    symbols: await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }),
    folding: await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } }),
  });
}

/** Waits until the warm-up has built the reuse index (diagnostics stop changing over a quiet second). */
async function settle(server: TestServer): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = JSON.stringify(await pull(server));
    if (now === last) return;
    last = now;
  }
}

export async function runLongSessionBench(): Promise<string> {
  const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
  const draft = buildDraft('draft-150KB', 150_000);
  const cacheDir = mkdtempSync(join(tmpdir(), 'compact-drafter-long-'));
  const server = await start(cacheDir);
  const watch = new SessionWatch(server, 'long-session');
  let fresh: TestServer | undefined;
  try {
    await watch.step('opening the draft', server.open(URI, draft.text, 1));
    await watch.step('the first pull', pull(server));
    await watch.step('the warm-up', settle(server));
    const first = await watch.step('the memory report', memoryOf(server));
    // Paragraph starts, to spread the typing through the draft.
    const places = [...draft.text.matchAll(/\n\d+\. \*[^*\n]+\* /g)].map((m) => m.index! + m[0].length);
    if (places.length < 10) throw new Error(`only ${places.length} operative paragraphs found in the bench draft`);
    let text = draft.text;
    let version = 1;
    const series: Memory[] = [first];
    const pairs = EDITS / 2;
    const stretch = TIMED_STRETCH / 2;
    let firstStretchMs = 0;
    let lastStretchMs = 0;
    const began = performance.now();
    for (let i = 0; i < pairs; i++) {
      const pairBegan = performance.now();
      const offset = places[(i * 37) % places.length]!;
      const word = `w${i.toString(36)} `;
      const position = positionAt(text, offset);
      text = text.slice(0, offset) + word + text.slice(offset);
      await watch.step(`edit ${watch.edits + 1}`, server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ range: { start: position, end: position }, text: word }] }));
      await watch.step(`the pull after edit ${watch.edits + 1}`, pull(server));
      watch.edits++;
      text = text.slice(0, offset) + text.slice(offset + word.length);
      const end = { line: position.line, character: position.character + word.length };
      await watch.step(`edit ${watch.edits + 1}`, server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ range: { start: position, end }, text: '' }] }));
      await watch.step(`the pull after edit ${watch.edits + 1}`, pull(server));
      watch.edits++;
      const pairMs = performance.now() - pairBegan;
      if (i < stretch) firstStretchMs += pairMs;
      if (i >= pairs - stretch) lastStretchMs += pairMs;
      if ((i + 1) % (pairs / SAMPLES) === 0 && i + 1 < pairs) {
        const sample = await watch.step('the memory report', memoryOf(server));
        series.push(sample);
        // A run of 20,000 edits takes many minutes: say how far it got.
        process.stderr.write(`long session: ${(2 * (i + 1)).toLocaleString('en')} edits, ${((performance.now() - began) / 1000).toFixed(0)} s, ${breakdown(sample)}\n`);
      }
    }
    const seconds = (performance.now() - began) / 1000;
    // A last edit that stays, so the final text is not the opening one.
    const offset = places[0]!;
    const position = positionAt(text, offset);
    text = `${text.slice(0, offset)}notably ${text.slice(offset)}`;
    await watch.step('the last edit', server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: ++version }, contentChanges: [{ range: { start: position, end: position }, text: 'notably ' }] }));
    await watch.step('the last pull', pull(server));
    watch.edits++;
    const last = await watch.step('the memory report', memoryOf(server));
    series.push(last);
    const long = await watch.step('the final answers', answers(server, text));
    fresh = await start(mkdtempSync(join(tmpdir(), 'compact-drafter-fresh-')));
    const freshWatch = new SessionWatch(fresh, 'fresh');
    await freshWatch.step('opening the draft', fresh.open(URI, text, 1));
    await freshWatch.step('the first pull', pull(fresh));
    await freshWatch.step('the warm-up', settle(fresh));
    const freshMemory = await freshWatch.step('the memory report', memoryOf(fresh));
    const same = long === (await freshWatch.step('the final answers', answers(fresh, text)));
    const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
    const heapGrowth = (last.heapUsed - first.heapUsed) / 1048576;
    const rssGrowth = (last.rss - first.rss) / 1048576;
    return [
      `long session: ${EDITS.toLocaleString('en')} edits (pairs of a new word typed and removed, each followed by a diagnostics pull) on ${draft.name} (${(draft.text.length / 1000).toFixed(0)} k characters), ${seconds.toFixed(0)} s, ${((seconds * 1000) / EDITS).toFixed(1)} ms per edit; the server's CPU time ${((last.cpu - first.cpu) / 1e6).toFixed(0)} s, ${((last.cpu - first.cpu) / 1000 / EDITS).toFixed(1)} ms per edit; load average ${loadAtStart} at the start, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`,
      `  the server's environment as the VS Code extension starts it: ${Object.entries(serverEnvironment(process.env)).map(([k, v]) => `${k}=${v}`).join(' ') || '(nothing added: set already)'}`,
      `  edit + pull: ${(firstStretchMs / TIMED_STRETCH).toFixed(1)} ms over the first ${TIMED_STRETCH.toLocaleString('en')} edits, ${(lastStretchMs / TIMED_STRETCH).toFixed(1)} ms over the last ${TIMED_STRETCH.toLocaleString('en')}`,
      `  heap after GC: ${mb(first.heapUsed)} at the start, ${mb(last.heapUsed)} at the end (growth ${heapGrowth.toFixed(1)} MB; target ≤ ${GROWTH_TARGET_MB} MB${heapGrowth <= GROWTH_TARGET_MB ? ' ✓' : ' ✗'})`,
      `  RSS: ${mb(first.rss)} at the start, ${mb(last.rss)} at the end (growth ${rssGrowth.toFixed(1)} MB; target ≤ ${GROWTH_TARGET_MB} MB${rssGrowth <= GROWTH_TARGET_MB ? ' ✓' : ' ✗'})`,
      `  heap after GC / heap committed / malloc / RSS every ${(EDITS / SAMPLES).toLocaleString('en')} edits (MB): ${series.map((m) => `${mbOf(m.heapUsed)}/${mbOf(m.heapTotal)}/${mbOf(m.mainArena === undefined ? undefined : m.mainArena + (m.threadArenas ?? 0))}/${mbOf(m.rss)}`).join(' ')}`,
      `  a fresh server on the final text: heap after GC ${mb(freshMemory.heapUsed)}, RSS ${mb(freshMemory.rss)}`,
      `  where the memory is (start / end / fresh):`,
      `    ${breakdown(first)}`,
      `    ${breakdown(last)}`,
      `    ${breakdown(freshMemory)}`,
      `  answers at the end (diagnostics, 20 hovers, symbols, folding) identical to the fresh server's: ${same ? 'yes ✓' : 'NO ✗'}`,
    ].join('\n');
  } finally {
    await server.stop();
    await fresh?.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  // The last guard: should anything still leave a promise unsettled with nothing else to wait for,
  // Node would exit 0 without a word (how the run used to end). Say so and fail instead.
  let settled = false;
  process.on('beforeExit', () => {
    if (settled) return;
    console.error('long session: ended without a result (a promise never settled)');
    process.exit(2);
  });
  runLongSessionBench().finally(() => (settled = true)).then(
    (report) => console.log(report),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
