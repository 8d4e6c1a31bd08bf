import type { Diagnostic } from './runner';
import type { TextEdit } from './rule';

/**
 * Fixes that are a drafter's choice, not a correction: "Restore agreed wording" would undo a
 * deliberate amendment, so `--fix`, "Fix all" and the editor's fix-all-on-save never apply it;
 * the editor offers it one passage at a time.
 */
export const NEVER_AUTOMATIC: ReadonlySet<string> = new Set(['altered-agreed-language']);

/**
 * The edits applied together (`--fix`, "Fix all", source.fixAll): every diagnostic with exactly one
 * fix, skipping any fix whose edits overlap an edit already taken (it is left for the next run,
 * never half-applied).
 */
export function automaticEdits(diagnostics: readonly Diagnostic[]): { edits: TextEdit[]; applied: Diagnostic[] } {
  const taken: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.fixes.length !== 1 || NEVER_AUTOMATIC.has(diagnostic.code)) continue;
    const edits = diagnostic.fixes[0].edits;
    const overlaps = edits.some((e) => taken.some((t) => (e.range.start < t.range.end && t.range.start < e.range.end) || e.range.start === t.range.start));
    if (overlaps) continue;
    taken.push(...edits);
    applied.push(diagnostic);
  }
  return { edits: taken, applied };
}
