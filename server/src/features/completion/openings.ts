// The start of a paragraph ("1. *Urg", "Recalling"): the drafting snippets (openings, objectives,
// the issue-brief list), built by features/snippets.ts. Words that start no snippet are prose and
// are left to the other contexts.
import { PARAGRAPH_NUMBER_SOURCE } from '../../language/patterns';
import { DRAFTING_SNIPPETS, type SnippetKind } from '../../language/snippets';
import { draftSession, sessionOrdinal } from '../draftSession';
import { snippetCompletions } from '../snippets';
import { rangeTo, type Context } from './request';

const PARAGRAPH_START = new RegExp(
  String.raw`^([ ]{0,3}(?:\[[ ]?)?(?:(${PARAGRAPH_NUMBER_SOURCE})\.[ \t]+)?(?:\[[ ]?)?)(\*{1,2}|_{1,2})?(\p{L}[\p{L}\-]*(?:[ ]\p{L}[\p{L}\-]*){0,3})?$`,
  'u',
);

export const snippetContext: Context = (request) => {
  if (request.beforeStart !== request.lineStart) return undefined;
  // A client with the static snippets file (VS Code) still gets those whose session follows the draft.
  const sessionOnly = request.options.snippets === false;
  const m = PARAGRAPH_START.exec(request.before);
  if (!m) return undefined;
  // Words that start no snippet are prose ("in the Suth"): other contexts may know them.
  const typed = (m[4] ?? '').toLowerCase();
  const offered = sessionOnly ? DRAFTING_SNIPPETS.filter((s) => s.followsSession) : DRAFTING_SNIPPETS;
  if (typed && !offered.some((s) => s.prefix.toLowerCase().startsWith(typed))) return undefined;
  const numbered = m[2] !== undefined;
  const kinds: readonly SnippetKind[] = numbered ? ['operative', 'preambular'] : ['preambular', 'operative', 'gcm-objective', 'issue-brief'];
  const start = request.lineStart + m[1].length;
  // "Requests … at its eighty-first session": the session after the draft's own (its symbol, its date, else today).
  const nextSession = sessionOrdinal(draftSession(request.text) + 1);
  return snippetCompletions({ range: rangeTo(request, start), typedMarker: m[3] ?? '', kinds, nextSession, sessionOnly });
};
