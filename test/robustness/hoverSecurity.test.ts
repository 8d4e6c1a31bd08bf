// Corpus text is untrusted: a hover shows a corpus file's title and paragraphs as text, never as
// links, images, HTML or `command:` URIs. Checked on the Markdown itself, without rendering it:
// once the hover's own two links are taken out, no backtick may be left unescaped, no `]` that could
// close a link (before "(", "[" or ":"), no `<` that opens HTML or an autolink, and no `&` that starts an
// entity. marked, which renders VS Code's hovers, is the judge of the escaping itself (below).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { visibleText } from '../../server/src/text/invisible';
import { analyzeDraft } from '../../server/src/analysis';
import { CorpusDocument } from '../../server/src/corpus';
import { hoverAt } from '../../server/src/features/hover';
import { escapeMarkdown } from '../../server/src/features/markdown';
import { Marked, type Token } from 'marked';
import { corpusWith } from './support';

const HOSTILE = [
  '[x](command:workbench.action.terminal.new)',
  '[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '![img](http://x/y.png)',
  '![](https://evil.example/track.gif "t")',
  '[click](javascript:alert(1))',
  '[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<https://evil.example>',
  '`code` and ``double`` and ```fence```',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x&#62;',
  '&#x3C;b&#x3E;',
  '&amp;lt;',
  '\\[escaped\\](command:x)',
  '\\\\[two backslashes](command:x)',
  '[nested [x](command:a)](command:b)',
  '<a href="command:workbench.action.terminal.new">a</a>',
  '<!-- comment --><details open>',
  '*emphasis* _under_ **strong** ~~strike~~ | table | # heading > quote',
  '1. a list\n- item\n+ item\n= setext',
];

/** The hover's own links: an escaped label and one of the two targets it builds. */
const OWN_LINK = /\[(?:[^[\]\\]|\\.)*\]\((https:\/\/(?:undocs\.org|digitallibrary\.un\.org)\/[^\s()]*)\)/g;

/** Characters that open code: each must come escaped. */
const DANGEROUS = new Set(['`']);

/**
 * Reads the Markdown as CommonMark's inline escapes do: a backslash and the punctuation after it are
 * one literal character. Returns what is left unescaped that could start a construct.
 */
function unescapedConstructs(markdown: string): string[] {
  const problems: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i];
    if (ch === '\\') {
      i++; // the escaped character (or a literal backslash pair)
      continue;
    }
    if (DANGEROUS.has(ch)) problems.push(`unescaped “${ch}” at ${i}: ${JSON.stringify(markdown.slice(Math.max(0, i - 30), i + 30))}`);
    if (ch === ']' && /^\][([:]/.test(markdown.slice(i, i + 2))) problems.push(`a "]" that could close a link at ${i}: ${JSON.stringify(markdown.slice(Math.max(0, i - 30), i + 30))}`);
    if (ch === '<' && /^<[a-z/!?]/i.test(markdown.slice(i, i + 2))) problems.push(`unescaped HTML or autolink at ${i}: ${JSON.stringify(markdown.slice(i, i + 12))}`);
    if (ch === '&' && /^&#?[a-z0-9]+;/i.test(markdown.slice(i, i + 40))) problems.push(`an unescaped entity at ${i}: ${JSON.stringify(markdown.slice(i, i + 12))}`);
  }
  return problems;
}

function assertSafeHover(markdown: string): void {
  const targets = [...markdown.matchAll(OWN_LINK)].map((m) => m[1]);
  assert.ok(targets.length >= 2, `the hover's own links are there: ${markdown}`);
  const rest = markdown.replace(OWN_LINK, '');
  assert.deepEqual(unescapedConstructs(rest), [], markdown);
  assert.doesNotMatch(markdown, /(?<!\\)\]\(\s*(?:command|javascript):/i, 'no command or javascript link');
}

/** A workspace corpus file of a symbol the registry lacks, so its own title and date are shown. */
function hostileDocument(title: string, date: string, paragraphs: readonly string[]): CorpusDocument {
  const text = paragraphs.map((p, i) => `${i + 1}. ${p}`).join('\n\n') + '\n';
  return new CorpusDocument('A/72/999', 'A/72/999', 'file:///corpus/A-72-999.md', 'workspace', text, title, date);
}

function hoverOf(document: CorpusDocument, draft: string, at: string) {
  const corpus = corpusWith([document]);
  const analysis = analyzeDraft(draft, corpus);
  const hover = hoverAt(analysis, draft.indexOf(at), { corpus, counts: () => ({ draft: 1 }) });
  assert.ok(hover, `a hover at “${at}”`);
  return hover.markdown;
}

describe('hover: untrusted corpus text is shown as text', () => {
  test('every hostile construct, in the title, the date and the cited paragraphs', () => {
    const document = hostileDocument(HOSTILE.join(' '), '<img src=x onerror=alert(1)> [d](command:x)', HOSTILE.map((h) => `Paragraph text with ${h} inside.`));
    const count = HOSTILE.length;
    const markdown = hoverOf(document, `As stated in A/72/999, paras. 1–${count}, the words matter.`, 'A/72/999');
    assertSafeHover(markdown);
    // The words are there, as text: the title, and each paragraph (the hover cuts long ones).
    assert.match(markdown, /command:workbench\\\.action|command:workbench\.action/);
    assert.ok(markdown.includes('\\<script>alert(1)\\</script>'), 'the script tag is shown as text');
    assert.ok(markdown.includes('\\&lt;script\\&gt;'), 'an entity in the source is shown as typed, not decoded');
    assert.ok(markdown.includes('![img\\](http\\://x/y.png)'), 'the image is shown as text');
  });

  test('each hostile construct alone, as a title and as the cited paragraph', () => {
    for (const hostile of HOSTILE) {
      const document = hostileDocument(hostile, '2017-01-01', [hostile, `Second ${hostile}`]);
      assertSafeHover(hoverOf(document, 'See A/72/999, para. 2.', 'A/72/999'));
      assertSafeHover(hoverOf(document, 'See A/72/999, para. 1.', 'para. 1'));
    }
  });

  test('a paragraph of the draft itself, hovered through "paragraph 1 above", is escaped too', () => {
    for (const hostile of HOSTILE) {
      const draft = `1. ${hostile.replace(/\n/g, ' ')} ends here.\n\n2. As in paragraph 1 above.\n`;
      const analysis = analyzeDraft(draft, corpusWith());
      const hover = hoverAt(analysis, draft.indexOf('paragraph 1 above'), { corpus: corpusWith(), counts: () => ({ draft: 0 }) });
      if (!hover) continue; // the hostile text may have kept "1." from being a numbered paragraph
      assert.deepEqual(unescapedConstructs(hover.markdown), [], hover.markdown);
    }
  });

  test('property: a corpus file of random text with hostile fragments never yields a link, image, HTML or code in the hover', () => {
    const hostileText = fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 }), fc.constantFrom('[', ']', '(', ')', '!', '<', '>', '`', '&', '\\', ':', '\n', ' ')), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (title, date, paragraph) => {
        const document = hostileDocument(title, date, [paragraph.replace(/\n\s*\n/g, ' ') || 'x']);
        const markdown = hoverOf(document, 'See A/72/999, para. 1.', 'A/72/999');
        const targets = [...markdown.matchAll(OWN_LINK)].map((m) => m[1]);
        assert.ok(targets.length >= 2, markdown);
        assert.deepEqual(unescapedConstructs(markdown.replace(OWN_LINK, '')), [], markdown);
      }),
      { numRuns: 150, seed: 4242 },
    );
  });

  // GFM renderers (VS Code's hovers use marked) make bare URLs and e-mail addresses clickable
  // without any bracket; the hover must not carry links it did not build.
  test('a bare https:// or www. URL or an e-mail address in corpus text is shown as text, not autolinked', () => {
    const hostile = 'See https://evil.example/x, www.evil.example, ftp://evil.example and mail@evil.example';
    const document = hostileDocument(hostile, '2017-01-01', [hostile]);
    const markdown = hoverOf(document, 'See A/72/999, para. 1.', 'A/72/999');
    assert.deepEqual(linksRenderedBy(markdown.replace(OWN_LINK, '')), [], markdown);
    assert.ok(markdown.includes('https\\://evil.example/x'), markdown);
  });
});

describe('escapeMarkdown', () => {
  const interesting = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(fc.constantFrom('[', ']', '(', ')', '!', '<', '>', '`', '&', '\\', '*', '_', '#', '|', '~', '{', '}', '-', '+', '=', '1.', '2)', ' ', '\n', '\t', 'a', 'command:', 'javascript:', '&lt;', '&#60;', '&amp;'), { maxLength: 40 }).map((parts) => parts.join('')),
  );

  test('property: no backtick, no "]" before "(", "[" or ":", no < opening HTML, no & an entity, and no line breaks', () => {
    fc.assert(
      fc.property(interesting, (text) => {
        const escaped = escapeMarkdown(text);
        assert.deepEqual(unescapedConstructs(escaped), [], `${JSON.stringify(text)} → ${JSON.stringify(escaped)}`);
        assert.doesNotMatch(escaped, /[\r\n]/, 'line breaks are collapsed: no block constructs');
        assert.doesNotMatch(escaped, /^ ?(?:[-+=]|\d+[.)]|#|>)/, 'nothing starts a list, heading or quote');
      }),
      { numRuns: 2_000, seed: 777 },
    );
  });

  test('property: a GFM parser finds no link, image or HTML in the escaped text (autolinks included)', () => {
    const urlish = fc.oneof(
      interesting,
      fc.array(fc.constantFrom('https://', 'http://', 'www.', 'ftp://', 'mailto:', '@', 'evil.example', '/x', '.', ' ', 'a', '<', '>', '[', ']', '(', ')', '\\'), { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(urlish, (text) => {
        const escaped = escapeMarkdown(text);
        assert.deepEqual(linksRenderedBy(escaped), [], `${JSON.stringify(text)} → ${JSON.stringify(escaped)}`);
      }),
      { numRuns: 2_000, seed: 779 },
    );
  });

  test('property: marked renders the escaped text as the text itself (nothing emphasised, coded, linked or decoded)', () => {
    fc.assert(
      fc.property(interesting, (text) => {
        const escaped = escapeMarkdown(text);
        assert.equal(marked.parseInline(escaped), htmlText(text.replace(/\s+/g, ' ')), `${JSON.stringify(text)} → ${JSON.stringify(escaped)}`);
      }),
      { numRuns: 2_000, seed: 780 },
    );
  });

  // Terminal renderers (Emacs's markdown-mode under Eglot) show every backslash: only what must be is escaped.
  test('escapes only what must be: negotiation brackets, intraword underscores, "&" and "<" in prose stay as typed', () => {
    const table: [string, string][] = [
      ['States [consider] [strengthening] measures', 'States [consider] [strengthening] measures'],
      // At the start a "[" could open a reference definition, at the end a "]" be followed by our "(".
      ['[consider]', '\\[consider\\]'],
      ['Convention_on_the_Rights', 'Convention_on_the_Rights'],
      ['AT&T, 3 < 5, 5 > 3', 'AT&T, 3 < 5, 5 > 3'],
      ['(a) mainstreaming; {b}! #7', '(a) mainstreaming; {b}! #7'],
      ['C:\\Users', 'C:\\Users'],
      ['&amp; and &#60;', '\\&amp; and \\&#60;'],
      ['<b>bold</b>', '\\<b>bold\\</b>'],
      ['[x](command:y)', '\\[x\\](command:y)'],
      ['*Urges* _States_', '\\*Urges\\* \\_States\\_'],
      ['# not a heading', '\\# not a heading'],
      ['1. not a list', '1\\. not a list'],
    ];
    for (const [text, expected] of table) assert.equal(escapeMarkdown(text), expected, text);
  });

  test('property: the escaping loses no text (unescaping gives the input, whitespace collapsed)', () => {
    fc.assert(
      fc.property(interesting, (text) => {
        // CommonMark's backslash escapes: a backslash before ASCII punctuation; any other is literal.
        const unescaped = escapeMarkdown(text).replace(/\\([!-/:-@[-`{-~])/g, '$1');
        // Invisible characters (bidi controls, zero-width) are dropped on purpose (text/invisible.ts).
        assert.equal(unescaped, visibleText(text).replace(/\s+/g, ' '));
      }),
      { numRuns: 2_000, seed: 778 },
    );
  });
});

// VS Code renders hovers with marked (GFM on). remark-gfm is no judge here: it finds autolinks in
// the decoded text after the fact, so no escape breaks them there, while marked (and CommonMark's
// own autolinks) read the source, where an escaped ":" or "." ends the URL.
const marked = new Marked({ gfm: true });

/** Text as marked writes it into HTML. */
const htmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** What VS Code's renderer would make of the Markdown: every link, image and HTML token, autolinks included. */
function linksRenderedBy(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link' || token.type === 'image' || token.type === 'html') found.push(`${token.type}: ${token.raw}`);
      if ('tokens' in token && token.tokens) walk(token.tokens);
      if (token.type === 'list') walk(token.items);
    }
  };
  walk(marked.lexer(markdown));
  return found;
}
