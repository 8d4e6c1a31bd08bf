// Which Markdown files are UN drafts. Checking a team README as a resolution gives errors on
// "2. Deploy" numbered twice and a red "Requests" in "Requests to the API are retried": the
// extension must be quiet wherever a file is not a draft. Decided in this order, first answer wins:
//
//   1. the drafter's own choice for this file (the command "Check this file as a draft", on or off);
//   2. front matter: `compact-drafter: draft` (or `true`; `off`/`false` says "not a draft"), or a
//      `symbol:` that is a UN document symbol (the draft's own, "A/C.3/80/L.12");
//   3. a folder the user names: `compactDrafter.drafts.include` globs, relative to the workspace folder;
//   4. the text declares itself: a UN cover page (a symbol line and "Distr.: General"), the
//      resolution's heading ("*The General Assembly*,"), or two paragraphs opening with an
//      italicised preambular or operative phrase ("*Recalling*", "1. *Decides*"), as UN drafts are set.
//
// Everything else is ordinary Markdown: no diagnostics, no quick fixes, no negotiation highlighting,
// no outline of ours; citations are still hovered (a README citing A/RES/73/195 may want its title).
import { minimatch } from 'minimatch';
import { readCoverPage, readFrontMatter } from '../corpus/metadata';
import { findOpening } from '../language/openings';
import { parseSymbol } from '../references';

export interface DraftDecision {
  readonly draft: boolean;
  /** Why, in words for the status bar's tooltip: "front matter (compact-drafter: draft)". */
  readonly reason: string;
}

export interface DraftScopeOptions {
  /** The file's path on disk (undefined for untitled buffers). */
  readonly path?: string;
  /** Workspace folders, to resolve the include globs against. */
  readonly workspaceFolders: readonly string[];
  /** `compactDrafter.drafts.include`: globs of draft folders or files ("drafts/**", "**\/*.draft.md"). */
  readonly include: readonly string[];
  /** The drafter's choice for this file, if any (true: check it, false: leave it alone). */
  readonly override?: boolean;
}

/** The declaration is read from the top of the file only: a cover or heading is there, and a 1 MB file costs nothing. */
const DECLARATION_WINDOW = 20_000;
/** Paragraphs opening with an italicised opening that make a text a draft (one could be a quotation). */
const OPENINGS_NEEDED = 2;

const BODIES = ['General Assembly', 'Security Council', 'Human Rights Council', 'Economic and Social Council', 'Commission on Population and Development', 'Commission on the Status of Women', 'Conference'];
/** "*The General Assembly*," on a line of its own: how every resolution and decision begins. */
const HEADING = new RegExp(String.raw`^[ \t]*[*_]{0,2}The (?:${BODIES.join('|')})[*_]{0,2}[ \t]*,?[*_]{0,2}[ \t]*$`, 'm');
/** A paragraph (numbered or not) whose first words are in italics: "*Recalling also*", "2. _Decides_". */
const ITALIC_OPENING = /^[ \t]*(?:\d{1,4}(?:[ \t]+(?:bis|ter|quater))?\.[ \t]+)?([*_])([A-Z][A-Za-z]*(?:[ \t]+[a-z]+){0,3})\1(?![*_])/gm;

export function decideDraft(text: string, options: DraftScopeOptions): DraftDecision {
  if (options.override !== undefined) return { draft: options.override, reason: options.override ? 'turned on for this file' : 'turned off for this file' };
  const fromFrontMatter = frontMatterDeclaration(text);
  if (fromFrontMatter) return fromFrontMatter;
  const folder = options.path ? matchingInclude(options.path, options.workspaceFolders, options.include) : undefined;
  if (folder) return { draft: true, reason: `in compactDrafter.drafts.include (${folder})` };
  const declared = textDeclaration(text.slice(0, DECLARATION_WINDOW));
  return declared ?? { draft: false, reason: 'no draft heading, cover page or front matter, and not in compactDrafter.drafts.include' };
}

function frontMatterDeclaration(text: string): DraftDecision | undefined {
  if (!text.startsWith('---')) return undefined;
  let fields: Record<string, unknown>;
  try {
    fields = readFrontMatter(text.slice(0, DECLARATION_WINDOW)).fields;
  } catch {
    return undefined;
  }
  const flag = fields['compact-drafter'];
  if (flag === true || flag === 'draft' || flag === 'on') return { draft: true, reason: `front matter (compact-drafter: ${String(flag)})` };
  if (flag === false || flag === 'off' || flag === 'ignore') return { draft: false, reason: `front matter (compact-drafter: ${String(flag)})` };
  const symbol = fields.symbol;
  if (typeof symbol === 'string' && parseSymbol(symbol.trim())?.problems.length === 0) return { draft: true, reason: `front matter (symbol: ${symbol.trim()})` };
  return undefined;
}

function textDeclaration(top: string): DraftDecision | undefined {
  const cover = readCoverPage(top);
  // "Distr.: General" and its date are the cover's mark; the symbol line is sometimes lost in conversion.
  if (cover.date) return { draft: true, reason: cover.symbol ? `UN cover page (${cover.symbol})` : 'UN cover page' };
  const heading = HEADING.exec(top);
  if (heading) return { draft: true, reason: `heading “${heading[0].replace(/[*_]/g, '').trim()}”` };
  let openings = 0;
  for (const match of top.matchAll(ITALIC_OPENING)) {
    if (findOpening(match[2]) && ++openings >= OPENINGS_NEEDED) return { draft: true, reason: 'paragraphs open with italicised drafting phrases' };
  }
  return undefined;
}

/** The first include glob the path matches, relative to a workspace folder (or absolute). */
function matchingInclude(path: string, workspaceFolders: readonly string[], include: readonly string[]): string | undefined {
  const normal = path.replace(/\\/g, '/');
  for (const glob of include) {
    const pattern = glob.replace(/\\/g, '/');
    if (pattern.startsWith('/') || /^[A-Za-z]:\//.test(pattern)) {
      if (minimatch(normal, pattern, { dot: true, nocase: process.platform === 'win32' })) return glob;
      continue;
    }
    for (const folder of workspaceFolders) {
      const root = folder.replace(/\\/g, '/').replace(/\/$/, '');
      if (!normal.startsWith(`${root}/`)) continue;
      const relative = normal.slice(root.length + 1);
      // "drafts" and "drafts/" name a folder: everything under it.
      const folderGlob = /[*?[{]/.test(pattern) ? pattern : `${pattern.replace(/\/$/, '')}/**`;
      if (minimatch(relative, folderGlob, { dot: true }) || minimatch(relative, pattern, { dot: true })) return glob;
    }
  }
  return undefined;
}

/**
 * The server's view: the decision for each open document's version, and the drafter's per-file
 * choices (the client keeps them across sessions and sends them at start and on each toggle).
 */
export class DraftScopes {
  private readonly overrides = new Map<string, boolean>();
  private readonly decisions = new Map<string, { version: number; decision: DraftDecision }>();

  constructor(
    private workspaceFolders: readonly string[] = [],
    private include: readonly string[] = [],
  ) {}

  configure(workspaceFolders: readonly string[], include: readonly string[]): void {
    this.workspaceFolders = workspaceFolders;
    this.include = include;
    this.decisions.clear();
  }

  /** The drafter's choice for a file; undefined returns it to the automatic decision. */
  setOverride(uri: string, draft: boolean | undefined): void {
    if (draft === undefined) this.overrides.delete(uri);
    else this.overrides.set(uri, draft);
    this.decisions.delete(uri);
  }

  decide(document: { uri: string; version: number; getText(): string }, path: string | undefined): DraftDecision {
    const known = this.decisions.get(document.uri);
    if (known?.version === document.version) return known.decision;
    const decision = decideDraft(document.getText(), { path, workspaceFolders: this.workspaceFolders, include: this.include, override: this.overrides.get(document.uri) });
    this.decisions.set(document.uri, { version: document.version, decision });
    return decision;
  }

  forget(uri: string): void {
    this.decisions.delete(uri);
  }
}
