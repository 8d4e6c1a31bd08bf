// The incremental parser: where it cuts a draft, that each version's model is parseDraft's, and
// that an edit makes remark read only the pieces it touched. (The random-edit equivalence test is
// analysis/incremental.test.ts.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chunkStarts } from './chunks';
import { IncrementalParser } from './incremental';
import { parseDraft } from './index';
import { seed } from './testSupport';

const cutsOf = (text: string) => chunkStarts(text).map((at) => text.slice(at, at + 3));

/** Parses each version with one parser and checks it against parseDraft; returns the parser. */
function follow(...versions: string[]): IncrementalParser {
  const parser = new IncrementalParser();
  versions.forEach((text, i) => assert.deepStrictEqual(parser.parse(text), parseDraft(text), `version ${i}`));
  return parser;
}

const paragraphs = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => `${from + i}. *Requests* the Secretary-General to report on paragraph ${from + i} (see A/68/283, para. ${i + 1});`).join('\n\n');

describe('cuts', () => {
  test('after a blank line, before a line at column 0', () => {
    assert.deepEqual(cutsOf('a\n\nb\n\n  c\n\n- d\n\n    e\n'), ['a\n\n', 'b\n\n', '- d']);
  });
  test('not inside fenced code or an HTML comment that runs across blank lines', () => {
    assert.deepEqual(cutsOf('```\na\n\nb\n```\n\nc\n\n~~~~\nd\n\n~~~\ne\n~~~~\n\nf'), ['```', 'c\n\n', '~~~', 'f']);
    assert.deepEqual(cutsOf('<!--\na\n\nb\n-->\n\nc\n\n<!-- one line -->\n\nd'), ['<!-', 'c\n\n', '<!-', 'd']);
  });
  test('CRLF and a lone CR end lines', () => {
    assert.deepEqual(cutsOf('a\r\n\r\nb\r\rc\r\n \r\nd'), ['a\r\n', 'b\r\r', 'c\r\n', 'd']);
  });
});

describe('incremental parser', () => {
  test('a first parse reads the draft in one run', () => {
    const parser = follow(seed('A-68-283.md'));
    assert.equal(parser.lastStats.runs, 1);
    assert.ok(parser.lastStats.pieces > 100);
  });

  test('an edit in one numbered paragraph of a list parses that paragraph only', () => {
    const text = paragraphs(60);
    const at = text.indexOf('30. *Requests*') + 4;
    const parser = follow(text, `${text.slice(0, at)}x${text.slice(at)}`);
    assert.equal(parser.lastStats.runs, 1);
    assert.ok(parser.lastStats.parsedChars < 200, `${parser.lastStats.parsedChars} characters`);
  });

  test('an unclosed fence typed at the top swallows the rest, in a few runs, and closing it restores the draft', () => {
    const text = paragraphs(300);
    const open = `\`\`\`\n\n${text}`;
    const parser = follow(text, open);
    assert.ok(parser.lastStats.runs <= 12, `${parser.lastStats.runs} runs`);
    follow(text, open, `\`\`\`\n\n${text.replace('\n\n150.', '\n\n```\n\n150.')}`, text);
  });

  test('a cut the scan proposed inside a fence is merged once, then reused', () => {
    // The scan takes the list item's fence for one at the top level, and the real one for its end.
    const text = `${paragraphs(20)}\n\n- a\n\n  \`\`\`\n  code\n\nb\n\n\`\`\`\nreal\n\nstill fence\n\`\`\`\n\nend\n`;
    assert.ok(parseDraft(text).spans.every((span) => !span.text.includes('still')));
    const at = text.indexOf('5. ') + 3;
    const parser = follow(text, `${text.slice(0, at)}x${text.slice(at)}`);
    assert.equal(parser.lastStats.runs, 1);
    assert.ok(parser.lastStats.parsedChars < 200, `${parser.lastStats.parsedChars} characters`);
  });

  test('a footnote call defined in another piece, then the definition removed and restored', () => {
    const definition = '\n\n[^1]: See A/68/283, para. 90.';
    const text = `${paragraphs(5)}\n\n6. As noted.[^1]\n\n${paragraphs(5, 7)}${definition}\n`;
    const parser = follow(text, text.replace(definition, ''), text);
    assert.equal(parseDraft(text).footnoteMarkers.length, 1);
    assert.ok(parser.lastStats.runs <= 2);
  });

  test('a link reference defined in another piece', () => {
    const text = `1. See [the report] and [x][report].\n\n${paragraphs(5, 2)}\n\n[the report]: https://undocs.org/A/68/283\n[report]: #\n`;
    follow(text, text.replace('[report]: #\n', ''), text.replace('[the report]', '[The  Report]'), text);
  });

  test('front matter added, edited and removed', () => {
    const body = paragraphs(10);
    const withFront = `---\nsymbol: A/71/728\n\ntitle: x\n---\n${body}`;
    follow(body, withFront, withFront.replace('title: x', 'title: y'), body);
  });
});
