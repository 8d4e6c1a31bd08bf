import type { Corpus, CorpusDocument, CorpusEntry } from '../corpus';
import type { DraftModel, NumberedParagraph } from '../parse/model';
import type { Reference } from '../references/model';
import type { CitedParagraph, Resolution } from './resolution';

/** Resolves one reference against the corpus (documents) or the draft itself (internal references). */
export function resolveReference(ref: Reference, corpus: Corpus, draft: DraftModel): Resolution {
  if (ref.kind === 'internal') return resolveInternal(ref, draft);
  if (ref.kind === 'numbered' && !ref.symbol) {
    return { status: 'no-symbol', paragraphs: ref.paragraphs.map((label) => ({ label })), reason: 'not in the registry: it is published without a UN document symbol' };
  }
  if (!ref.symbol) {
    return { status: 'unknown-document', paragraphs: [], reason: `no document is registered under the name “${ref.alias ?? ''}”` };
  }
  const entry = corpus.lookup(ref.symbol);
  const labels = ref.paragraphs;
  if (!entry) {
    return {
      status: 'unknown-document',
      paragraphs: labels.map((label) => ({ label })),
      reason: `Compact Drafter does not know ${ref.symbol}, so nothing said of it can be checked; its UN Digital Library record, imported or looked up, makes it known`,
    };
  }
  const document = entry.document;
  if (!document) {
    return { status: labels.length ? 'no-text' : 'resolved', entry, paragraphs: labels.map((label) => ({ label })) };
  }
  if (ref.objective) return resolveObjective(ref.objective, entry, document);
  // A resolution's annex numbers its own paragraphs (corpus/structure.ts).
  if (ref.annex !== undefined && document.hasAnnex(ref.annex)) {
    const paragraphs: CitedParagraph[] = labels.map((label) => ({ label, paragraph: document.annexParagraph(ref.annex!, label) }));
    const missing = paragraphs.filter((p) => !p.paragraph).map((p) => p.label);
    if (missing.length === 0) return { status: 'resolved', entry, paragraphs };
    return {
      status: 'no-such-paragraph',
      entry,
      paragraphs,
      reason: `the annex${ref.annex ? ` ${ref.annex}` : ''} of ${entry.symbol} has no ${plural(missing, 'paragraph')} ${missing.join(', ')}`,
    };
  }
  // A pinpoint into an annex can only be checked when the text has one.
  if (ref.annex !== undefined) {
    const hasAnnex = document.model.sections.some(function walk(section): boolean {
      return /^annex\b/i.test(section.title) || section.children.some(walk);
    });
    if (!hasAnnex) {
      return {
        status: 'no-such-annex',
        entry,
        paragraphs: labels.map((label) => ({ label })),
        reason: `${entry.symbol} as held in the corpus has no annex${ref.annex ? ` ${ref.annex}` : ''}`,
      };
    }
    return { status: 'no-text', entry, paragraphs: labels.map((label) => ({ label })) };
  }
  const paragraphs: CitedParagraph[] = labels.map((label) => ({ label, paragraph: document.paragraph(label) }));
  const missing = paragraphs.filter((p) => !p.paragraph).map((p) => p.label);
  if (missing.length === 0) return { status: 'resolved', entry, paragraphs };
  const span = document.paragraphSpan();
  // A held text that does not start at paragraph 1 is an excerpt: what it lacks may be elsewhere in the document.
  if (span && span.first > 1) {
    return {
      status: 'no-text',
      entry,
      paragraphs,
      reason: `the corpus holds only paragraphs ${span.first}–${span.last} of ${entry.symbol}`,
    };
  }
  return {
    status: 'no-such-paragraph',
    entry,
    paragraphs,
    reason: span
      ? `${entry.symbol} has paragraphs ${span.first}–${span.last}; ${plural(missing, 'paragraph')} ${missing.join(', ')} ${missing.length > 1 ? 'do' : 'does'} not exist`
      : `${entry.symbol} as held in the corpus has no numbered paragraphs`,
  };
}

/** "objective 5 (b)": the objective's commitment paragraph (21), or its lettered action, in the Compact's text. */
function resolveObjective(objective: NonNullable<Reference['objective']>, entry: CorpusEntry, document: CorpusDocument): Resolution {
  const found = document.structure.objectives.get(objective.number);
  const label = objective.action ? `objective ${objective.number} (${objective.action})` : `objective ${objective.number}`;
  if (!found) {
    return { status: 'no-such-paragraph', entry, paragraphs: [{ label }], reason: `${entry.symbol} as held in the corpus has no objective ${objective.number}` };
  }
  const commitment = found.paragraph;
  if (!objective.action) return { status: 'resolved', entry, paragraphs: [{ label: commitment.label, paragraph: commitment }] };
  const action = found.actions.get(objective.action);
  const actionLabel = `${commitment.label} (${objective.action})`;
  if (!action) {
    const letters = [...found.actions.keys()];
    return {
      status: 'no-such-paragraph',
      entry,
      paragraphs: [{ label: actionLabel }],
      reason: `objective ${objective.number} of ${entry.symbol} (paragraph ${commitment.label}) has actions (${letters[0]}) to (${letters[letters.length - 1]}); there is no action (${objective.action})`,
    };
  }
  const paragraph: NumberedParagraph = {
    label: actionLabel,
    number: commitment.number,
    range: action.range,
    numberRange: { start: action.range.start, end: action.range.start + objective.action.length + 2 },
    text: action.text,
    spans: [],
    subparagraphs: [],
  };
  return { status: 'resolved', entry, paragraphs: [{ label: actionLabel, paragraph }] };
}

/**
 * Where an internal reference stands in the reading order: a reference inside a footnote's text
 * is read where the footnote's marker is, not where the footnote text happens to sit in the file.
 */
function readingOffset(ref: Reference, draft: DraftModel): number {
  const at = ref.range.start;
  const footnote = draft.footnotes.find((f) => f.range.start <= at && at < f.range.end);
  if (!footnote) return at;
  return draft.footnoteMarkers.find((m) => m.label === footnote.label)?.range.start ?? at;
}

/**
 * The paragraph a label names, seen from `at`: drafts number preambular and operative paragraphs,
 * or an annex, in separate runs, so "paragraph 3 above" is the nearest 3 above, "below" the nearest below.
 */
function nearestParagraph(draft: DraftModel, label: string, at: number, direction: Reference['direction']) {
  const candidates = draft.paragraphs.filter((p) => p.label === label);
  if (candidates.length <= 1) return candidates[0];
  const above = candidates.filter((p) => p.range.start < at);
  const below = candidates.filter((p) => p.range.start >= at);
  if (direction === 'below') return below[0] ?? above[above.length - 1];
  return above[above.length - 1] ?? below[0];
}

function resolveInternal(ref: Reference, draft: DraftModel): Resolution {
  const at = readingOffset(ref, draft);
  if (ref.internalTarget === 'footnote') {
    const label = ref.paragraphs[0] ?? '';
    const footnote = draft.footnotes.find((f) => f.label === label);
    return footnote
      ? { status: 'internal-found', paragraphs: [], footnote }
      : { status: 'internal-missing', paragraphs: [], reason: `this draft has no footnote ${label}` };
  }
  const paragraphs: CitedParagraph[] = ref.paragraphs.map((label) => ({ label, paragraph: nearestParagraph(draft, label, at, ref.direction) }));
  const missing = paragraphs.filter((p) => !p.paragraph).map((p) => p.label);
  if (missing.length) {
    return { status: 'internal-missing', paragraphs, reason: `this draft has no ${plural(missing, 'paragraph')} ${missing.join(', ')}` };
  }
  const wrong = paragraphs.filter(({ paragraph }) =>
    ref.direction === 'above' ? paragraph!.range.start > at : ref.direction === 'below' ? paragraph!.range.end < at : false,
  );
  if (wrong.length) {
    const where = ref.direction === 'above' ? 'below' : 'above';
    return {
      status: 'internal-wrong-direction',
      paragraphs,
      reason: `${plural(wrong.map((w) => w.label), 'paragraph')} ${wrong.map((w) => w.label).join(', ')} ${wrong.length > 1 ? 'are' : 'is'} ${where} this reference, not ${ref.direction}`,
    };
  }
  return { status: 'internal-found', paragraphs };
}

function plural(items: readonly unknown[], word: string): string {
  return items.length > 1 ? `${word}s` : word;
}
