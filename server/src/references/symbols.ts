// UN document symbols: the components are data (UN Dag Hammarskjöld Library, "United Nations
// Documentation: Research Guide: Document Symbols"); the reader classifies each "/"-separated
// component, checks their order, and says how the written form differs from the official one.
import type { OffsetRange } from '../parse/model';
import type { SymbolProblem } from './model';
import { execAt, range } from './text';

/** Organs and special series a symbol starts with. */
export const ORGANS: readonly string[] = [
  'A', // General Assembly
  'S', // Security Council
  'E', // Economic and Social Council
  'ST', // Secretariat
  'T', // Trusteeship Council
  'TD', // UNCTAD
  'UNEP',
  'DP', // UNDP/UNFPA/UNOPS Executive Board
  'ICEF', // UNICEF Executive Board
  'UNW', // UN-Women Executive Board
  'FCCC',
  'HRI',
  'CBD', // Convention on Biological Diversity
  'CTOC', // Conference of the Parties to the Organized Crime Convention
  'CAC', // Conference of the States Parties to the Convention against Corruption (CAC/COSP/10/15)
  'NPT', // Review Conferences of the Parties to the Non-Proliferation Treaty (NPT/CONF.2020/16)
  // Treaty bodies
  'CAT',
  'CCPR',
  'CED',
  'CEDAW',
  'CERD',
  'CMW',
  'CRC',
  'CRPD',
];

/** Where a component may stand: a symbol reads organ → bodies → type → numbers → L./PV./SR. → modifiers. */
type Role = 'body' | 'type' | 'number' | 'numbered-type' | 'modifier';

const RANK: Record<Role, number> = { body: 1, type: 2, number: 3, 'numbered-type': 4, modifier: 5 };

interface ComponentRule {
  readonly role: Role;
  readonly pattern: RegExp;
  /** The component as the UN prints it. */
  readonly canonical: (m: RegExpExecArray) => string;
}

const upper = (m: RegExpExecArray) => m[0].toUpperCase();
const numbered = (name: string) => (m: RegExpExecArray) => `${name}.${m[2]}`;

/** Checked in order, against the component with any spaces removed. */
const COMPONENT_RULES: readonly ComponentRule[] = [
  { role: 'number', pattern: /^\d{1,5}$/, canonical: (m) => m[0] },
  // Special and emergency special sessions: A/RES/S-13/2, A/RES/ES-8/2.
  { role: 'number', pattern: /^(E?S)-(\d{1,2})$/i, canonical: (m) => `${m[1].toUpperCase()}-${m[2]}` },
  // Subsidiary bodies: main committees, commissions, conferences, ad hoc committees, working groups.
  { role: 'body', pattern: /^(C|CN|CONF|AC|WG|EA|CP)\.(\d{1,4})$/i, canonical: (m) => `${m[1].toUpperCase()}.${m[2]}` },
  { role: 'body', pattern: /^(Sub)\.(\d{1,2})$/i, canonical: numbered('Sub') },
  // The Kyoto Protocol's and the Paris Agreement's meetings of the Parties (FCCC/KP/CMP/2012/13/Add.1,
  // FCCC/PA/CMA/2018/3/Add.1); a biennial meeting of States (A/CONF.192/BMS/2022/1); the Convention
  // against Corruption's Conference of the States Parties (CAC/COSP/10/15); UNEP/CBD/COP/10/27.
  { role: 'body', pattern: /^(HRC|PC|SC|WG|B|C|CP|COP|KP|PA|CMP|CMA|BMS|COSP|CBD)$/i, canonical: upper },
  // Document types without a number of their own.
  { role: 'type', pattern: /^(RES|DEC|PRST|INF|SGB|AI|IC|GC|BUR|NGO)$/i, canonical: upper },
  // Limited distribution (drafts), verbatim and summary records, conference room and working papers.
  { role: 'numbered-type', pattern: /^(L|PV|SR|CRP|WP|R|INF)\.(\d{1,5})$/i, canonical: (m) => `${m[1].toUpperCase()}.${m[2]}` },
  // UNEP Environment Assembly resolutions: "UNEP/EA.5/Res.14".
  { role: 'numbered-type', pattern: /^(Res)\.(\d{1,4})$/, canonical: numbered('Res') },
  { role: 'modifier', pattern: /^(Rev)\.(\d{1,3})$/i, canonical: numbered('Rev') },
  { role: 'modifier', pattern: /^(Corr)\.(\d{1,3})$/i, canonical: numbered('Corr') },
  { role: 'modifier', pattern: /^(Add)\.(\d{1,3})$/i, canonical: numbered('Add') },
  { role: 'modifier', pattern: /^(Amend)\.(\d{1,3})$/i, canonical: numbered('Amend') },
  { role: 'modifier', pattern: /^Summary$/i, canonical: () => 'Summary' },
];

/** Types that name a decision of the organ; written after the session they are out of order. */
const DECISION_TYPES = new Set(['RES', 'DEC', 'PRST']);

// One component: "L.35", "Rev. 1" (the space is a spacing problem), "CONF.231", "S-13", "283".
const COMPONENT = String.raw`(?:[A-Za-z]{1,6}\.[ ]?\d{1,5}|[A-Za-z0-9]{1,10}(?:[.\-][A-Za-z0-9]{1,10})*)`;
// Not glued to a word, a path or a URL: "undocs.org/A/RES/71/1", "paragraph3A/57/387" are not citations.
// A hyphen after a number joins two symbols of one document ("A/48/486-S/26560": the same letter
// issued to the Assembly and the Council); after a letter it glues a word ("x-A/…").
const NOT_GLUED = String.raw`(?<![\p{L}\p{N}_\/.:@#&=?%~\\])(?<![^\p{N}]-|^-)`;
const CHAIN = String.raw`${NOT_GLUED}[A-Za-z]{1,6}(?:[ \t]?\/[ \t]?${COMPONENT})+`;

const SYMBOL_AT = new RegExp(CHAIN, 'uy');
const STAR_AT = /\*/y;
// "S/RES/2240 (2015)", "A/RES/217 (III)", "A/RES/217 A (III)".
const YEAR_OR_SESSION_AT = /(?:[ \t]([A-Z]))?[ \t]?\(((?:19|20)\d{2})\)|(?:[ \t]([A-Z]))?[ \t]?\(([IVXL]{1,7})\)/y;
const PART_AT = /[ \t]?\((Part [IVX]{1,4})\)/iy;
const TRAILING_SLASH_AT = /\/(?![\p{L}\p{N}])/uy;

export interface SymbolMatch {
  /** The written symbol, trailing asterisk, year and stray slash included. */
  readonly range: OffsetRange;
  readonly canonical: string;
  readonly problems: SymbolProblem[];
  readonly reissue: boolean;
  readonly parts?: string[];
}

interface Component {
  readonly role: Role;
  readonly canonical: string;
  readonly written: string;
}

function classify(written: string): Component | undefined {
  const compact = written.replace(/[ \t]/g, '');
  for (const rule of COMPONENT_RULES) {
    const m = rule.pattern.exec(compact);
    if (m) return { role: rule.role, canonical: rule.canonical(m), written: compact };
  }
  return undefined;
}

/** Puts a resolution/decision type written after the session back in front of it ("A/71/RES/280"). */
function reorder(components: Component[]): Component[] | undefined {
  const at = components.findIndex((c, i) => c.role === 'type' && DECISION_TYPES.has(c.canonical) && i > 0 && components[i - 1].role === 'number');
  if (at < 0) return undefined;
  let first = at - 1;
  while (first > 0 && components[first - 1].role === 'number') first--;
  const moved = components.slice();
  const [type] = moved.splice(at, 1);
  moved.splice(first, 0, type);
  return moved;
}

interface Shape {
  readonly numbers: number;
  readonly type?: string;
  readonly hasNumberedType: boolean;
}

/** Components in a possible order, and enough of them to name one document. */
function shapeOf(components: readonly Component[], organ = ''): Shape | undefined {
  let rank = 0;
  let numbers = 0;
  let type: string | undefined;
  let numberedType = false;
  for (const c of components) {
    const r = RANK[c.role];
    if (r < rank) return undefined;
    if (c.role === 'type') {
      if (type) return undefined;
      type = c.canonical;
    } else if (c.role === 'number') {
      if (++numbers > 2) return undefined;
    } else if (c.role === 'numbered-type') {
      if (numberedType) return undefined;
      numberedType = true;
    }
    rank = r;
  }
  if (numbers === 0 && !numberedType) return undefined;
  // "E/2015", "A/68": an organ and one number name nothing.
  // Security Council documents are numbered without a session: "S/26560".
  if (components.length < 2 && !numberedType && !(organ === 'S' && /^\d{3,5}$/.test(components[0].canonical))) return undefined;
  return { numbers, type, hasNumberedType: numberedType };
}

/** GA and ECOSOC resolutions and decisions need session and number; Security Council ones only a number. */
function completeResolution(organ: string, shape: Shape, romanSession: boolean): boolean {
  if (!shape.type || !DECISION_TYPES.has(shape.type)) return true;
  if (shape.hasNumberedType) return false;
  if (shape.type === 'PRST') return shape.numbers === 2;
  if (organ === 'S') return shape.numbers === 1;
  return shape.numbers === 2 || (shape.numbers === 1 && romanSession);
}

interface Analysed {
  readonly organ: string;
  readonly organWritten: string;
  readonly components: Component[];
  readonly shape: Shape;
  readonly reordered: boolean;
  readonly spaced: boolean;
}

function analyseChain(chain: string): Analysed | undefined {
  const pieces = chain.split('/');
  const organWritten = pieces[0].replace(/[ \t]/g, '');
  const organ = organWritten.toUpperCase();
  if (!ORGANS.includes(organ)) return undefined;
  const components: Component[] = [];
  for (const piece of pieces.slice(1)) {
    const c = classify(piece);
    if (!c) return undefined;
    components.push(c);
  }
  const spaced = /[ \t]/.test(chain);
  let shape = shapeOf(components, organ);
  if (shape) return { organ, organWritten, components, shape, reordered: false, spaced };
  const moved = reorder(components);
  shape = moved && shapeOf(moved, organ);
  if (!moved || !shape) return undefined;
  return { organ, organWritten, components: moved, shape, reordered: true, spaced };
}

/**
 * Reads the symbol starting exactly at `start` (which must not be glued to a preceding word).
 * Undefined when the text there is not a UN document symbol.
 */
export function readSymbolAt(text: string, start: number): SymbolMatch | undefined {
  const m = execAt(SYMBOL_AT, text, start);
  if (!m) return undefined;
  return symbolFromChain(text, start, m[0]);
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const LONGEST_ORGAN = Math.max(...ORGANS.map((organ) => organ.length));

/**
 * Every symbol of a text. Prose has few slashes, so the search goes from each slash back to the
 * organ before it ("A/…", "A /…") instead of trying the symbol pattern at every offset.
 */
export function* symbolCandidates(text: string): Generator<SymbolMatch> {
  let from = 0;
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', from)) {
    from = slash + 1;
    let end = slash;
    if (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    let start = end;
    while (start > 0 && end - start < LONGEST_ORGAN && isAsciiLetter(text.charCodeAt(start - 1))) start--;
    if (start === end || (start > 0 && isAsciiLetter(text.charCodeAt(start - 1)))) continue;
    const found = readSymbolAt(text, start);
    if (found) {
      from = found.range.end;
      yield found;
    }
  }
}

function symbolFromChain(text: string, start: number, written: string): SymbolMatch | undefined {
  let chain = written;
  let analysed = analyseChain(chain);
  const joint = analysed ? -1 : chain.search(/-(?=[A-Z]{1,6}\/)/);
  if (joint > 0) {
    // "A/48/486-S/26560", "A/78/86-E/2023/83": the first symbol here, the second found on its own.
    chain = chain.slice(0, joint);
    analysed = analyseChain(chain);
  }
  if (!analysed) {
    // "A/68/283 / A/68/284" or "A/RES/71/280/ The": keep what stands before the first spaced slash.
    const spacedSlash = chain.search(/[ \t]\/|\/[ \t]/);
    if (spacedSlash <= 0) return undefined;
    chain = chain.slice(0, spacedSlash);
    analysed = analyseChain(chain);
    if (!analysed) return undefined;
  }
  const { organ, organWritten, components, shape } = analysed;
  let end = start + chain.length;

  const star = execAt(STAR_AT, text, end);
  if (star) end += 1;

  let suffix = '';
  let romanSession = false;
  let parts: string[] | undefined;
  const typedResolution = shape.type === 'RES' && shape.numbers === 1;
  const paren = !star && typedResolution ? execAt(YEAR_OR_SESSION_AT, text, end) : null;
  if (paren && paren[2] && organ === 'S' && !paren[1]) {
    // The year is part of a Security Council resolution's symbol. "S/RES/2240(2015)" (as the Council's
    // own site prints it) and "S/RES/2240 (2015)" are both in use, so neither is a problem.
    suffix = ` (${paren[2]})`;
    end += paren[0].length;
  } else if (paren && paren[4] && (organ === 'A' || organ === 'E')) {
    // The Assembly and the Economic and Social Council numbered resolutions by session: "A/RES/217 (III)", "E/RES/2008 (LX)".
    suffix = ` (${paren[4]})`;
    romanSession = true;
    if (paren[3]) parts = [paren[3]];
    end += paren[0].length;
  } else if (!star) {
    const part = execAt(PART_AT, text, end);
    if (part) {
      suffix = ` (Part ${part[1].slice(5).toUpperCase()})`;
      end += part[0].length;
    }
  }
  if (!completeResolution(organ, shape, romanSession)) return undefined;

  // "A/C.5/80/___": the place of a symbol not yet issued (a programme of work lists them), no citation.
  if (text.startsWith('/_', end)) return undefined;
  const trailing = execAt(TRAILING_SLASH_AT, text, end);
  if (trailing) end += 1;

  const canonical = [organ, ...components.map((c) => c.canonical)].join('/') + suffix;
  const writtenRange = range(start, end);
  const replacement = canonical + (star ? '*' : '');
  const problems: SymbolProblem[] = [];
  const wrongCase =
    organWritten !== organ || components.some((c) => c.written !== c.canonical && c.written.toUpperCase() === c.canonical.toUpperCase());
  if (wrongCase) {
    problems.push({ kind: 'case', message: `Document symbols are written in set capitals: “${canonical}”.`, range: writtenRange, replacement });
  }
  if (analysed.spaced) {
    problems.push({ kind: 'spacing', message: `A document symbol is written without spaces: “${canonical}”.`, range: writtenRange, replacement });
  }
  if (analysed.reordered) {
    problems.push({
      kind: 'order',
      message: `The document type comes before the session and number: “${canonical}”.`,
      range: writtenRange,
      replacement,
    });
  }
  if (trailing) {
    problems.push({ kind: 'trailing-slash', message: `A document symbol does not end with a slash: “${canonical}”.`, range: writtenRange, replacement });
  }
  return { range: writtenRange, canonical, problems, reissue: !!star, ...(parts ? { parts } : {}) };
}

export interface ParsedSymbol {
  /** The official form: "A/RES/71/280", "S/RES/2240 (2015)"; without the reissue asterisk. */
  readonly canonical: string;
  /** How the written form differs from the official one; ranges are offsets into `raw`. */
  readonly problems: SymbolProblem[];
  /** Written with the reissue asterisk ("A/71/L.1*"). */
  readonly reissue: boolean;
}

/** Parses one written symbol: canonical form + problems; undefined when it is not a UN document symbol. */
export function parseSymbol(raw: string): ParsedSymbol | undefined {
  if (typeof raw !== 'string') return undefined;
  const start = raw.search(/\S/);
  if (start < 0) return undefined;
  const found = readSymbolAt(raw, start);
  if (!found || raw.slice(found.range.end).trim() !== '') return undefined;
  return { canonical: found.canonical, problems: found.problems, reissue: found.reissue };
}
