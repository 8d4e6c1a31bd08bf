// Names drafters use instead of symbols ("the Sutherland Report", "the 2030 Agenda"), from the
// registry. A character trie is walked from each word start, so one pass finds the longest name
// whatever the number of aliases; it is compiled once per alias list and cached.
import type { OffsetRange } from '../parse/model';
import { isWordChar, range } from './text';

export interface AliasEntry {
  alias: string;
  symbol: string;
}

export interface AliasMatch {
  readonly range: OffsetRange;
  readonly entry: AliasEntry;
  /** The name as written in the text. */
  readonly written: string;
}

export interface AliasMatcher {
  /** The longest alias starting exactly at `at` (a word start), if any. */
  matchAt(text: string, at: number): AliasMatch | undefined;
  /** Every alias of a text, longest first at each place, not overlapping. */
  findAll(text: string): AliasMatch[];
}

interface Terminal {
  readonly entry: AliasEntry;
  /** Compared exactly (whitespace aside) rather than case-insensitively. */
  readonly caseSensitive: boolean;
  /** The capital the written name must start with, when the registered one starts with a capital. */
  readonly initial?: string;
  readonly normalized: string;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  terminals?: Terminal[];
}

/** One space in an alias matches any run of whitespace in the text (line breaks, no-break spaces). */
const SPACE = ' ';

/** Hyphens and dashes are one character to a name: "2015-2030", "2015–2030" (and a non-breaking hyphen). */
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014']);

function fold(char: string): string {
  if (DASHES.has(char)) return '-';
  const lower = char.toLowerCase();
  // Keep offsets one-to-one: a character whose lower case is longer ("İ") is matched as itself.
  return lower.length === char.length ? lower : char;
}

function gluedFootnote(text: string, at: number): boolean {
  if (at === 0 || !/\p{L}/u.test(text[at - 1])) return false;
  let end = at;
  while (end < text.length && end - at <= 3 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end > at && end - at <= 3 && !isWordChar(text, end);
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u00a0' || char === '\u202f';
}

/**
 * Multi-word names are matched without regard to case ("Sutherland report"); one-word names, and
 * acronyms above all ("GCM"), only as registered, so that ordinary words do not turn into citations.
 */
function isCaseSensitive(alias: string): boolean {
  return !alias.includes(SPACE) || !/\p{Ll}/u.test(alias);
}

/**
 * A name registered with a capital keeps it: "the global compact for safe, orderly and regular
 * migration" is the generic phrase of the negotiations (before the Compact of A/RES/73/195 existed),
 * and "the future we want" is prose; "Global Compact for Safe, Orderly and Regular Migration" and
 * "The future we want" are names.
 */
function initialOf(alias: string): string | undefined {
  const first = alias[0];
  return first !== first.toLowerCase() ? first : undefined;
}

function normalize(alias: string): string {
  return alias.trim().replace(/\s+/g, SPACE);
}

class TrieAliasMatcher implements AliasMatcher {
  private readonly root: TrieNode = { next: new Map() };
  /** Characters (UTF-16 code units, both cases) an alias may start with: cheap to test at every offset. */
  private readonly firstChars = new Uint8Array(0x10000);

  constructor(aliases: readonly AliasEntry[]) {
    for (const entry of aliases) {
      if (!entry || typeof entry.alias !== 'string' || typeof entry.symbol !== 'string') continue;
      const normalized = normalize(entry.alias);
      if (!normalized) continue;
      let node = this.root;
      // By UTF-16 code unit, as the text is walked.
      for (let k = 0; k < normalized.length; k++) {
        const key = fold(normalized[k]);
        let child = node.next.get(key);
        if (!child) {
          child = { next: new Map() };
          node.next.set(key, child);
        }
        node = child;
      }
      const initial = initialOf(normalized);
      for (const variant of [normalized[0], normalized[0].toLowerCase(), normalized[0].toUpperCase()]) {
        if (variant.length === 1) this.firstChars[variant.charCodeAt(0)] = 1;
      }
      (node.terminals ??= []).push({ entry, caseSensitive: isCaseSensitive(normalized), ...(initial ? { initial } : {}), normalized });
    }
  }

  matchAt(text: string, at: number): AliasMatch | undefined {
    if (at < 0 || at >= text.length || isWordChar(text, at - 1)) return undefined;
    let node: TrieNode | undefined = this.root;
    let best: AliasMatch | undefined;
    let i = at;
    while (node && i <= text.length) {
      // Whole words only: the name must not run on into the next word ("GCMs" is not "GCM"); a
      // footnote number glued to a name that ends in a letter is no word ("Paris Agreement3", as PDF text layers print it).
      if (node.terminals && (!isWordChar(text, i) || gluedFootnote(text, i))) {
        const written = text.slice(at, i);
        const terminal = node.terminals.find((t) =>
          t.caseSensitive ? normalize(written) === t.normalized : t.initial === undefined || text[at] === t.initial,
        );
        if (terminal) best = { range: range(at, i), entry: terminal.entry, written };
      }
      if (i === text.length) break;
      const char = text[i];
      if (isSpace(char)) {
        node = node.next.get(SPACE);
        while (i < text.length && isSpace(text[i])) i++;
      } else {
        node = node.next.get(fold(char));
        i++;
      }
    }
    return best;
  }

  findAll(text: string): AliasMatch[] {
    const found: AliasMatch[] = [];
    for (let i = 0; i < text.length; i++) {
      if (this.firstChars[text.charCodeAt(i)] === 0 || isWordChar(text, i - 1)) continue;
      const match = this.matchAt(text, i);
      if (match) {
        found.push(match);
        i = match.range.end - 1;
      }
    }
    return found;
  }
}

const compiled = new WeakMap<readonly AliasEntry[], AliasMatcher>();
const compiledByContent = new Map<string, AliasMatcher>();
const CONTENT_CACHE_SIZE = 16;

/**
 * Builds the matching automaton for an alias list once: cached by the list's identity, and by its
 * content for callers that rebuild an equal list each time.
 */
export function compileAliases(aliases: readonly AliasEntry[]): AliasMatcher {
  const cached = compiled.get(aliases);
  if (cached) return cached;
  const key = aliases.map((a) => `${a?.alias}\u0000${a?.symbol}`).join('\u0001');
  let matcher = compiledByContent.get(key);
  if (!matcher) {
    matcher = new TrieAliasMatcher(aliases);
    if (compiledByContent.size >= CONTENT_CACHE_SIZE) compiledByContent.delete(compiledByContent.keys().next().value!);
    compiledByContent.set(key, matcher);
  }
  compiled.set(aliases, matcher);
  return matcher;
}
