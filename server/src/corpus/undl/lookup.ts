import { parseSymbol } from '../../references';
import type { RegistryEntry } from '../registry';
import { symbolKey } from '../registry';
import { entriesFromMarcXml } from './importExport';
import type { LibraryRecord } from './libraryRecord';
import type { LookupCache } from './lookupCache';
import { registryEntries } from './toRegistry';

/**
 * Looking up one document in the UN Digital Library, when the user asks for it (a quick fix, or
 * `compact-drafter registry lookup SYMBOL --online`). The Library's terms forbid automated bulk
 * download, so nothing here ever runs on its own: one symbol per request of the user, one request
 * at a time and at most one a second, each answer kept on disk so it is never fetched twice.
 *
 * The search: `<base>/search?p=191__a:"<symbol>"&of=xm` (MARC field 191 $a is the document
 * symbol; `of=xm` answers MARCXML, as the Library's "Export" does).
 */
export const DIGITAL_LIBRARY_URL = 'https://digitallibrary.un.org';
/** Overrides the Library's address (tests serve records from 127.0.0.1). */
export const DIGITAL_LIBRARY_URL_ENV = 'COMPACT_DRAFTER_DIGITAL_LIBRARY_URL';
const DEFAULT_TIMEOUT_MS = 20_000;
const MIN_INTERVAL_MS = 1000;
/** A search answer for one symbol is a few kilobytes; more is not what was asked for. */
const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

export type LookupFailure = 'not-a-symbol' | 'offline' | 'timeout' | 'rate-limited' | 'http' | 'malformed' | 'not-found';

export type LookupOutcome =
  | { readonly ok: true; readonly record: LibraryRecord; readonly entries: readonly RegistryEntry[]; readonly fromCache: boolean; readonly url: string }
  | { readonly ok: false; readonly reason: LookupFailure; readonly message: string };

export interface LookupOptions {
  /** Default: the environment's COMPACT_DRAFTER_DIGITAL_LIBRARY_URL, else https://digitallibrary.un.org. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly minIntervalMs?: number;
  readonly cache?: LookupCache;
}

export function lookupUrl(baseUrl: string, symbol: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/search?p=${encodeURIComponent(`191__a:"${symbol}"`)}&of=xm&rg=10&ln=en`;
}

export class DigitalLibraryLookup {
  private queue: Promise<unknown> = Promise.resolve();
  private lastRequest = -Infinity;
  /** After an HTTP 429 with Retry-After: no request before then. */
  private blockedUntil = -Infinity;
  readonly baseUrl: string;

  constructor(private readonly options: LookupOptions = {}) {
    this.baseUrl = options.baseUrl || process.env[DIGITAL_LIBRARY_URL_ENV] || DIGITAL_LIBRARY_URL;
  }

  /** One symbol's record; lookups wait for each other, so there is never more than one request under way. */
  lookUp(symbol: string): Promise<LookupOutcome> {
    const next = this.queue.then(() => this.lookUpNow(symbol));
    this.queue = next.catch(() => {});
    return next;
  }

  private async lookUpNow(written: string): Promise<LookupOutcome> {
    const parsed = parseSymbol(written);
    if (!parsed) return { ok: false, reason: 'not-a-symbol', message: `“${written}” is not a UN document symbol; nothing was looked up.` };
    const symbol = parsed.canonical;
    const url = lookupUrl(this.baseUrl, symbol);
    const cached = await this.options.cache?.get(symbol);
    if (cached !== undefined) {
      const outcome = answerFor(symbol, cached, url, true);
      if (outcome.ok) return outcome;
    }
    if (Date.now() < this.blockedUntil) {
      const seconds = Math.ceil((this.blockedUntil - Date.now()) / 1000);
      return { ok: false, reason: 'rate-limited', message: `The UN Digital Library asked to wait before the next request; try again in ${seconds} s. Nothing was sent.` };
    }
    const fetched = await this.fetchPolitely(url);
    if (typeof fetched !== 'string') return fetched;
    const outcome = answerFor(symbol, fetched, url, false);
    if (outcome.ok) await this.options.cache?.put(symbol, url, fetched);
    return outcome;
  }

  private async fetchPolitely(url: string): Promise<string | Extract<LookupOutcome, { ok: false }>> {
    const earliest = this.lastRequest + (this.options.minIntervalMs ?? MIN_INTERVAL_MS);
    // Timers may fire a millisecond early: wait until the second has really passed.
    while (Date.now() < earliest) await new Promise((resolve) => setTimeout(resolve, earliest - Date.now()));
    try {
      return await this.fetchOnce(url);
    } finally {
      // Counted from the end of the answer: the Library sees requests at least a second apart whatever the connection's latency.
      this.lastRequest = Date.now();
    }
  }

  private async fetchOnce(url: string): Promise<string | Extract<LookupOutcome, { ok: false }>> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const host = new URL(url).host;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/marcxml+xml, application/xml, text/xml' }, redirect: 'follow' });
    } catch (error) {
      return failed(error, host, timeoutMs);
    }
    if (response.status === 429) {
      const retry = Number(response.headers.get('retry-after'));
      await response.body?.cancel().catch(() => {});
      if (retry > 0) this.blockedUntil = Date.now() + Math.min(retry, 3600) * 1000;
      return {
        ok: false,
        reason: 'rate-limited',
        message: `The UN Digital Library is receiving too many requests (HTTP 429)${retry > 0 ? ` and asks to wait ${retry} s` : ''}; try again later. Nothing was changed.`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, reason: 'http', message: `The UN Digital Library answered HTTP ${response.status}${response.statusText ? ` (${response.statusText})` : ''}; try again later. Nothing was changed.` };
    }
    try {
      const bytes = await readLimited(response, MAX_ANSWER_BYTES);
      return bytes === undefined
        ? { ok: false, reason: 'malformed', message: `The UN Digital Library's answer is larger than ${MAX_ANSWER_BYTES / 1048576} MB, not one record; nothing was changed.` }
        : new TextDecoder('utf-8').decode(bytes);
    } catch (error) {
      return failed(error, host, timeoutMs);
    }
  }
}

/** The record of exactly this symbol in an answer (a search may also find documents that mention it). */
function answerFor(symbol: string, xml: string, url: string, fromCache: boolean): LookupOutcome {
  const result = entriesFromMarcXml(xml, url);
  const record = result.imported.find((r) => symbolKey(r.symbol) === symbolKey(symbol));
  if (record) return { ok: true, record, entries: registryEntries([record], `lookup of ${symbol}`), fromCache, url };
  // An empty collection is a search that found nothing; anything else unreadable is a broken answer.
  const problem = result.problems.find((p) => !(p.position === 0 && /no records/.test(p.message)));
  if (problem && result.imported.length === 0) {
    return { ok: false, reason: 'malformed', message: `The UN Digital Library's answer is not a MARCXML record (${problem.message}); nothing was changed.` };
  }
  return { ok: false, reason: 'not-found', message: `The UN Digital Library has no record with the symbol ${symbol}.` };
}

function failed(error: unknown, host: string, timeoutMs: number): Extract<LookupOutcome, { ok: false }> {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { ok: false, reason: 'timeout', message: `The UN Digital Library (${host}) did not answer within ${Math.round(timeoutMs / 100) / 10} s; try again later. Nothing was changed.` };
  }
  const code = ((error as { cause?: { code?: string } })?.cause?.code ?? (error as NodeJS.ErrnoException)?.code) || (error as Error)?.message;
  return { ok: false, reason: 'offline', message: `Could not reach the UN Digital Library (${host}: ${code}). Are you offline? Nothing was changed.` };
}

async function readLimited(response: Response, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body ?? []) {
    length += chunk.length;
    if (length > limit) return undefined;
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
