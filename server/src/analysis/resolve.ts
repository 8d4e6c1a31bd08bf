import type { Corpus } from '../corpus';
import type { DraftModel } from '../parse/model';
import type { Reference } from '../references/model';
import type { CitedParagraph, Resolution } from './resolution';

/** Resolves one reference against the corpus (documents) or the draft itself (internal references). */
export function resolveReference(ref: Reference, corpus: Corpus, draft: DraftModel): Resolution {
  if (ref.kind === 'internal') return resolveInternal(ref, draft);
  if (!ref.symbol) {
    return { status: 'unknown-document', paragraphs: [], reason: `no document is registered under the name “${ref.alias ?? ''}”` };
  }
  const entry = corpus.lookup(ref.symbol);
  const labels = ref.paragraphs;
  if (!entry) {
    return {
      status: 'unknown-document',
      paragraphs: labels.map((label) => ({ label })),
      reason: `${ref.symbol} is not in the registry or the corpus`,
    };
  }
  const document = entry.document;
  if (!document) {
    return { status: labels.length ? 'no-text' : 'resolved', entry, paragraphs: labels.map((label) => ({ label })) };
  }
  // Seed reports have no annexes: a pinpoint into an annex can only be checked when the text has one.
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
  return {
    status: 'no-such-paragraph',
    entry,
    paragraphs,
    reason: span
      ? `${entry.symbol} has paragraphs ${span.first}–${span.last}; ${plural(missing, 'paragraph')} ${missing.join(', ')} ${missing.length > 1 ? 'do' : 'does'} not exist`
      : `${entry.symbol} as held in the corpus has no numbered paragraphs`,
  };
}

function resolveInternal(ref: Reference, draft: DraftModel): Resolution {
  if (ref.internalTarget === 'footnote') {
    const label = ref.paragraphs[0] ?? '';
    const footnote = draft.footnotes.find((f) => f.label === label);
    return footnote
      ? { status: 'internal-found', paragraphs: [], footnote }
      : { status: 'internal-missing', paragraphs: [], reason: `this draft has no footnote ${label}` };
  }
  const paragraphs: CitedParagraph[] = ref.paragraphs.map((label) => ({
    label,
    paragraph: draft.paragraphs.find((p) => p.label === label),
  }));
  const missing = paragraphs.filter((p) => !p.paragraph).map((p) => p.label);
  if (missing.length) {
    return { status: 'internal-missing', paragraphs, reason: `this draft has no ${plural(missing, 'paragraph')} ${missing.join(', ')}` };
  }
  const wrong = paragraphs.filter(({ paragraph }) =>
    ref.direction === 'above' ? paragraph!.range.start > ref.range.start : ref.direction === 'below' ? paragraph!.range.end < ref.range.start : false,
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
