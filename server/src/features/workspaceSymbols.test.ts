import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { CorpusDocument } from '../corpus';
import { testCorpus } from '../corpus/testCorpus';
import { workspaceSymbols } from './workspaceSymbols';

const bundled = testCorpus();
const names = (query: string, corpus = bundled) => workspaceSymbols(query, corpus).map((s) => s.name);

describe('workspace symbols', () => {
  test('an empty query lists every held text, newest first; a text without a symbol goes by its title', () => {
    assert.deepEqual(names(''), [
      'A/RES/73/195 — Global Compact for Safe, Orderly and Regular Migration',
      'Global compact for migration: procedural note and Issue Brief #3, third informal thematic session (Geneva, 19-20 June 2017)',
      'A/71/285 — Human rights of migrants (report of the Special Rapporteur on the human rights of migrants)',
      'A/68/283 — Human rights of migrants (report of the Special Rapporteur on the human rights of migrants: global migration governance)',
    ]);
  });

  test('by symbol, case-insensitive, symbol matches first', () => {
    assert.deepEqual(names('a/68'), ['A/68/283 — Human rights of migrants (report of the Special Rapporteur on the human rights of migrants: global migration governance)']);
    assert.deepEqual(names('283').map((n) => n.slice(0, 8)), ['A/68/283']);
  });

  test('by title substring', () => {
    assert.deepEqual(names('GLOBAL MIGRATION GOVERNANCE').map((n) => n.slice(0, 8)), ['A/68/283']);
    assert.deepEqual(names('issue brief').length, 1);
    assert.deepEqual(names('no such words'), []);
  });

  test('documents known only from the registry are not listed: there is no text to go to', () => {
    assert.deepEqual(names('71/280'), []);
  });

  test('the location is the held text, at its first character; the container says where it comes from', () => {
    const [symbol] = workspaceSymbols('A/68/283', bundled);
    assert.equal(symbol.kind, SymbolKind.File);
    assert.equal(symbol.location.uri, 'compact-drafter-corpus:/A-68-283.md');
    assert.equal(symbol.containerName, 'General Assembly report · bundled corpus');
    assert.deepEqual(symbol.location.range.start, symbol.location.range.end);
    assert.ok(symbol.location.range.start.line > 0, 'the blank lines above the cover page are skipped');
  });

  test('the user’s copy of a text wins over the bundled one, listed once', () => {
    const own = new CorpusDocument('A/68/283', 'A/68/283', 'file:///ws/corpus/A-68-283.md', 'workspace', '\n1. Own copy.\n');
    const corpus = testCorpus([own]);
    const found = workspaceSymbols('A/68/283', corpus);
    assert.equal(found.length, 1);
    assert.equal(found[0].location.uri, 'file:///ws/corpus/A-68-283.md');
    assert.deepEqual(found[0].location.range.start, { line: 1, character: 0 });
    assert.equal(found[0].containerName, 'General Assembly report · workspace corpus');
  });

  test('a limit caps the answer', () => {
    assert.equal(workspaceSymbols('', bundled, 2).length, 2);
  });
});
