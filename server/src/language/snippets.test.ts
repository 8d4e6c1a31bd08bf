// The snippet data: well-formed bodies, and text that reads back as what it claims to be once inserted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { previewSnippet } from '../features/snippets';
import { verbHoverAt } from '../features/verbHover';
import { parseDraft } from '../parse';
import { OPENINGS } from './openings';
import { DRAFTING_SNIPPETS, escapeSnippetText } from './snippets';

const byName = (name: string) => {
  const snippet = DRAFTING_SNIPPETS.find((s) => s.name === name);
  assert.ok(snippet, name);
  return snippet;
};

/** Tab stops of a body, in order of appearance. */
function tabStops(body: string): number[] {
  return [...body.matchAll(/\$\{?(\d+)/g)].map((m) => Number(m[1]));
}

describe('drafting snippets', () => {
  test('names are unique; every opening has its snippet', () => {
    const names = DRAFTING_SNIPPETS.map((s) => s.name);
    assert.equal(new Set(names).size, names.length);
    for (const opening of OPENINGS) assert.ok(DRAFTING_SNIPPETS.some((s) => s.opening === opening && s.prefix === opening.phrase), opening.phrase);
  });

  test('bodies are well-formed: balanced placeholders, tab stops numbered from 1 without gaps', () => {
    for (const snippet of DRAFTING_SNIPPETS) {
      const body = snippet.body.join('\n');
      const opens = (body.match(/(?<!\\)\$\{/g) ?? []).length;
      const closes = (body.match(/(?<!\\)\}/g) ?? []).length;
      assert.equal(opens, closes, snippet.name);
      const stops = [...new Set(tabStops(body).filter((n) => n > 0))].sort((a, b) => a - b);
      assert.deepEqual(stops, Array.from({ length: stops.length }, (_, i) => i + 1), snippet.name);
    }
  });

  test('preambular paragraphs end with a comma, operative ones with a semicolon or, last on the agenda, a full stop', () => {
    for (const snippet of DRAFTING_SNIPPETS) {
      const last = previewSnippet(snippet.body).trimEnd().slice(-1);
      if (snippet.kind === 'preambular') assert.equal(last, ',', snippet.name);
      if (snippet.kind === 'operative') assert.ok(last === ';' || last === '.', snippet.name);
    }
  });

  test('each opening snippet, inserted after a paragraph number, opens a paragraph the hover explains', () => {
    for (const snippet of DRAFTING_SNIPPETS.filter((s) => s.opening)) {
      const text = `3. ${previewSnippet(snippet.body)}`;
      const hover = verbHoverAt(text, 5);
      assert.ok(hover, snippet.name);
      assert.ok(hover.markdown.includes(snippet.opening!.phrase), snippet.name);
    }
  });

  test('the GCM objective reads as a heading, then one numbered paragraph with its lettered actions', () => {
    const model = parseDraft(previewSnippet(byName('GCM objective').body));
    assert.equal(model.sections[0].title, 'Objective N: title');
    assert.equal(model.paragraphs.length, 1);
    const [paragraph] = model.paragraphs;
    assert.equal(paragraph.label, '17');
    assert.match(paragraph.text, /^We commit to …\.\sTo realize this commitment, we will draw from the following actions:/);
    assert.deepEqual(
      paragraph.subparagraphs.map((s) => s.label),
      ['a', 'b', 'c'],
    );
  });

  test('the issue-brief list reads as the brief’s: the lead, bullets, lettered sub-items', () => {
    const text = previewSnippet(byName('Issue brief: commitments').body);
    assert.equal(
      text,
      'Member States could consider incorporating the following commitments into the GCM with the inclusion of specific benchmarks, timelines and review mechanisms for implementation:\n\n- Commitment\n  - a. …;\n  - b. ….\n- Commitment',
    );
  });

  test('escapeSnippetText keeps $, } and \\ literal', () => {
    assert.equal(escapeSnippetText('costs $5 {a} \\'), 'costs \\$5 {a\\} \\\\');
    assert.equal(previewSnippet([escapeSnippetText('costs $5 {a} \\')]), 'costs $5 {a} \\');
  });
});
