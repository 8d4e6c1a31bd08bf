// The structure read from held texts: the Global Compact's annex and objectives (the bundled
// A/RES/73/195), and annexes that number their paragraphs again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GCM_OBJECTIVES } from '../language/gcm';
import { parseDraft } from '../parse';
import { loadBundledDocuments } from './bundledCorpus';
import { readStructure } from './structure';

const compact = loadBundledDocuments().documents.find((d) => d.symbol === 'A/RES/73/195');

describe('the Global Compact as bundled', () => {
  test('is bundled, with its resolution (paragraphs 1-2) and its annex (paragraphs 1-54)', () => {
    assert.ok(compact, 'A/RES/73/195 is a bundled text');
    const [body, annex] = compact.structure.runs;
    assert.deepEqual(body.paragraphs.map((p) => p.label), ['1', '2']);
    assert.equal(annex.annex, '');
    assert.equal(annex.paragraphs.length, 54);
    assert.equal(compact.annexParagraph('', '21')?.text.slice(0, 30), 'We commit to adapt options and');
  });

  test('objective N is the paragraph its heading precedes in the text: 1 → 17 … 23 → 39', () => {
    const objectives = compact!.structure.objectives;
    assert.equal(objectives.size, 23);
    for (const [number, objective] of objectives) {
      assert.equal(objective.paragraph.label, String(number + 16), `objective ${number}`);
      assert.match(objective.paragraph.text, /^We commit to /, `objective ${number}`);
      assert.ok(objective.actions.size >= 3, `objective ${number} has ${objective.actions.size} actions`);
    }
    assert.deepEqual([...objectives.get(5)!.actions.keys()], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    assert.match(objectives.get(5)!.actions.get('b')!.text, /^Facilitate regional and cross-regional labour mobility/);
  });

  test('the drafting language’s table of objectives (snippets, completion) is the text’s', () => {
    const objectives = compact!.structure.objectives;
    for (const typed of GCM_OBJECTIVES) {
      assert.equal(objectives.get(typed.number)?.title, typed.title, `objective ${typed.number}`);
      assert.equal(Number(objectives.get(typed.number)?.paragraph.label), typed.paragraph);
    }
  });
});

test('annexes: the numbering starts again after "Annex I" and "Annex II"', () => {
  const model = parseDraft('1. Decides.\n\n2. Requests.\n\nAnnex I\n\n1. First.\n\n2. Second.\n\nAnnex II\n\n1. Other.\n');
  assert.deepEqual(
    readStructure(model).runs.map((r) => [r.annex, r.paragraphs.map((p) => p.label).join(' ')]),
    [[undefined, '1 2'], ['I', '1 2'], ['II', '1']],
  );
});
