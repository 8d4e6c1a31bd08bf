// The GCM issue brief (server/data/corpus/GCM-issue-brief-3-2017.md): Markdown headings (some bold
// or italic, some plain bold lines), bullet lists, tab-separated rows, "---" rules before
// footnote blocks "<sup>N</sup> …", no numbered paragraphs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from './index';
import type { Section } from './model';
import { assertModelInvariants, findInSpans, flattenSections, seed, sourceRange } from './testSupport';

const text = seed('GCM-issue-brief-3-2017.md');
const model = parseDraft(text);
const sections = flattenSections(model.sections);
const section = (title: string): Section => {
  const found = sections.find((s) => s.title === title);
  assert.ok(found, title);
  return found;
};

describe('GCM issue brief', () => {
  test('no numbered paragraphs: the brief numbers none', () => {
    assert.deepEqual(model.paragraphs, []);
  });

  test('Markdown headings, with their #-level as depth', () => {
    assert.deepEqual(
      model.sections.map((s) => s.title),
      [
        'Global compact for safe, orderly and regular migration',
        'ANNEX 1: Agenda',
        'International cooperation and governance of migration in all its dimensions including at borders, on transit, entry, return, readmission, integration and reintegration',
        'Ways Forward and Commitments',
        'Annex',
      ],
    );
    assert.ok(sections.every((s) => s.kind === 'markdown' && s.label === ''));
    assert.deepEqual(
      section('Global compact for safe, orderly and regular migration').children.map((s) => [s.title, s.depth]),
      [
        ['I. Introduction', 3],
        ['II. Format', 3],
      ],
    );
    assert.deepEqual(
      section('II. Format').children.map((s) => [s.title, s.depth]),
      [
        ['a. Welcoming remarks', 4],
        ['b. Presentation of the issue brief', 4],
        ['c. Expert panels', 4],
        // "***d. Summary panel***" etc. are bold-italic lines, not Markdown headings: they take the level of "#### c.".
        ['d. Summary panel', 4],
        ['e. Closing', 4],
        ['f. Side events', 4],
      ],
    );
    // "b. Key elements …:" is a plain line continuing "#### a. Essential principles …:".
    assert.deepEqual(
      section('The interplay between national, regional, and international migration governance').children.map((s) => s.title),
      ['a. Essential principles cutting across all migration policy-making:', 'b. Key elements of well-managed migration:'],
    );
    const d = section('d. Summary panel');
    assert.equal(text.slice(d.headingRange.start, d.headingRange.end), '***d. Summary panel***');
    assert.equal(d.range.end, section('e. Closing').range.start);
    // Italic lines without a label are no headings.
    assert.ok(!sections.some((s) => s.title === 'As of 2 June 2017'));
  });

  test('footnotes 1-30; the brief has no text for footnote 11, only its marker', () => {
    const labels = Array.from({ length: 30 }, (_, i) => String(i + 1));
    assert.deepEqual(
      model.footnotes.map((f) => f.label),
      labels.filter((l) => l !== '11'),
    );
    assert.deepEqual(
      model.footnoteMarkers.map((m) => m.label),
      labels,
    );
    for (const marker of model.footnoteMarkers) assert.equal(text.slice(marker.range.start, marker.range.end), `<sup>${marker.label}</sup>`);
    const note = (label: string) => model.footnotes.find((f) => f.label === label)!;
    assert.equal(note('2').text, 'Sutherland Report, A/71/728, p. 5');
    assert.equal(note('23').text, 'Sutherland Report, A/71/728, paragraph 72');
    assert.ok(text.slice(note('23').range.start, note('23').range.end).startsWith('<sup>23</sup> Sutherland Report'));
    // A footnote's link on a line of its own belongs to the footnote.
    assert.ok(note('3').text.startsWith('This issue was covered with the first Issue Brief: https://refugeesmigrants.un.org/sites/default/files/issue'));
    assert.ok(note('3').text.includes('and also captured in the summary of the first informal thematic session'));
    assert.ok(note('22').text.startsWith('OHCHR, Situations of Migrants in Transit http://www.ohchr.org/Documents/Issues/Migration/StudyMigrants/'));
    // The running text after a footnote block is not the footnote's.
    assert.ok(!note('2').text.includes('human rights instruments'));
  });

  test('every prose block is a span: list items, nested items, table rows, indented lines, footnotes', () => {
    const texts = model.spans.map((s) => s.text);
    const has = (start: string) => assert.ok(texts.some((t) => t.startsWith(start)), start);
    has('Panel 1: H.E. Mr. Ola Henrikson');
    has('Human rights. As examined by the first informal thematic session');
    has('a. proposing approaches to identify gaps');
    has('Time\tConcept\n10.00-10.15\tOpening segment');
    has('International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families enters into force');
    has('the human rights instruments, which apply to all persons');
    has('Public confidence. Current debates on migration');
    assert.ok(!texts.some((t) => t.includes('<sup>') || t.includes('<b>') || t === '---'));
    assertModelInvariants(model);
  });

  test('"Sutherland Report, A/71/728, paragraph 72" is in the spans and maps back to the source', () => {
    const needle = 'Sutherland Report, A/71/728, paragraph 72';
    const found = findInSpans(model, needle);
    assert.ok(found);
    const range = sourceRange(found.span, found.index, found.index + needle.length);
    assert.equal(text.slice(range.start, range.end), needle);
  });
});
