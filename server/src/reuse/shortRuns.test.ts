// Runs of short consecutive paragraphs (each under 25 words) reused together, on real annual
// resolutions of ../shared/un-documents/texts.jsonl: the 80th session's text against the 79th's.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { reuseHoverAt } from '../features/reuseHover';
import { parseDraft } from '../parse';
import { createAlteredAgreedLanguageRule } from '../rules/alteredAgreedLanguage';
import { check } from '../rules/testing';
import { ReuseIndex } from './index';
import { withPassages } from './passages';
import { scanDraft } from './scan';

const SHARED = process.env.COMPACT_DRAFTER_SHARED ?? join(__dirname, '..', '..', '..', '..', 'shared');
const TEXTS = join(SHARED, 'un-documents', 'texts.jsonl');
const missing = !existsSync(TEXTS) && 'the real texts (../shared/un-documents) are not beside the repository';

function realText(symbol: string): string {
  for (const line of readFileSync(TEXTS, 'utf8').split('\n')) if (line.includes(`"symbol": "${symbol}"`)) return (JSON.parse(line) as { text: string }).text;
  throw new Error(`${symbol} not found`);
}

const indexOf = (symbol: string) => ReuseIndex.build({ documents: [{ id: symbol, symbol, uri: `un:${symbol}`, model: parseDraft(realText(symbol)) }] });

describe('runs of short paragraphs reused together', { skip: missing }, () => {
  test('A/RES/80/167 paragraphs 3-4 (19 and 18 words) are A/RES/79/126 paragraphs 3-4, word for word', () => {
    const draft = realText('A/RES/80/167');
    const runs = scanDraft(parseDraft(draft), indexOf('A/RES/79/126')).filter((m) => m.parts);
    const run = runs.find((m) => m.source.paragraphs.join() === '3,4');
    assert.ok(run, `found: ${runs.map((m) => m.source.paragraphs.join()).join('; ')}`);
    assert.equal(run.parts!.length, 2);
    assert.equal(run.altered, false);
    assert.match(draft.slice(run.range.start, run.range.end), /^Takes note of the annual report of the Secretary-General[\s\S]*\n4\. \nEncourages the Secretary-General/);
  });

  test('A/RES/80/137 paragraphs 1-3, adapted from A/RES/79/205 (1-2 short, joined with 3): one finding for the passage, without a fix that would replace the paragraph numbers; the hover names the passage', () => {
    const draft = realText('A/RES/80/137');
    const index = indexOf('A/RES/79/205');
    const findings = check(createAlteredAgreedLanguageRule(() => index), draft);
    const finding = findings.find((f) => f.message.includes('paragraphs 1, 2, 3'));
    assert.ok(finding, findings.map((f) => f.message).join('\n'));
    assert.match(finding.message, /^Adapted from A\/RES\/79\/205, paragraphs 1, 2, 3 \(9\d % the same\)/);
    assert.deepEqual(finding.fixes, []);
    const second = draft.indexOf('Urges the effective implementation of the Sendai Declaration');
    const hover = reuseHoverAt(withPassages(draft, scanDraft(parseDraft(draft), index)), second);
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*Agreed language\*\* from A\/RES\/79\/205, paragraphs 1, 2, 3 · 9\d % the same/);
  });
});
