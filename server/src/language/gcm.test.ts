import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bundledDataDir, bundledRegistry } from '../corpus';
import { GCM_OBJECTIVES, GCM_OBJECTIVE_STRUCTURE, GCM_SYMBOL, ISSUE_BRIEF_COMMITMENTS_LEAD } from './gcm';

describe('the structure of the Global Compact', () => {
  test('23 objectives, objective N in paragraph N + 16', () => {
    assert.equal(GCM_OBJECTIVES.length, 23);
    assert.deepEqual(
      GCM_OBJECTIVES.map((o) => [o.number, o.paragraph]),
      Array.from({ length: 23 }, (_, i) => [i + 1, i + 17]),
    );
    // Checked against the adopted text: objective 10 is paragraph 26, objective 11 paragraph 27.
    assert.equal(GCM_OBJECTIVES[9].paragraph, 26);
    assert.equal(GCM_OBJECTIVES[10].title, 'Manage borders in an integrated, secure and coordinated manner');
    assert.equal(GCM_OBJECTIVES[22].title, 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration');
  });

  test('titles as printed: a capital, no final full stop, each once', () => {
    const titles = GCM_OBJECTIVES.map((o) => o.title);
    assert.equal(new Set(titles).size, 23);
    for (const title of titles) assert.match(title, /^[A-Z][^.]*[a-z]$/);
  });

  test('the wording of an objective', () => {
    assert.equal(GCM_OBJECTIVE_STRUCTURE.commitment, 'We commit to');
    assert.equal(GCM_OBJECTIVE_STRUCTURE.actionsLead, 'To realize this commitment, we will draw from the following actions:');
  });

  test('the Compact is in the registry under its symbol', () => {
    assert.equal(bundledRegistry().get(GCM_SYMBOL)?.title, 'Global Compact for Safe, Orderly and Regular Migration');
  });

  test('the issue brief’s lead sentence is verbatim from the seed brief', () => {
    const brief = readFileSync(join(bundledDataDir(), 'corpus', 'GCM-issue-brief-3-2017.md'), 'utf8');
    assert.ok(brief.includes(ISSUE_BRIEF_COMMITMENTS_LEAD));
  });
});
