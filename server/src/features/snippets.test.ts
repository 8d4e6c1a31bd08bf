// One source of truth: the .code-snippets file VS Code reads is what the server serves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { DRAFTING_SNIPPETS } from '../language/snippets';
import { codeSnippets, codeSnippetsText, previewSnippet, snippetCompletions, type CodeSnippet } from './snippets';

const SNIPPETS_FILE = join(__dirname, '..', '..', '..', 'snippets', 'compact-drafter.code-snippets');
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('snippets/compact-drafter.code-snippets', () => {
  const file = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, CodeSnippet>;

  test('is exactly what the server generates (run `node --import tsx scripts/build-snippets.ts` after changing the data)', () => {
    assert.equal(readFileSync(SNIPPETS_FILE, 'utf8'), codeSnippetsText());
    assert.deepEqual(file, codeSnippets());
  });

  test('every snippet the server serves is in the file, with the same body and prefix, but those whose session follows the draft', () => {
    const served = snippetCompletions({ range });
    const followsSession = DRAFTING_SNIPPETS.filter((s) => s.followsSession);
    assert.equal(followsSession.length, 2);
    assert.equal(served.length, Object.keys(file).length + followsSession.length);
    for (const [index, snippet] of DRAFTING_SNIPPETS.entries()) {
      if (snippet.followsSession) {
        assert.equal(file[snippet.name], undefined, `${snippet.name}: the file cannot know the draft's session`);
        continue;
      }
      const item = served.find((i) => i.sortText?.endsWith(String(index).padStart(3, '0')))!;
      assert.ok(item, snippet.name);
      assert.equal((item.textEdit as TextEdit).newText, file[snippet.name].body.join('\n'), snippet.name);
      assert.equal(item.filterText, file[snippet.name].prefix);
      assert.equal(file[snippet.name].scope, 'markdown');
    }
  });

  test('has the snippets the drafters asked for', () => {
    const bodies = Object.values(file).map((s) => s.body.join('\n'));
    const has = (text: string) => assert.ok(bodies.some((b) => b.includes(text)), text);
    has('*Recalling* its resolution ${1:symbol} of ${2:date}');
    has('*Reaffirming* ');
    has('*Noting with concern* ');
    has('*Welcoming* ');
    has('*Decides* ');
    has('*Calls upon* States ');
    has('*Encourages* ');
    has('*Invites* ');
    has('We commit to ${4:…}.\nTo realize this commitment, we will draw from the following actions:\n\n(a) ${5:…};\n\n(b) ${6:…};\n\n(c) ${7:…}.');
    has('### Objective ${1:N}: ${2:title}');
    has('Member States could consider incorporating the following commitments into the GCM');
  });

  test('each description carries the opening’s note', () => {
    assert.match(file['Operative paragraph: Urges'].description, /stronger than “calls upon” and “encourages”/);
    assert.match(file['Operative paragraph: Calls upon'].description, /Addresses States/);
    assert.match(file['Operative paragraph: Decides'].description, /binding on the body itself/);
  });
});

describe('snippets served as completion items', () => {
  test('kind Snippet, snippet text format, documentation with the note and a preview', () => {
    const [first] = snippetCompletions({ range, kinds: ['operative'] });
    assert.equal(first.kind, CompletionItemKind.Snippet);
    assert.equal(first.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(first.label, 'Requests the Secretary-General to submit … a report');
    const documentation = (first.documentation as MarkupContent).value;
    assert.match(documentation, /\*\*Requests\*\* · operative opening/);
    assert.match(documentation, /```markdown\n\*Requests\* the Secretary-General to submit to the General Assembly at its next session/);
  });

  test('the report and agenda snippets name the session after the draft’s own, as the drafters asked', () => {
    const bodies = (nextSession?: string) => snippetCompletions({ range, kinds: ['operative'], nextSession, sessionOnly: true }).map((i) => (i.textEdit as TextEdit).newText);
    assert.deepEqual(bodies('eighty-first'), [
      '*Requests* the Secretary-General to submit to the General Assembly at its ${1:eighty-first} session a report on the implementation of the present resolution;',
      '*Decides* to include in the provisional agenda of its ${1:eighty-first} session the item entitled “${2:title}”.',
    ]);
    // Without a draft: "at its next session", never a fixed "seventy-fourth".
    assert.match(bodies()[0]!, /at its \$\{1:next\} session/);
    for (const item of snippetCompletions({ range, nextSession: 'eighty-first' })) {
      assert.doesNotMatch((item.textEdit as TextEdit).newText, /NEXT_SESSION|seventy-fourth/, item.label);
      assert.doesNotMatch((item.documentation as MarkupContent).value, /NEXT_SESSION/, item.label);
    }
  });

  test('only the kinds asked for, in the order asked', () => {
    const items = snippetCompletions({ range, kinds: ['operative', 'preambular'] });
    const kinds = items.map((i) => i.labelDetails?.description);
    assert.ok(!kinds.includes('GCM objective') && !kinds.includes('Issue brief'));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].labelDetails?.description, 'Operative paragraph');
    assert.equal(sorted[sorted.length - 1].labelDetails?.description, 'Preambular paragraph');
  });

  test('a typed emphasis marker stays in the filter text', () => {
    const items = snippetCompletions({ range, typedMarker: '*', kinds: ['preambular'] });
    assert.ok(items.every((i) => i.filterText!.startsWith('*')));
  });

  test('previewSnippet reads a body with its defaults', () => {
    assert.equal(previewSnippet(['*Urges* ${1:States} to ${2:…};$0']), '*Urges* States to …;');
    assert.equal(previewSnippet(['${1|a,b|} \\$ \\}']), 'a $ }');
  });
});
