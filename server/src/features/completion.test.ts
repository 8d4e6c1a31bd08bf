// Completion, one context at a time, on the bundled registry and seed texts: what is offered, in which
// order, and that every edit replaces exactly what was typed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { analyzeDraft } from '../analysis';
import { Corpus, CorpusDocument, Registry, bundledDataDir, bundledRegistry, loadBundledDocuments } from '../corpus';
import { MAX_DOCUMENT_ITEMS, completionListAt, completionsAt, type CompletionOptions } from './completion';

// The tables below specify behaviour on the registry's verified documents (those of
// shared/facts), which do not grow with the texts the registry is built from; the last suite
// completes against the whole bundled registry.
const verifiedOnly = new Registry([...bundledRegistry().all()].filter((entry) => entry.confidence));
const bundled = new Corpus(verifiedOnly, loadBundledDocuments().documents);

function corpusWith(...extra: CorpusDocument[]): Corpus {
  return new Corpus(verifiedOnly, [...loadBundledDocuments().documents, ...extra]);
}

/** Completions at the end of `before` (or at the "|" in it), with the text each edit replaces. */
function complete(textWithCursor: string, corpus = bundled, options: CompletionOptions = {}) {
  const cursor = textWithCursor.includes('|') ? textWithCursor.indexOf('|') : textWithCursor.length;
  const text = textWithCursor.replace('|', '');
  const items = completionsAt(text, cursor, corpus, options);
  const lines = text.split('\n');
  const offsetOf = (line: number, character: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  const replaced = (item: CompletionItem) => {
    const edit = item.textEdit as TextEdit;
    return text.slice(offsetOf(edit.range.start.line, edit.range.start.character), offsetOf(edit.range.end.line, edit.range.end.character));
  };
  return { items, labels: items.map((i) => i.label), replaced, text, cursor };
}

const newText = (item: CompletionItem) => (item.textEdit as TextEdit).newText;
const docs = (item: CompletionItem) => (item.documentation as MarkupContent).value;

describe('completion after a symbol prefix', () => {
  test('after "A/RES/": the registry’s General Assembly resolutions, newest first, and the sessions below', () => {
    const { items, labels, replaced } = complete('*Recalling* its resolution A/RES/');
    const documents = items.filter((i) => i.kind === CompletionItemKind.Reference).map((i) => i.label);
    assert.deepEqual(documents.slice(0, 4), ['A/RES/80/218', 'A/RES/80/228', 'A/RES/80/185', 'A/RES/80/11']);
    assert.ok(documents.includes('A/RES/45/158'));
    assert.ok(documents.every((d) => d.startsWith('A/RES/')));
    const sessions = items.filter((i) => i.kind === CompletionItemKind.Folder).map((i) => i.label);
    assert.ok(sessions.includes('A/RES/71/') && sessions.includes('A/RES/73/'), sessions.join(', '));
    assert.equal(items.find((i) => i.label === 'A/RES/71/')!.detail, '2 documents');
    // Documents come before the sessions; every edit replaces the typed "A/RES/".
    assert.ok(labels.indexOf('A/RES/45/158') < labels.indexOf('A/RES/71/'));
    for (const item of items) assert.equal(replaced(item), 'A/RES/');
  });

  test('after "A/RES/71/": the two resolutions of the seventy-first session with title and date', () => {
    const { items, replaced } = complete('in accordance with A/RES/71/');
    assert.deepEqual(
      items.map((i) => [i.label, i.labelDetails?.description, i.detail]),
      [
        ['A/RES/71/280', '6 April 2017', 'Modalities for the intergovernmental negotiations of the global compact for safe, orderly and regular migration'],
        ['A/RES/71/1', '19 September 2016', 'New York Declaration for Refugees and Migrants'],
      ],
    );
    assert.equal(replaced(items[0]), 'A/RES/71/');
    assert.equal(newText(items[0]), 'A/RES/71/280');
    assert.match(docs(items[0]), /General Assembly resolution 71\/280 of 6 April 2017/);
  });

  test('after "A/HRC/": the Council’s documents, by session', () => {
    const { items } = complete('(A/HRC/');
    assert.deepEqual(
      items.filter((i) => i.kind === CompletionItemKind.Reference).map((i) => i.label),
      ['A/HRC/23/46', 'A/HRC/20/24'],
    );
    assert.deepEqual(items.filter((i) => i.kind === CompletionItemKind.Folder).map((i) => i.label).sort(), ['A/HRC/20/', 'A/HRC/23/']);
  });

  test('after "S/RES/": the Security Council resolution with its year', () => {
    const { items, replaced } = complete('Security Council resolution S/RES/');
    assert.deepEqual(items.map((i) => newText(i)), ['S/RES/2240 (2015)']);
    assert.equal(replaced(items[0]), 'S/RES/');
    // The registry does not vouch for its date: the year only.
    assert.equal(items[0].labelDetails?.description, '2015 (exact date not verified)');
  });

  test('lower case is completed to the official form', () => {
    const { items, replaced } = complete('see a/res/72/');
    assert.deepEqual(items.map((i) => newText(i)), ['A/RES/72/244', 'A/RES/72/179']);
    assert.equal(replaced(items[0]), 'a/res/72/');
  });

  test('a slash in prose or in a web address is no symbol', () => {
    assert.deepEqual(complete('and/or a/b').labels, []);
    assert.deepEqual(complete('https://undocs.org/A/RES/', bundled, { triggerCharacter: '/' }).labels, []);
  });

  test('the user’s corpus adds its documents to the list', () => {
    const own = new CorpusDocument('A/72/643', 'A/72/643', 'file:///ws/corpus/A-72-643.md', 'workspace', '1. First.\n', 'Making migration work for all', '2017-12-12');
    const { items } = complete('A/72/', corpusWith(own));
    assert.deepEqual(
      items.map((i) => [i.label, i.labelDetails?.description]),
      [['A/72/643', '12 December 2017']],
    );
  });
});

describe('completion of short forms', () => {
  test('after "resolution 71/": 71/1 and 71/280, replacing only the typed "71/"', () => {
    const { items, replaced } = complete('*Recalling* its resolution 71/');
    assert.deepEqual(
      items.map((i) => i.label),
      ['71/280', '71/1'],
    );
    assert.equal(replaced(items[0]), '71/');
    assert.equal(newText(items[1]), '71/1');
    assert.equal(items[1].detail, 'New York Declaration for Refugees and Migrants');
  });

  test('in the long house form the date comes with the number, where the registry vouches for the day', () => {
    const { items } = complete('*Recalling* its resolution 72/', bundled, { citationForm: 'long' });
    assert.equal(newText(items.find((i) => i.label === '72/179')!), '72/179 of 19 December 2017');
    // Not where the draft already gives a date, and never a date the facts do not vouch for.
    const dated = complete('*Recalling* its resolution 72/| of 19 December 2017', bundled, { citationForm: 'long' });
    assert.equal(newText(dated.items.find((i) => i.label === '72/179')!), '72/179');
    const unverified = complete('*Recalling* its resolution 67/', bundled, { citationForm: 'long' });
    assert.equal(newText(unverified.items.find((i) => i.label === '67/172')!), '67/172');
    const short = complete('*Recalling* its resolution 72/', bundled, { citationForm: 'short' });
    assert.equal(newText(short.items.find((i) => i.label === '72/179')!), '72/179');
  });

  test('after "resolution " (space typed): every General Assembly resolution', () => {
    const { items, replaced } = complete('General Assembly resolution ', bundled, { triggerCharacter: ' ' });
    assert.ok(items.length >= 12);
    assert.ok(items.every((i) => /^\d+\/\d+$/.test(i.label)));
    assert.equal(replaced(items[0]), '');
  });

  test('in a list: "resolutions 70/1 and 7"', () => {
    const { labels } = complete('resolutions 70/1 and 7');
    assert.ok(labels.includes('71/280') && labels.includes('73/195'));
    assert.ok(labels.every((l) => l.startsWith('7')));
  });

  test('"Security Council resolution 22" completes the number with its year', () => {
    const { items, replaced } = complete('*Mindful* of Security Council resolution 22');
    assert.deepEqual(items.map((i) => newText(i)), ['2240 (2015)']);
    assert.equal(replaced(items[0]), '22');
  });

  test('"Human Rights Council resolution 35/": the Council’s resolutions, not the Assembly’s', () => {
    const hrc = new CorpusDocument('A/HRC/RES/35/17', 'A/HRC/RES/35/17', 'file:///ws/corpus/hrc-35-17.md', 'workspace', '1. First.\n', 'Protection of the human rights of migrants', '2017-06-22');
    const { items } = complete('and Human Rights Council resolution 35/', corpusWith(hrc));
    assert.deepEqual(items.map((i) => newText(i)), ['35/17']);
    assert.deepEqual(complete('and Human Rights Council resolution 35/').labels, []);
  });

  test('no completion where the grammar would read no document', () => {
    assert.deepEqual(complete('decision 71/').labels, [], 'GA decisions have no symbol');
    assert.deepEqual(complete('WHO resolution 6').labels, []);
    assert.deepEqual(complete('the draft resolution 7').labels, []);
  });
});

describe('completion of paragraph pinpoints', () => {
  test('after "A/68/283, para. ": all 143 paragraphs of the held text, with their first words', () => {
    const { items, replaced } = complete('(see A/68/283, para. ', bundled, { triggerCharacter: ' ' });
    assert.equal(items.length, 143);
    assert.deepEqual(
      items.slice(0, 3).map((i) => i.label),
      ['1', '2', '3'],
    );
    const eight = items.find((i) => i.label === '8')!;
    assert.equal(eight.detail, 'Migration is a complex phenomenon which affects most, if not …');
    assert.match(docs(eight), /^Paragraph 8 of A\/68\/283: “Migration is a complex phenomenon/);
    assert.equal(replaced(eight), '');
    assert.equal(eight.kind, CompletionItemKind.Value);
  });

  test('the typed digits filter and are replaced: "paras. 89–9"', () => {
    const { labels, items, replaced } = complete('more governance (A/68/283, paras. 89–9');
    assert.deepEqual(labels, ['9', '90', '91', '92', '93', '94', '95', '96', '97', '98', '99']);
    assert.equal(replaced(items[1]), '9');
  });

  test('"paragraph" after a short form with its date: "resolution 71/280 of 6 April 2017, paragraph" has no text held', () => {
    assert.deepEqual(complete('resolution 71/280 of 6 April 2017, paragraph ').labels, []);
  });

  test('an excerpt offers the paragraphs it holds', () => {
    // The excerpt starts inside paragraph 106, whose number it does not hold.
    const { labels } = complete('A/71/285, para. 1');
    assert.deepEqual(labels, ['107', '108', '109', '110', '111']);
  });

  test('a name with its pinpoint: the text behind the name (A/71/728 is not held: nothing)', () => {
    assert.deepEqual(complete('the Sutherland Report, para. ').labels, []);
    const sutherland = new CorpusDocument('A/71/728', 'A/71/728', 'file:///ws/corpus/A-71-728.md', 'workspace', '72. A paragraph on financing.\n\n73. Another.\n');
    assert.deepEqual(complete('the Sutherland Report, para. 7', corpusWith(sutherland)).labels, ['72', '73']);
  });

  test('a symbol written as a Markdown link: "([A/HRC/23/46](#), para. "', () => {
    const report = new CorpusDocument('A/HRC/23/46', 'A/HRC/23/46', 'file:///ws/corpus/A-HRC-23-46.md', 'workspace', '1. One.\n\n2. Two.\n');
    assert.deepEqual(complete('([A/HRC/23/46](#), para. ', corpusWith(report)).labels, ['1', '2']);
  });
});

describe('completion of names', () => {
  test('"Sutherland" completes to the name with its symbol, once though two spellings are registered', () => {
    const { items, replaced } = complete('*Taking note* of the report of the Special Representative (the Suth');
    assert.deepEqual(items.map((i) => newText(i)), ['Sutherland Report (A/71/728)']);
    assert.equal(replaced(items[0]), 'Suth');
  });

  test('"New York Decl" at the start of a sentence: “The New York Declaration (A/RES/71/1)”', () => {
    const { items, replaced } = complete('New York Decl');
    assert.deepEqual(items.map((i) => newText(i)), ['The New York Declaration (A/RES/71/1)']);
    assert.equal(replaced(items[0]), 'New York Decl');
  });

  test('in a sentence the article is lower case; a name that starts with “The” takes none', () => {
    assert.deepEqual(complete('as set out in 2030 Ag').items.map(newText), ['the 2030 Agenda (A/RES/70/1)', 'the 2030 Agenda for Sustainable Development (A/RES/70/1)']);
    assert.deepEqual(complete('as agreed in The future w').items.map(newText), ['The future we want (A/RES/66/288)']);
  });

  test('fewer than three letters, or words that start no name, get nothing', () => {
    assert.deepEqual(complete('as agreed in th').labels, []);
    assert.deepEqual(complete('as agreed in the consultations').labels, []);
  });
});

describe('ranking', () => {
  test('documents already cited in the draft come first, then the newest', () => {
    const draft = '*Recalling* its resolution 45/158 and resolution 70/1,\n\n*Recalling also* A/RES/';
    const { labels } = complete(draft);
    const documents = labels.filter((l) => !l.endsWith('/'));
    assert.deepEqual(documents.slice(0, 3), ['A/RES/70/1', 'A/RES/45/158', 'A/RES/80/218']);
  });

  test('the analysis and the text give the same answer', () => {
    const text = '*Recalling* its resolution 45/158,\n\n*Recalling also* resolution 7';
    const fromText = completionsAt(text, text.length, bundled);
    const fromAnalysis = completionsAt(analyzeDraft(text, bundled), text.length, bundled);
    assert.deepEqual(fromAnalysis, fromText);
    assert.equal(fromText[0].label, '79/217');
  });

  test('the cited document says so in its documentation', () => {
    const { items } = complete('its resolution 71/1 of 19 September 2016, and resolution 71/');
    const cited = items.find((i) => i.label === '71/1')!;
    assert.match(docs(cited), /already cited in this draft/);
    assert.equal(items[0].label, '71/1');
  });
});

describe('snippets at the start of a paragraph', () => {
  test('after a paragraph number: operative openings first, as snippets replacing the typed word', () => {
    const { items, replaced } = complete('## Operative paragraphs\n\n1. *Urg');
    const urges = items.find((i) => i.label === 'Urges')!;
    assert.equal(urges.kind, CompletionItemKind.Snippet);
    assert.equal(urges.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(newText(urges), '*Urges* ${1:States} to ${2:…};');
    assert.equal(replaced(urges), '*Urg');
    assert.equal(urges.filterText, '*Urges');
    assert.match(docs(urges), /stronger than “calls upon” and “encourages”/);
    assert.equal(items[0].labelDetails?.description, 'Operative paragraph');
    assert.ok(!items.some((i) => i.labelDetails?.description === 'GCM objective'));
  });

  test('at a bare line start every kind is offered, the GCM objective and the issue-brief list included', () => {
    const { items } = complete('Obj');
    const kinds = new Set(items.map((i) => i.labelDetails?.description));
    assert.deepEqual([...kinds].sort(), ['GCM objective', 'Issue brief', 'Operative paragraph', 'Preambular paragraph']);
  });

  test('not in the middle of a sentence, not after a space typed, not when turned off', () => {
    assert.ok(!complete('1. *Urges* States to enc').items.some((i) => i.kind === CompletionItemKind.Snippet));
    assert.deepEqual(complete('1. ', bundled, { triggerCharacter: ' ' }).labels, []);
    assert.deepEqual(complete('1. *Urg', bundled, { snippets: false }).labels, []);
  });

  test('the report and agenda snippets name the session after the draft’s own; with the static file (VS Code) only those are served', () => {
    const body = (text: string, options: CompletionOptions = {}) =>
      complete(text, bundled, options).items.filter((i) => i.kind === CompletionItemKind.Snippet && i.label.startsWith('Requests the Secretary-General')).map(newText);
    // The draft's symbol: the Third Committee's draft of session 80 asks for the report at the eighty-first.
    assert.deepEqual(body('---\nsymbol: A/C.3/80/L.12\n---\n*The General Assembly*,\n\n1. *Req'), [
      '*Requests* the Secretary-General to submit to the General Assembly at its ${1:eighty-first} session a report on the implementation of the present resolution;',
    ]);
    // Its date: February 2020 is in the seventy-fourth session.
    assert.match(body('---\ndate: 2020-02-10\n---\n1. *Req')[0]!, /at its \$\{1:seventy-fifth\} session/);
    const vscode = complete('---\nsymbol: A/C.3/80/L.12\n---\n1. *', bundled, { snippets: false }).items;
    assert.deepEqual(vscode.map((i) => i.label), ['Requests the Secretary-General to submit … a report', 'Decides to include in the provisional agenda …']);
    assert.match(newText(vscode[1]!), /provisional agenda of its \$\{1:eighty-first\} session/);
  });

  test('"Objective 1" completes the Compact’s objective titles', () => {
    const { items, replaced } = complete('### Objective 1');
    assert.deepEqual(items[0].label, 'Objective 1: Collect and utilize accurate and disaggregated data as a basis for evidence-based policies');
    assert.equal(items.length, 11); // 1 and 10-19
    assert.equal(replaced(items[0]), 'Objective 1');
    assert.equal(items[0].detail, 'Global Compact for Migration, paragraph 17');
  });
});

describe('positions and escaping', () => {
  test('ranges are on the cursor’s line, in UTF-16 code units', () => {
    const { items } = complete('# Draft\n\nÉtats — “quoted” text\n\n*Recalling* A/RES/71/|\n\nmore');
    const range = (items[0].textEdit as TextEdit).range;
    assert.deepEqual(range, { start: { line: 4, character: 12 }, end: { line: 4, character: 21 } });
  });

  test('corpus text in documentation is escaped Markdown', () => {
    const hostile = new CorpusDocument(
      'A/99/1',
      'A/99/1',
      'file:///ws/corpus/A-99-1.md',
      'workspace',
      '1. [run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `code`\n',
      '[click](command:x) ![img](https://evil.example/t.gif) <script>',
      '2019-01-01',
    );
    const corpus = corpusWith(hostile);
    const symbolDocs = docs(complete('A/99/', corpus).items[0]);
    const paragraphDocs = docs(complete('A/99/1, para. ', corpus).items[0]);
    for (const markdown of [symbolDocs, paragraphDocs]) {
      // No "]" that could close a link, no tag, no code (markdown.ts: only what must be is escaped).
      assert.doesNotMatch(markdown, /(?<!\\)\]\(/, markdown);
      assert.doesNotMatch(markdown, /(?<!\\)<[a-z]|(?<!\\)`/i, markdown);
    }
  });

  test('completion never throws on odd input', () => {
    const text = readFileSync(join(bundledDataDir(), 'corpus', 'GCM-issue-brief-3-2017.md'), 'utf8');
    const analysis = analyzeDraft(text, bundled);
    for (let offset = 0; offset <= text.length; offset += 37) assert.ok(Array.isArray(completionsAt(analysis, offset, bundled)));
    assert.deepEqual(completionsAt('', 0, bundled), completionsAt('', 0, bundled));
    assert.deepEqual(completionsAt('abc', 99, bundled), []);
  });
});

describe('completion against the whole bundled registry', () => {
  const whole = new Corpus(bundledRegistry(), loadBundledDocuments().documents);

  test('after "A/RES/": at most MAX_DOCUMENT_ITEMS documents, the newest, and every session as a group; the list says it is incomplete', () => {
    const { items, isIncomplete } = completionListAt('Recalling its resolution A/RES/', 31, whole);
    const documents = items.filter((i) => i.kind === CompletionItemKind.Reference);
    assert.equal(documents.length, MAX_DOCUMENT_ITEMS);
    assert.equal(isIncomplete, true);
    assert.ok(documents.every((d) => d.label.startsWith('A/RES/80/')), documents.map((d) => d.label).join(', '));
    const sessions = items.filter((i) => i.kind === CompletionItemKind.Folder).map((i) => i.label);
    for (const session of ['A/RES/73/', 'A/RES/78/', 'A/RES/79/', 'A/RES/80/']) assert.ok(sessions.includes(session), session);
  });

  test('after "resolution 80/2": the resolutions of that prefix, with title and date from their own headings', () => {
    const { items } = complete('Recalling its resolution 80/21', whole);
    const migrants = items.find((i) => i.label === '80/218');
    assert.ok(migrants, items.map((i) => i.label).join(', '));
    assert.equal(migrants.labelDetails?.description, '18 December 2025');
    assert.equal(migrants.detail, 'Protection of migrants');
  });
});
