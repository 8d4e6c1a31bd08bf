// The bundled registry (server/data/registry.json) against the real texts it is built from: it is
// what `npm run registry` makes of them today (never edited by hand), and its coverage of the
// texts' citations does not fall below what this build measured (2026-12-03).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import registryJson from '../../data/registry.json';
import { Registry, type RegistryEntry } from '../corpus/registry';
import { buildRegistry } from './buildRegistry';
import { measureCoverage } from './coverage';
import { parseUnTextLines } from './unText';

const shared = join(import.meta.dirname, '..', '..', '..', '..', 'shared');
const records = parseUnTextLines(readFileSync(join(shared, 'un-documents', 'texts.jsonl'), 'utf8'));
const bundled = registryJson.documents as RegistryEntry[];

describe('the bundled registry, built from the real texts', () => {
  test('is what the build makes of the facts and texts today (run `npm run registry` after changing either)', () => {
    const build = buildRegistry(readFileSync(join(shared, 'facts', 'documents.tsv'), 'utf8'), records);
    assert.equal(bundled.length, build.entries.length);
    assert.deepEqual(JSON.parse(JSON.stringify(build.entries)), bundled);
  });

  test('covers the citations of the 1,190 texts at least as well as when it was first built', () => {
    const coverage = measureCoverage(records, new Registry(bundled));
    const share = (n: number) => n / coverage.citations;
    // The grammar of issue 13 reads ~1,500 more citations of the same texts (lists across PDF line
    // breaks, footnotes, joint symbols, other bodies), mostly of older documents no text dates: more
    // entries (17,040 of 26,087), a smaller share. Measured again on 2026-12-03 after that change,
    // after the symbols of treaty conferences were read (NPT/CONF.…, CAC/COSP/…, FCCC/KP/CMP/…:
    // 354 more citations, few of them known), and after names of places and events ("South
    // Atlantic", "Habitat III") stopped being aliases: 26,449 citations, 65.4 % with an entry,
    // 56.2 % with a date, 13.9 % with a title and a date, 15.6 % with a title or a name and a date.
    assert.ok(coverage.citations > 26_400, `citations found: ${coverage.citations}`);
    assert.ok(share(coverage.withEntry) >= 0.65, `with an entry: ${share(coverage.withEntry)}`);
    assert.ok(share(coverage.withDate) >= 0.56, `with a date: ${share(coverage.withDate)}`);
    assert.ok(share(coverage.withNameAndDate) >= 0.155, `with a title or name and a date: ${share(coverage.withNameAndDate)}`);
    assert.ok(share(coverage.withTitleAndDate) >= 0.138, `with a title and a date: ${share(coverage.withTitleAndDate)}`);
    // Subjects two citing texts agree on ("its resolutions 53/199 … on the proclamation of international years").
    // 20.3 % of 26,449 after the reading grammar of h/reading found 362 more citations (treaty conferences).
    assert.ok(share(coverage.withSubjectAndDate) >= 0.2, `with a title or a subject, and a date: ${share(coverage.withSubjectAndDate)}`);
  });

  test('every citation without a title and a date has a cause, and the causes are what the data lacks', () => {
    const coverage = measureCoverage(records, new Registry(bundled));
    const missed = Object.values(coverage.misses).reduce((a, b) => a + b, 0);
    assert.equal(missed, coverage.citations - coverage.withTitleAndDate);
    // Measured 2026-12-03: older resolutions dated but untitled (36 %), Assembly reports (21 %), other
    // bodies' documents (14 %), older resolutions no two texts date (12 %). No text on this machine
    // states those titles: a Digital Library export of the older sessions would (registry import).
    const share = (cause: keyof typeof coverage.misses) => coverage.misses[cause] / coverage.citations;
    assert.ok(share('old-no-title') < 0.37, `older resolutions without a title: ${share('old-no-title')}`);
    assert.ok(share('another-body-read-as-assembly') < 0.001, `another body’s resolutions read as the Assembly’s: ${share('another-body-read-as-assembly')}`);
    assert.ok(share('recent-not-in-texts') < 0.001, `resolutions of sessions 78-80 not in the texts: ${share('recent-not-in-texts')}`);
  });

  test('every field shown carries where it came from', () => {
    for (const entry of bundled) {
      for (const field of ['title', 'subject', 'date', 'body', 'kind', 'draft', 'series', 'committee', 'agendaItem', 'report', 'aliases'] as const) {
        if (!entry[field]) continue;
        assert.ok(entry.provenance?.[field]?.length, `${entry.symbol}: ${field} without a source`);
      }
    }
  });

  test('the later “Protection of migrants” resolutions are known, with their dates', () => {
    const registry = new Registry(bundled);
    for (const [symbol, date] of [['A/RES/74/148', '2019-12-18'], ['A/RES/76/172', '2021-12-16'], ['A/RES/78/217', '2023-12-19'], ['A/RES/80/218', '2025-12-18']]) {
      assert.equal(registry.get(symbol)?.date, date, symbol);
      assert.equal(registry.get(symbol)?.series, 'protection-of-migrants', symbol);
    }
  });
});
