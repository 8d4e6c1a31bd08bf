// In-place silencing, as markdownlint and LTeX allow:
//   <!-- compact-drafter-disable-next-line quote-mismatch -->   the next non-blank line
//   <!-- compact-drafter-disable superseded -->  …  <!-- compact-drafter-enable superseded -->
// With no codes, a comment applies to every rule.

const COMMENT = /<!--\s*compact-drafter-(disable-next-line|disable|enable)((?:\s+[a-z][a-z-]*)*)\s*-->/g;

interface Region {
  readonly codes: ReadonlySet<string> | 'all';
  readonly start: number;
  end: number;
}

export class Suppressions {
  private readonly regions: Region[] = [];

  constructor(text: string) {
    const open = new Map<string, Region>();
    for (const match of text.matchAll(COMMENT)) {
      const [whole, verb, list] = match;
      const codes = list.trim() ? list.trim().split(/\s+/) : ['*'];
      const at = match.index!;
      if (verb === 'disable-next-line') {
        const { start, end } = nextNonBlankLine(text, at + whole.length);
        this.regions.push({ codes: codes.includes('*') ? 'all' : new Set(codes), start, end });
      } else if (verb === 'disable') {
        for (const code of codes) {
          if (open.has(code)) continue;
          const region: Region = { codes: code === '*' ? 'all' : new Set([code]), start: at, end: text.length };
          open.set(code, region);
          this.regions.push(region);
        }
      } else {
        const closing = codes.includes('*') ? [...open.keys()] : codes;
        for (const code of closing) {
          const region = open.get(code);
          if (region) region.end = at;
          open.delete(code);
        }
      }
    }
  }

  isSuppressed(code: string, offset: number): boolean {
    return this.regions.some((r) => offset >= r.start && offset < r.end && (r.codes === 'all' || r.codes.has(code)));
  }
}

function nextNonBlankLine(text: string, from: number): { start: number; end: number } {
  let start = text.indexOf('\n', from);
  if (start < 0) return { start: text.length, end: text.length };
  start += 1;
  for (;;) {
    const end = text.indexOf('\n', start);
    const lineEnd = end < 0 ? text.length : end;
    if (text.slice(start, lineEnd).trim() !== '' || end < 0) return { start, end: lineEnd + 1 };
    start = end + 1;
  }
}
