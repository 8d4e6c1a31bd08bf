// Which Markdown files are drafts: real READMEs and changelogs are not, real UN texts and the example drafts are.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { decideDraft } from './draftScope';

const ROOT = join(__dirname, '..', '..', '..');
/** ../shared beside the repository (CI), or beside the worktrees' folder (a git worktree under wt/). */
const SHARED = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')].find((dir) => existsSync(dir)) ?? join(ROOT, '..', 'shared');
const none = { workspaceFolders: [], include: [] };

/** Every README and changelog of the packages installed at the top of node_modules (hundreds of real files). */
function packageDocs(): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(join(ROOT, 'node_modules'))) {
    for (const name of ['README.md', 'readme.md', 'CHANGELOG.md', 'changelog.md', 'HISTORY.md', 'History.md']) {
      try {
        readFileSync(join(ROOT, 'node_modules', dir, name));
        files.push(join(ROOT, 'node_modules', dir, name));
      } catch {
        // not every package has one
      }
    }
  }
  return files;
}

describe('draft scope', () => {
  test('no README or changelog of the installed packages is taken for a draft', () => {
    const files = packageDocs();
    assert.ok(files.length >= 12, `only ${files.length} package READMEs found`);
    const drafts = files.filter((file) => decideDraft(readFileSync(file, 'utf8'), none).draft);
    assert.deepEqual(drafts, []);
  });

  test('the team README of issue 14 is not a draft', () => {
    const readme = '# Deploying\n\nRequests to the API are retried; see paragraph 3 below.\n\n- [ ] Review [the draft\n\n2. Deploy\n2. Deploy\n\n*Recalling* the last incident, we now page twice.\n';
    assert.equal(decideDraft(readme, none).draft, false);
  });

  test('the example drafts declare themselves', () => {
    for (const [file, reason] of [
      ['flagged-draft.md', 'heading “The General Assembly,”'],
      ['draft-resolution.md', 'heading “The General Assembly,”'],
      ['reuse-draft.md', 'paragraphs open with italicised drafting phrases'],
    ]) {
      assert.deepEqual(decideDraft(readFileSync(join(ROOT, 'examples', file), 'utf8'), none), { draft: true, reason }, file);
    }
  });

  test('every one of the 1,190 real General Assembly documents carries a cover page', () => {
    const lines = readFileSync(join(SHARED, 'un-documents', 'texts.jsonl'), 'utf8').split('\n').filter(Boolean);
    assert.equal(lines.length, 1190);
    const missed = lines.map((line) => JSON.parse(line) as { symbol: string; text: string }).filter((doc) => !decideDraft(doc.text, none).draft);
    assert.deepEqual(missed.map((doc) => doc.symbol), []);
  });

  const cases: { name: string; text: string; options?: Partial<Parameters<typeof decideDraft>[1]>; draft: boolean; reason?: RegExp }[] = [
    { name: 'front matter flag', text: '---\ncompact-drafter: draft\n---\n# Notes\n', draft: true, reason: /front matter/ },
    { name: 'front matter flag off wins over the heading', text: '---\ncompact-drafter: off\n---\n*The General Assembly*,\n', draft: false },
    { name: 'front matter symbol', text: '---\nsymbol: A/C.3/80/L.12\n---\nText\n', draft: true, reason: /A\/C\.3\/80\/L\.12/ },
    { name: 'front matter of a blog post', text: '---\ntitle: Release notes\nlayout: post\n---\n1. *Fixed* a bug\n', draft: false },
    { name: 'broken front matter is no declaration', text: '---\n: : :\n---\n', draft: false },
    { name: 'Human Rights Council heading', text: '# Draft\n\n_The Human Rights Council_,\n\n1. _Decides_ to …\n', draft: true, reason: /Human Rights Council/ },
    { name: 'one italic opening is not enough (a quotation)', text: 'We read: *Recalling* its resolution.\n\n*Recalling* the past\n', draft: false },
    { name: 'italic words that are no opening', text: '*Note* one\n\n*Warning* two\n', draft: false },
    { name: 'folder named in the settings', text: '# Anything\n', options: { path: '/ws/drafts/sub/a.md', workspaceFolders: ['/ws'], include: ['drafts'] }, draft: true, reason: /drafts\.include \(drafts\)/ },
    { name: 'glob named in the settings', text: '# Anything\n', options: { path: '/ws/x/a.draft.md', workspaceFolders: ['/ws'], include: ['**/*.draft.md'] }, draft: true },
    { name: 'outside the named folders', text: '# Anything\n', options: { path: '/ws/docs/a.md', workspaceFolders: ['/ws'], include: ['drafts/**'] }, draft: false },
    { name: 'turned on by the drafter', text: '# Anything\n', options: { override: true }, draft: true, reason: /turned on/ },
    { name: 'turned off by the drafter', text: '*The General Assembly*,\n', options: { override: false }, draft: false, reason: /turned off/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const decision = decideDraft(c.text, { ...none, ...c.options });
      assert.equal(decision.draft, c.draft, decision.reason);
      if (c.reason) assert.match(decision.reason, c.reason);
    });
  }
});
