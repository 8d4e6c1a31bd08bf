// The interop suite: the language server in real LSP clients, driven in batch mode. Neovim
// (nvim --headless, test/interop/nvim.lua) and Emacs with Eglot (emacs --batch, test/interop/eglot.el),
// installed from Debian by test/interop/setup.sh (`npm run test:interop` runs both). Each client opens
// a copy of examples/flagged-draft.md in a scratch folder that has a corpus/ of its own, waits for
// the diagnostics, hovers citations, completes after "resolution 71/", applies a quick fix and goes to
// definition into a bundled text; what it showed is printed, then checked.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The server as the README tells other editors' users to install it: this checkout packed
 * (`npm pack`) and installed (here into a scratch prefix rather than globally), so the clients start
 * `compact-drafter-ls` from PATH. CD_SERVER=path/to/bin/compact-drafter-ls.js runs another build instead.
 */
function installPackage(prefix) {
  const run = (args) => execFileSync('npm', args, { cwd: prefix, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [packed] = JSON.parse(run(['pack', '--json', '--ignore-scripts', '--pack-destination', prefix, ROOT]));
  run(['install', '--prefix', prefix, '--offline', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', join(prefix, packed.filename)]);
  return join(prefix, 'node_modules', '.bin');
}
const prefix = mkdtempSync(join(tmpdir(), 'cd-interop-prefix-'));
process.on('exit', () => rmSync(prefix, { recursive: true, force: true }));
const PATH = process.env.CD_SERVER ? process.env.PATH : `${installPackage(prefix)}:${process.env.PATH}`;

/** A corpus text of the drafter's own, with what terminal Markdown renderers showed escaped. */
const CORPUS_TEXT = `---
symbol: A/99/1
title: Consultations on the Convention_on_Migrant_Workers & its [bracketed] text
date: 2020-01-01
---
1. States [consider] [take steps towards] ratifying the Convention_on_Migrant_Workers & its protocols (< 5 years).
`;

const CLIENTS = [
  { name: 'Neovim', command: 'nvim', args: ['--headless', '--clean', '-c', `luafile ${join(ROOT, 'test', 'interop', 'nvim.lua')}`] },
  { name: 'Emacs Eglot', command: 'emacs', args: ['--batch', '-q', '-l', join(ROOT, 'test', 'interop', 'eglot.el')] },
];

function runClient(client) {
  const dir = mkdtempSync(join(tmpdir(), 'cd-interop-'));
  try {
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'A-99-1.md'), CORPUS_TEXT);
    const draft = join(dir, 'flagged-draft.md');
    copyFileSync(join(ROOT, 'examples', 'flagged-draft.md'), draft);
    appendFileSync(draft, '\n*Noting* the wording of A/99/1, para. 1.\n');
    const out = join(dir, 'out.json');
    const env = { ...process.env, PATH, CD_DRAFT: draft, CD_OUT: out, XDG_CACHE_HOME: join(dir, 'cache'), HOME: dir };
    const started = Date.now();
    const result = spawnSync(client.command, client.args, { env, cwd: dir, encoding: 'utf8', timeout: 150_000 });
    let shown;
    try {
      shown = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`${client.name} wrote no record (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${result.stderr}`);
    }
    return { ...shown, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const quote = (text, max = 400) => {
  const flat = String(text ?? '(nothing)');
  return flat.length > max ? `${flat.slice(0, max)} …` : flat;
};

let failures = 0;
for (const client of CLIENTS) {
  const shown = runClient(client);
  console.log(`\n## ${client.name}: ${shown.client} (${shown.seconds.toFixed(1)} s)`);
  for (const [key, value] of Object.entries(shown)) {
    if (key === 'client' || key === 'seconds') continue;
    console.log(`### ${key}\n${Array.isArray(value) ? value.map((v) => `- ${v}`).join('\n') : quote(value)}`);
  }
  const checks = [
    ['no error or timeout', () => assert.deepEqual([shown.error, shown.timeout].filter(Boolean), [])],
    ['the ten findings of the example draft', () => {
      assert.equal(shown.diagnostics.length, 10, shown.diagnostics.join('\n'));
      assert.ok(shown.diagnostics.some((d) => /22: .*A\/68\/283 has no paragraph 150/.test(d)));
    }],
    ['the settings: superseded citations as errors', () => assert.match(shown.supersededType, /^(?:ERROR|eglot-error)$/)],
    ['hover on a citation: symbol, title, date', () => {
      assert.match(shown.hover, /A\/RES\/71\/280/);
      assert.match(shown.hover, /Modalities for the intergovernmental negotiations/);
      assert.match(shown.hover, /6 April 2017/);
    }],
    ['hover on a pinpoint quotes the paragraph', () => assert.match(shown.hoverPinpoint, /Paragraph 91: “The Special Rapporteur is of the view/)],
    ['hover on a workspace corpus text: brackets, underscores, & and < as written', () => {
      assert.match(shown.hoverCorpus, /States \[consider\] \[take steps towards\] ratifying the Convention_on_Migrant_Workers & its protocols \(< 5 years\)\./);
      assert.doesNotMatch(shown.hoverCorpus, /&amp;|&lt;|\\\[|\\_/);
    }],
    ['completion after "resolution 71/" gives "resolution 71/280 of 6 April 2017" (its date in house style)', () => assert.equal(shown.completedLine, '*Recalling* its resolution 71/280 of 6 April 2017')],
    ['the quick fix writes A/RES/72/244', () => {
      // The sure fix first, then the suppression every linter offers.
      assert.deepEqual(shown.codeActions, ['Write A/RES/72/244', 'Disable malformed-symbol for this line']);
      assert.match(shown.fixedLine, /and of resolution A\/RES\/72\/244 on the modalities/);
    }],
    ['go to definition opens the bundled A/68/283 at paragraph 91', () => {
      assert.match(shown.definitionFile, /server\/data\/corpus\/A-68-283\.md$/);
      assert.match(shown.definitionLine, /^91\. The Special Rapporteur is of the view/);
    }],
    // Neovim attaches the bundled text to the server (Eglot does not: it is outside the draft's project).
    ...(shown.definitionDiagnostics !== undefined ? [['no findings on the bundled text opened there', () => assert.equal(shown.definitionDiagnostics, 0)]] : []),
    ...(shown.snippetLine !== undefined ? [['a snippet without snippet support is plain text', () => assert.match(shown.snippetLine, /^5\. \*Urges\* States to [^$]*$/)]] : []),
  ];
  for (const [what, check] of checks) {
    try {
      check();
      console.log(`✔ ${client.name}: ${what}`);
    } catch (error) {
      failures++;
      console.log(`✖ ${client.name}: ${what}\n  ${error.message.split('\n').join('\n  ')}`);
    }
  }
}
console.log(failures ? `\n${failures} interop check(s) failed` : '\nall interop checks passed');
process.exit(failures ? 1 : 0);
