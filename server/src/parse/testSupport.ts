// Helpers for the parser's tests: the seed texts and the invariants every model must keep.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DraftModel, OffsetRange, Section, TextSpan } from './model';

/** The seed texts as bundled with the server (byte-for-byte copies of the shared seed corpus). */
export function seed(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'data', 'corpus', name), 'utf8');
}

/** The source range a plain-text range of a span was read from (the end maps from the last character read). */
export function sourceRange(span: TextSpan, start: number, end: number): OffsetRange {
  return { start: span.sourceOffsets[start], end: span.sourceOffsets[end - 1] + 1 };
}

/** The first span whose text holds `needle`, and where. */
export function findInSpans(model: DraftModel, needle: string): { span: TextSpan; index: number } | undefined {
  for (const span of model.spans) {
    const index = span.text.indexOf(needle);
    if (index >= 0) return { span, index };
  }
  return undefined;
}

export function flattenSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flattenSections(section.children)]);
}

/** Every range within the text; every span's map well formed, in order, and pointing into the text. */
export function assertModelInvariants(model: DraftModel): void {
  const length = model.text.length;
  const inText = (range: OffsetRange, what: string) =>
    assert.ok(range.start >= 0 && range.start <= range.end && range.end <= length, `${what} ${JSON.stringify(range)} outside [0, ${length}]`);
  const checkSpan = (span: TextSpan, what: string) => {
    inText(span.range, what);
    assert.equal(span.sourceOffsets.length, span.text.length + 1, `${what}: one offset per character and one for the end`);
    for (let i = 0; i < span.sourceOffsets.length; i++) {
      const offset = span.sourceOffsets[i];
      assert.ok(Number.isInteger(offset) && offset >= 0 && offset <= length, `${what}: offset ${offset} outside the text`);
      if (i < span.text.length) assert.ok(offset < length, `${what}: character ${i} maps past the end`);
      if (i > 0) assert.ok(offset >= span.sourceOffsets[i - 1], `${what}: offsets go backwards at ${i}`);
    }
  };
  model.spans.forEach((span, i) => checkSpan(span, `span ${i}`));
  for (let i = 1; i < model.spans.length; i++) {
    assert.ok(model.spans[i].range.start >= model.spans[i - 1].range.start, 'spans in document order');
  }
  for (const paragraph of model.paragraphs) {
    inText(paragraph.range, `paragraph ${paragraph.label}`);
    inText(paragraph.numberRange, `paragraph ${paragraph.label} number`);
    paragraph.spans.forEach((span) => checkSpan(span, `paragraph ${paragraph.label} span`));
    paragraph.subparagraphs.forEach((sub) => inText(sub.range, `sub-paragraph ${paragraph.label} (${sub.label})`));
  }
  for (const footnote of model.footnotes) inText(footnote.range, `footnote ${footnote.label}`);
  for (const marker of model.footnoteMarkers) inText(marker.range, `marker ${marker.label}`);
  for (const section of flattenSections(model.sections)) {
    inText(section.range, `section ${section.label} ${section.title}`);
    inText(section.headingRange, `heading ${section.label} ${section.title}`);
    for (const child of section.children) {
      assert.ok(child.range.start >= section.range.start && child.range.end <= section.range.end, `section "${child.title}" inside "${section.title}"`);
    }
  }
}
