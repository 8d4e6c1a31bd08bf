import { parse as parseYaml } from 'yaml';
import { parseSymbol } from '../references/symbols';
import { MONTHS } from '../vocabulary';

export interface DocumentMetadata {
  symbol?: string;
  title?: string;
  date?: string;
  /** How the symbol was found, for messages. */
  source: 'front matter' | 'cover page' | 'file name' | 'none';
}

export interface FrontMatter {
  /** The text with the front matter replaced by spaces (offsets unchanged). */
  body: string;
  fields: Record<string, unknown>;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Reads YAML front matter; throws with a readable reason when it is broken. */
export function readFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text, fields: {} };
  let fields: unknown;
  try {
    fields = parseYaml(match[1]);
  } catch (error) {
    throw new Error(`broken front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  if (fields !== null && (typeof fields !== 'object' || Array.isArray(fields))) {
    throw new Error('broken front matter: expected "key: value" lines');
  }
  return { body: blanked(text, match[0]), fields: (fields ?? {}) as Record<string, unknown> };
}

/**
 * The text with its front matter replaced by spaces, as readFrontMatter gives it, without reading
 * the YAML: for a text whose fields are already known (a corpus text read again, loader.ts).
 */
export function blankFrontMatter(text: string): string {
  const match = FRONT_MATTER.exec(text);
  return match ? blanked(text, match[0]) : text;
}

function blanked(text: string, frontMatter: string): string {
  return frontMatter.replace(/[^\r\n]/g, ' ') + text.slice(frontMatter.length);
}

/** "7 August 2013" → "2013-08-07". */
export function parseUnDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === match[2].toLowerCase());
  if (month < 0) return undefined;
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/**
 * The UN cover page: a symbol on a line of its own near the top, and "Distr.: General"
 * followed by the date of issue.
 */
export function readCoverPage(text: string): { symbol?: string; date?: string } {
  const lines = text.slice(0, 4000).split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, 40);
  const result: { symbol?: string; date?: string } = {};
  for (let i = 0; i < lines.length; i++) {
    if (!result.symbol && /^[A-Z]{1,6}(\/[A-Za-z0-9.\-]+)+\*?$/.test(lines[i])) {
      result.symbol = parseSymbol(lines[i])?.canonical;
    }
    if (!result.date && /^Distr\.?:?\s*(General|Limited|Restricted)/i.test(lines[i])) {
      result.date = parseUnDate(lines[i].replace(/^Distr\.?:?\s*(General|Limited|Restricted)\s*/i, '')) ?? parseUnDate(lines[i + 1] ?? '');
    }
  }
  return result;
}

/** "A-68-283.md" → "A/68/283"; "A-71-285-excerpt.txt" → "A/71/285". */
export function symbolFromFileName(fileName: string): string | undefined {
  const parts = fileName.replace(/\.[^.]+$/, '').split('-');
  for (let n = parts.length; n >= 2; n--) {
    const candidate = parts.slice(0, n).join('/');
    if (!/\d$/.test(candidate)) continue;
    const parsed = parseSymbol(candidate);
    if (parsed && parsed.problems.length === 0) return parsed.canonical;
  }
  return undefined;
}

function stringField(fields: Record<string, unknown>, name: string): string | undefined {
  const value = fields[name];
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
}

/** Front matter first, then the cover page, then the file name. */
export function readMetadata(fields: Record<string, unknown>, body: string, fileName: string): DocumentMetadata {
  const cover = readCoverPage(body);
  const declared = stringField(fields, 'symbol');
  const meta: DocumentMetadata = { source: 'none' };
  if (declared) {
    const parsed = parseSymbol(declared);
    if (!parsed) throw new Error(`front matter symbol "${declared}" is not a UN document symbol`);
    meta.symbol = parsed.canonical;
    meta.source = 'front matter';
  } else if (cover.symbol) {
    meta.symbol = cover.symbol;
    meta.source = 'cover page';
  } else {
    const fromName = symbolFromFileName(fileName);
    if (fromName) {
      meta.symbol = fromName;
      meta.source = 'file name';
    }
  }
  meta.title = stringField(fields, 'title');
  meta.date = stringField(fields, 'date') ?? cover.date;
  return meta;
}

/** An adopted resolution's heading: "Resolution adopted by the General Assembly on 19 December 2023" (lines joined or not). */
export const ADOPTION_HEADING = /Resolution adopted by the General Assembly\s+on\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/;
/** The cover page's date of issue: "Distr.: General 22 December 2023", "Distr.: Limited 9 September 2025". */
export const DATE_OF_ISSUE = /Distr\.:\s*(?:General|Limited)\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})/;
