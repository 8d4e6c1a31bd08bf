// The postgres.* figures of `npm run bench:scale` (issue #19), measured on a throwaway PostgreSQL
// started on 127.0.0.1 (test/postgres/pgServer.ts: Debian's binaries, as CI installs them):
//   postgres.paragraphs  units held by the team corpus (the 1,190 real texts, plus `extra`)
//   postgres.pushMs      `corpus push` of the real texts and the bundled registry into an empty database
//   postgres.scanMs      reuse scan of a ~150 KB draft through the store (one candidates and one units
//                        request, then alignment, with the CLI's timeouts), median of 5
//   postgres.editorScanMs, editorRescanMs  the same draft as the language server asks it (teamReuse.ts:
//                        64 paragraphs a query, the interactive timeouts), then after a one-paragraph edit
//   postgres.hoverP95Ms  what a hover on a citation asks the store: the registry entry and the cited
//                        paragraph in one round trip (PgCorpusStore.citation, a prepared statement),
//                        p95 of 400 citations of the real texts, the median of 3 rounds (hoverP50Ms
//                        and the client's CPU time hoverCpuMs beside it, and hoverTwoTripsP95Ms: the
//                        same asked as two queries, as before)
//   equivalent           true when in memory and PostgreSQL gave the same references and reuse matches
//                        on every tenth real text checked as a draft (test/postgres/equivalence.ts)
// bench/scale (the embedded store's bench) calls postgresFigures(); run alone, this file prints
// them as one JSON object: node --import tsx bench/postgresScale.ts [--json] [--paragraphs N]
// [--no-equivalence]. --paragraphs N pushes generated paragraphs (bench/scaleCorpus.ts: real
// paragraphs mutated) after the real texts until the team corpus holds about N; the load average
// and the process's CPU time are printed beside the wall times, since this machine is shared.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bundledRegistry, type CorpusDocument } from '../server/src/corpus';
import { parseDraft } from '../server/src/parse';
import type { StoreDocumentInput } from '../server/src/store/corpusStore';
import { corpusServerConnection, INTERACTIVE_TIMEOUTS, PUSH_TIMEOUTS } from '../server/src/store/postgres/connection';
import { PgCorpusStore } from '../server/src/store/postgres/pgStore';
import { scanDraftInStore } from '../server/src/store/storeScan';
import { TeamReuse } from '../server/src/store/postgres/teamReuse';
import { CLI_TIMEOUTS } from '../server/src/cli/corpusServerOption';
import { compareStores, pushAll } from '../test/postgres/equivalence';
import { findPostgresBinaries, startTestPostgres } from '../test/postgres/pgServer';
import { realDocuments } from '../test/postgres/realTexts';
import { sharedPath } from '../test/sharedData';
import { documentCount, generatedDocument, readSeeds } from './scaleCorpus';

export interface PostgresFigures {
  readonly paragraphs: number;
  readonly pushMs: number;
  readonly scanMs: number;
  /** The draft scanned as the editor asks (teamReuse.ts: 64 paragraphs a query, the interactive timeouts), nothing kept yet; median of 3. */
  readonly editorScanMs: number | null;
  /** The editor's scan again after one paragraph changed (the others' answers kept): median of 3. */
  readonly editorRescanMs: number | null;
  readonly hoverP95Ms: number;
  readonly hoverP50Ms: number;
  /** The client's CPU time a hover (node-postgres), median of the rounds. */
  readonly hoverCpuMs: number;
  /** The hover's two questions asked as two queries (registryEntry, then paragraph), as before. */
  readonly hoverTwoTripsP95Ms: number;
  /** The machine's 1-minute load average when the hovers were measured. */
  readonly loadAverage: number;
  readonly equivalent: boolean;
  /** Drafts compared for `equivalent`, and their differences (empty when equivalent). */
  readonly equivalenceDrafts: number;
  readonly differences: readonly string[];
}

export interface PostgresBenchOptions {
  /** More documents to push after the real texts (the scale bench's mutated corpus), streamed. */
  readonly extra?: () => Iterable<StoreDocumentInput> | AsyncIterable<StoreDocumentInput>;
  /** The draft to scan (default: ~150 KB of real session-80 resolutions' paragraphs). */
  readonly draftText?: string;
  /** Every how many real texts one is checked as a draft for `equivalent` (10). */
  readonly equivalenceEvery?: number;
  readonly log?: (line: string) => void;
}

/** The figures, or why they could not be measured (no PostgreSQL binaries on this machine). */
export async function postgresFigures(options: PostgresBenchOptions = {}): Promise<PostgresFigures | { skipped: string }> {
  if (!findPostgresBinaries()) return { skipped: 'no PostgreSQL server binaries (apt-get install postgresql)' };
  const log = options.log ?? (() => {});
  const server = await startTestPostgres();
  const target = `postgres://${server.user}@127.0.0.1:${server.port}/${server.database}`;
  const env = { PGPASSWORD: server.password };
  const writer = new PgCorpusStore(corpusServerConnection(target, PUSH_TIMEOUTS, env), { migrate: true, pushedFrom: 'bench' });
  const reader = new PgCorpusStore(corpusServerConnection(target, INTERACTIVE_TIMEOUTS, env));
  const cliReader = new PgCorpusStore(corpusServerConnection(target, CLI_TIMEOUTS, env));
  try {
    const documents = realDocuments();
    for (const document of documents) void document.model;
    const registry = [...bundledRegistry().all()];
    let started = performance.now();
    await pushAll(writer, documents, registry);
    const pushMs = performance.now() - started;
    log(`postgres: ${documents.length} real texts and ${registry.length} registry entries pushed in ${(pushMs / 1000).toFixed(1)} s`);

    const every = options.equivalenceEvery ?? 10;
    const report = every > 0 ? await compareStores(reader, documents, registry, documents.filter((_, i) => i % every === every >> 1)) : { drafts: 0, references: 0, matches: 0, differences: [] as string[], equivalent: false };
    log(`postgres: ${report.drafts} drafts compared: ${report.references} references, ${report.matches} reused passages, ${report.differences.length} differences`);

    if (options.extra) {
      started = performance.now();
      const put = await writer.putDocuments(options.extra());
      log(`postgres: ${put} more documents pushed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    const status = await reader.status();
    const draftText = options.draftText ?? realDraft(documents, 150_000);
    // A reader of its own: an editor scan over the timeout marks its store down for 30 s.
    const editorReader = new PgCorpusStore(corpusServerConnection(target, INTERACTIVE_TIMEOUTS, env));
    const editor = await editorScans(editorReader, draftText, log).catch((error: Error) => {
      log(`postgres: ${error.message}`);
      return { scanMs: null, rescanMs: null };
    });
    await editorReader.close();

    const model = parseDraft(draftText);
    const scans: number[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      // The whole draft in one candidates query, as `reuse --corpus-server` asks it (with the CLI's timeouts).
      await scanDraftInStore(model, cliReader, { minWords: 25, minSimilarity: 0.8 });
      scans.push(performance.now() - started);
    }

    // Three rounds of 400 citations each way; the medians of the rounds' percentiles (the machine is shared).
    const cited = documents.filter((d) => d.symbol && d.model.paragraphs.length > 0);
    const citations = Array.from({ length: 400 }, (_, i) => {
      const document = cited[(i * 7919) % cited.length]!;
      return { document, label: document.model.paragraphs[(i * 31) % document.model.paragraphs.length]!.label };
    });
    const loadAverage = loadavg()[0]!;
    const rounds: { p50: number; p95: number; twoP95: number; cpuMs: number }[] = [];
    for (let pass = 0; pass < 3; pass++) {
      const hovers: number[] = [];
      let cpuMicros = 0;
      for (const { document, label } of citations) {
        const cpu = process.cpuUsage();
        started = performance.now();
        const answer = await reader.citation(document.symbol!, label);
        hovers.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        cpuMicros += used.user + used.system;
        if (!answer.paragraph) throw new Error(`${document.symbol} paragraph ${label}: not found in the store`);
      }
      const twoTrips: number[] = [];
      for (const { document, label } of citations) {
        started = performance.now();
        await reader.registryEntry(document.symbol!);
        await reader.paragraph(document.uri, label);
        twoTrips.push(performance.now() - started);
      }
      rounds.push({ p50: percentile(hovers, 0.5), p95: percentile(hovers, 0.95), twoP95: percentile(twoTrips, 0.95), cpuMs: cpuMicros / 1000 / citations.length });
    }
    const median = (pick: (r: (typeof rounds)[number]) => number) => percentile(rounds.map(pick), 0.5);
    log(
      `postgres: ${status.units} paragraphs; scan median ${round(percentile(scans, 0.5))} ms; hover (one round trip) p50 ${round(median((r) => r.p50))} ms, p95 ${round(median((r) => r.p95))} ms ` +
        `(rounds: ${rounds.map((r) => round(r.p95)).join(', ')}), client CPU ${median((r) => r.cpuMs).toFixed(2)} ms a hover; two round trips p95 ${round(median((r) => r.twoP95))} ms; ` +
        `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
    );
    return {
      paragraphs: status.units,
      pushMs: Math.round(pushMs),
      scanMs: round(percentile(scans, 0.5)),
      editorScanMs: editor.scanMs,
      editorRescanMs: editor.rescanMs,
      hoverP95Ms: round(median((r) => r.p95)),
      hoverP50Ms: round(median((r) => r.p50)),
      hoverCpuMs: Math.round(median((r) => r.cpuMs) * 100) / 100,
      hoverTwoTripsP95Ms: round(median((r) => r.twoP95)),
      loadAverage: round(loadAverage),
      equivalent: report.equivalent,
      equivalenceDrafts: report.drafts,
      differences: report.differences,
    };
  } finally {
    await reader.close();
    await cliReader.close();
    await writer.close();
    await server.stop();
  }
}

/**
 * The draft scanned as the language server asks the team corpus (store/postgres/teamReuse.ts), with
 * nothing kept, then after an edit of its paragraph 10. Throws when the editor's scan got no answer
 * (a query over the interactive timeout): that is the figure to know.
 */
async function editorScans(reader: PgCorpusStore, text: string, log: (line: string) => void): Promise<{ scanMs: number; rescanMs: number }> {
  const edited = text.replace(/^(10\. (?:\S+ ){3})\S+/m, '$1altered');
  if (edited === text) throw new Error('the bench draft has no paragraph 10 to edit');
  const scans: number[] = [];
  const rescans: number[] = [];
  for (let i = 0; i < 3; i++) {
    const reuse = new TeamReuse(reader, () => {}, 'bench', (error) => log(`postgres: editor scan failed: ${error}`));
    for (const [version, words, times] of [[1, text, scans], [2, edited, rescans]] as const) {
      const scan = { uri: 'file:///bench.md', version, text: words, model: parseDraft(words), minWords: 25, minSimilarity: 0.8 };
      const started = performance.now();
      reuse.request(scan);
      while (reuse.busy) await new Promise((resolve) => setTimeout(resolve, 2));
      times.push(performance.now() - started);
      if (!reuse.matchesOf(scan)) throw new Error(`the editor's scan of version ${version} got no answer: ${reader.problem ?? 'see the log'}`);
    }
  }
  log(`postgres: the editor's scan ${scans.map(round).join(', ')} ms, after a one-paragraph edit ${rescans.map(round).join(', ')} ms`);
  return { scanMs: round(percentile(scans, 0.5)), rescanMs: round(percentile(rescans, 0.5)) };
}

/** About `size` characters of numbered paragraphs from the real session-80 resolutions. */
function realDraft(documents: readonly CorpusDocument[], size: number): string {
  const paragraphs = documents.filter((d) => d.symbol?.startsWith('A/RES/80/')).flatMap((d) => d.model.paragraphs.map((p) => p.text));
  let text = '';
  for (let n = 0; text.length < size && n < paragraphs.length; n++) text += `${n + 1}. ${paragraphs[n]}\n\n`;
  return text;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The generated documents that bring a corpus of `real` paragraphs to about `total` (none when it holds that many). */
function* generatedExtra(total: number, real: number): Iterable<StoreDocumentInput> {
  const paragraphs = total - real;
  if (paragraphs <= 0) return;
  const seeds = readSeeds(join(sharedPath('un-documents', 'texts.jsonl'), '..', '..'));
  for (let d = 0; d < documentCount(paragraphs); d++) yield generatedDocument(d, paragraphs, seeds);
}

/** About how many paragraphs the 1,190 real texts give (what a push of them holds). */
const REAL_PARAGRAPHS = 30_418;

if (require.main === module) {
  const at = process.argv.indexOf('--paragraphs');
  const total = at > 0 ? Number(process.argv[at + 1]) : 0;
  const extra = total > REAL_PARAGRAPHS ? () => generatedExtra(total, REAL_PARAGRAPHS) : undefined;
  const equivalenceEvery = process.argv.includes('--no-equivalence') ? 0 : 10;
  void postgresFigures({ log: (line) => console.error(`${new Date().toISOString().slice(11, 19)} ${line}`), extra, equivalenceEvery }).then((figures) => {
    console.log(process.argv.includes('--json') ? JSON.stringify(figures) : figures);
  });
}
