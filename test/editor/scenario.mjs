#!/usr/bin/env node
// Real-editor scenario runner: installs a VSIX into a fresh code-server
// (VS Code 1.139 in the browser), opens a workspace folder and a file in
// headless Chromium via playwright-core, and plays user-level steps (hover,
// problems, quickfix, completion, command) read from a scenario file, taking a
// screenshot per step into test/editor/screenshots/NN-name.png.
//
// Usage:
//   node test/editor/scenario.mjs --scenario test/editor/scenarios/selftest.json \
//        [--vsix X.vsix] [--folder DIR] [--file REL/PATH.md] [--keep] [--headed]
//   (also positional: scenario.mjs [--scenario S] VSIX FOLDER FILE)
// Env: EDITOR_SCENARIO, EDITOR_VSIX, EDITOR_FOLDER, EDITOR_FILE, EDITOR_KEEP=1,
//      EDITOR_TOTAL_TIMEOUT_MS (default 540000), EDITOR_SCREENSHOTS (dir),
//      EDITOR_CACHE_DIR (default .cache/editor, made by scripts/editor/setup.sh).
// Exit code: 0 all steps passed; 1 a step failed or the editor did not start;
// 2 bad usage / missing install.
// Runs on the machine's Node (>= 20); code-server itself runs on the Node 24
// installed by scripts/editor/setup.sh.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import http from 'node:http';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const require = createRequire(path.join(ROOT, 'package.json'));

// ------------------------------------------------------------------ options
function parseArgs(argv) {
  const o = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    const key = a.replace(/=.*$/, '');
    if (key === '--scenario') o.scenario = val();
    else if (key === '--vsix') o.vsix = val();
    else if (key === '--folder') o.folder = val();
    else if (key === '--file') o.file = val();
    else if (key === '--screenshots') o.screenshots = val();
    else if (key === '--keep') o.keep = true;
    else if (key === '--in-place') o.inPlace = true;
    else if (key === '--headed') o.headed = true;
    else if (key === '--help' || key === '-h') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else o.positional.push(a);
  }
  return o;
}
function usage(msg) {
  if (msg) console.error(`scenario.mjs: ${msg}`);
  console.error('usage: node test/editor/scenario.mjs --scenario FILE [--vsix X.vsix] [--folder DIR] [--file REL] [--keep] [--headed]');
  process.exit(2);
}

const args = parseArgs(process.argv.slice(2));
const env = process.env;
const T_START = Date.now();
const TOTAL_TIMEOUT_MS = Number(env.EDITOR_TOTAL_TIMEOUT_MS || 540_000);
const KEEP = args.keep || env.EDITOR_KEEP === '1';
const CACHE = path.resolve(env.EDITOR_CACHE_DIR || path.join(ROOT, '.cache/editor'));
const SHOTS = path.resolve(args.screenshots || env.EDITOR_SCREENSHOTS || path.join(HERE, 'screenshots'));

const scenarioPath = path.resolve(args.scenario || env.EDITOR_SCENARIO || usage('no scenario given (--scenario or EDITOR_SCENARIO)'));
if (!fs.existsSync(scenarioPath)) usage(`scenario file not found: ${scenarioPath}`);
const scenario = scenarioPath.endsWith('.json')
  ? JSON.parse(fs.readFileSync(scenarioPath, 'utf8'))
  : (await import(pathToFileURL(scenarioPath).href)).default;
const scenarioDir = path.dirname(scenarioPath);
const fromScenario = (p) => (p == null ? undefined : path.resolve(scenarioDir, p));

const [posVsix, posFolder, posFile] = args.positional;
const VSIX = path.resolve(args.vsix || posVsix || env.EDITOR_VSIX || fromScenario(scenario.vsix) || usage('no VSIX given (--vsix, EDITOR_VSIX or "vsix" in the scenario)'));
const FOLDER = path.resolve(args.folder || posFolder || env.EDITOR_FOLDER || fromScenario(scenario.folder) || usage('no folder given (--folder, EDITOR_FOLDER or "folder" in the scenario)'));
const FILE_REL = args.file || posFile || env.EDITOR_FILE || scenario.file || usage('no file given (--file, EDITOR_FILE or "file" in the scenario)');
if (!fs.existsSync(VSIX)) usage(`VSIX not found: ${VSIX}`);
if (!fs.statSync(FOLDER, { throwIfNoEntry: false })?.isDirectory()) usage(`folder not found: ${FOLDER}`);
if (!fs.existsSync(path.resolve(FOLDER, FILE_REL))) usage(`file not found: ${path.resolve(FOLDER, FILE_REL)}`);
const FILE_IN_FOLDER = path.relative(FOLDER, path.resolve(FOLDER, FILE_REL));
if (FILE_IN_FOLDER.startsWith('..')) usage(`file ${FILE_REL} is not inside ${FOLDER}`);
// Steps edit the buffer (quick fixes, typing); the editor works on a copy of the
// folder unless "copyFolder": false / --in-place, so nothing in FOLDER can change.
const COPY_FOLDER = !args.inPlace && scenario.copyFolder !== false && env.EDITOR_IN_PLACE !== '1';
if (!Array.isArray(scenario.steps) || scenario.steps.length === 0) usage(`scenario ${scenarioPath} has no "steps"`);

const pathsFile = path.join(CACHE, 'paths.json');
if (!fs.existsSync(pathsFile)) {
  console.error(`not ok - editor not installed: ${pathsFile} is missing. Run: bash scripts/editor/setup.sh`);
  process.exit(2);
}
const PATHS = JSON.parse(fs.readFileSync(pathsFile, 'utf8'));
for (const k of ['node', 'codeServer', 'chromium']) {
  if (!fs.existsSync(PATHS[k])) {
    console.error(`not ok - editor install is broken: ${k} = ${PATHS[k]} does not exist. Run: bash scripts/editor/setup.sh`);
    process.exit(2);
  }
}

// ------------------------------------------------------------------ state + cleanup
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-scenario-'));
const USER_DATA = path.join(TMP, 'user-data');
const EXT_DIR = path.join(TMP, 'extensions');
const XDG = path.join(TMP, 'xdg'); // code-server writes config.yaml there, not in ~/.config
const CS_LOG = path.join(TMP, 'code-server.log');
const WORKSPACE = COPY_FOLDER ? path.join(TMP, 'workspace', path.basename(FOLDER)) : FOLDER;
// The file in the active editor (the `open` step changes it): findText looks lines up in it.
let FILE = path.join(WORKSPACE, FILE_IN_FOLDER);
let csProc = null;
let browser = null;
let page = null;
const consoleErrors = [];
let cleanedUp = false;

function log(msg) {
  console.log(`# [${((Date.now() - T_START) / 1000).toFixed(1)}s] ${msg}`);
}

function killCodeServerSync() {
  if (!csProc || csProc.exitCode !== null || csProc.signalCode !== null) return;
  // code-server runs in its own process group (detached): kill the group, which
  // takes its extension host and any language server with it.
  try { process.kill(-csProc.pid, 'SIGKILL'); } catch { /* gone */ }
  try { csProc.kill('SIGKILL'); } catch { /* gone */ }
}

async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (browser) {
    await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  }
  if (csProc && csProc.exitCode === null && csProc.signalCode === null) {
    try { process.kill(-csProc.pid, 'SIGTERM'); } catch { /* gone */ }
    const t = Date.now();
    while (csProc.exitCode === null && csProc.signalCode === null && Date.now() - t < 3000) await sleep(100);
    killCodeServerSync();
  }
  // stragglers in the group (extension host, language server) after the leader
  // died: kill them and wait (bounded) until the group is empty
  if (csProc) {
    const t = Date.now();
    for (;;) {
      try { process.kill(-csProc.pid, 'SIGKILL'); } catch { break; /* ESRCH: group empty */ }
      if (Date.now() - t > 5000) { console.log(`# warning: processes of group ${csProc.pid} survived SIGKILL`); break; }
      await sleep(100);
    }
  }
  if (!KEEP) fs.rmSync(TMP, { recursive: true, force: true });
  else log(`kept temp dir ${TMP}`);
}

process.on('exit', () => { killCodeServerSync(); });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    console.error(`not ok - interrupted by ${sig}`);
    await cleanup();
    process.exit(130);
  });
}

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

class StepFailure extends Error {}

function exthostLogFiles() {
  const logs = path.join(USER_DATA, 'logs');
  if (!fs.existsSync(logs)) return [];
  const out = [];
  for (const session of fs.readdirSync(logs).sort()) {
    const dir = path.join(logs, session);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const sub of fs.readdirSync(dir).sort()) {
      const f = path.join(dir, sub, 'remoteexthost.log');
      if (/^exthost\d+$/.test(sub) && fs.existsSync(f)) out.push(f);
    }
  }
  return out;
}
function readExthostLog() {
  return exthostLogFiles().map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}
function tail(text, n) {
  return text.split('\n').filter((l) => l.trim() !== '').slice(-n).join('\n');
}

let passed = 0;
let failing = false;
async function failAndExit(message) {
  // only the first failure reports; later callers (the main flow racing the
  // watchdog) wait here until the process exits
  if (failing) return new Promise(() => {});
  failing = true;
  // hard stop if reporting/cleanup itself hangs
  setTimeout(() => { console.log('# cleanup took too long; exiting'); process.exit(1); }, 30_000).unref();
  console.log(`not ok - ${message}`);
  const diag = [];
  if (page) {
    try {
      fs.mkdirSync(SHOTS, { recursive: true });
      const f = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-FAILED.png`);
      await Promise.race([page.screenshot({ path: f }), sleep(5000)]);
      diag.push(`screenshot at failure: ${path.relative(ROOT, f)}`);
    } catch { /* page may be gone */ }
  }
  const ext = readExthostLog();
  diag.push('--- tail of the extension host log (remoteexthost.log) ---');
  diag.push(ext ? tail(ext, 40) : '(no remoteexthost.log yet: the extension host had not started)');
  for (const f of listFiles(path.join(USER_DATA, 'logs')).filter((f) => /exthost\d+\/.+\/.+\.log$/.test(f) && !/vscode\./.test(f))) {
    diag.push(`--- tail of ${path.relative(USER_DATA, f)} ---`);
    diag.push(tail(fs.readFileSync(f, 'utf8'), 20));
  }
  if (fs.existsSync(CS_LOG)) {
    diag.push('--- tail of code-server output ---');
    diag.push(tail(fs.readFileSync(CS_LOG, 'utf8'), 15));
  }
  if (consoleErrors.length) {
    diag.push('--- last browser console errors ---');
    diag.push(consoleErrors.slice(-10).join('\n'));
  }
  console.log(diag.map((l) => l.split('\n').map((x) => `#   ${x}`).join('\n')).join('\n'));
  await cleanup();
  console.log(`${passed} passed, 1 failed`);
  process.exit(1);
}
function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p)); else out.push(p);
  }
  return out;
}

const watchdog = setTimeout(() => {
  failAndExit(`total time limit of ${TOTAL_TIMEOUT_MS / 1000}s exceeded (EDITOR_TOTAL_TIMEOUT_MS)`);
}, TOTAL_TIMEOUT_MS);
watchdog.unref();

// ------------------------------------------------------------------ code-server
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
  });
}

function csEnv() {
  const e = { ...env, XDG_CONFIG_HOME: XDG, XDG_DATA_HOME: XDG, XDG_CACHE_HOME: XDG };
  // no extension marketplace here: leave the gallery unset so nothing is queried
  e.EXTENSIONS_GALLERY = JSON.stringify({ serviceUrl: '' });
  delete e.VSCODE_IPC_HOOK_CLI;
  return e;
}

function installVsix() {
  const r = spawnSync(PATHS.node, [PATHS.codeServer, '--user-data-dir', USER_DATA, '--extensions-dir', EXT_DIR,
    '--install-extension', VSIX], { env: csEnv(), encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    return failAndExit(`could not install ${VSIX} into code-server (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${out.trim()}`);
  }
  // the extension's id is the folder code-server unpacked it into: publisher.name-version
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'extensions.json'), 'utf8'));
  if (!manifest.length) return failAndExit(`code-server reported success but ${EXT_DIR}/extensions.json lists no extension`);
  const id = manifest[manifest.length - 1].identifier.id;
  return id;
}

function writeSettings() {
  const settings = {
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'github.gitAuthentication': false,
    'files.autoSave': 'off',
    'files.hotExit': 'off',
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false, // its header would cover the top rendered line
    'editor.hover.delay': 300,
    'editor.hover.sticky': true,
    'editor.quickSuggestionsDelay': 10,
    'editor.accessibilitySupport': 'off',
    'window.commandCenter': false,
    'breadcrumbs.enabled': true,
    ...(scenario.settings || {}),
  };
  fs.mkdirSync(path.join(USER_DATA, 'User'), { recursive: true });
  fs.writeFileSync(path.join(USER_DATA, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

async function startCodeServer() {
  const port = await freePort();
  const out = fs.openSync(CS_LOG, 'w');
  csProc = spawn(PATHS.node, [PATHS.codeServer,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', USER_DATA, '--extensions-dir', EXT_DIR,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    WORKSPACE], { env: csEnv(), stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (csProc.exitCode !== null || csProc.signalCode !== null) {
      return failAndExit(`editor could not start: code-server exited (${csProc.exitCode ?? csProc.signalCode}) before answering on ${url}`);
    }
    if ((await httpStatus(`${url}/healthz`)) === 200) return url;
    await sleep(250);
  }
  return failAndExit(`editor could not start: code-server did not answer on ${url}/healthz within 60s`);
}

function activationFailed(extId) {
  const failed = new RegExp(`Activating extension '?${extId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'? failed`, 'i');
  return failed.test(readExthostLog());
}

async function waitForActivation(extId, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const re = new RegExp(`_doActivateExtension ${extId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ ,]`, 'i');
  const failed = new RegExp(`Activating extension '?${extId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'? failed`, 'i');
  while (Date.now() < deadline) {
    const text = readExthostLog();
    if (failed.test(text)) return failAndExit(`extension ${extId} failed to activate (see the log below)`);
    if (re.test(text)) {
      // activate() may still throw or reject: give that a moment to be logged
      const graceEnd = Date.now() + (scenario.activationGraceMs ?? 2000);
      while (Date.now() < graceEnd) {
        if (failed.test(readExthostLog())) return failAndExit(`extension ${extId} failed to activate (see the log below)`);
        await sleep(200);
      }
      return;
    }
    await sleep(250);
  }
  return failAndExit(`extension ${extId} did not activate within ${timeoutMs / 1000}s (no "_doActivateExtension ${extId}" in remoteexthost.log)`);
}

// ------------------------------------------------------------------ page helpers
const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

async function waitFor(fn, { timeout, interval = 200, what }) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await sleep(interval);
  }
  throw new StepFailure(`timed out after ${timeout / 1000}s waiting for ${what}`);
}

async function visible(selector) {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].some((el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
  }), selector);
}

// Rendered editor lines, top to bottom: [{ top, number, text }]
async function editorLines() {
  return page.evaluate((EDITOR) => {
    const ed = document.querySelector(EDITOR);
    if (!ed) return [];
    const nums = new Map();
    for (const n of ed.querySelectorAll('.margin-view-overlays .line-numbers')) {
      nums.set(Math.round(n.getBoundingClientRect().top), n.textContent.trim());
    }
    return [...ed.querySelectorAll('.view-lines .view-line')].map((l) => {
      const top = Math.round(l.getBoundingClientRect().top);
      return { top, number: Number(nums.get(top)) || null, text: l.textContent.replace(/\u00a0/g, ' ') };
    }).sort((a, b) => a.top - b.top);
  }, EDITOR);
}

// Screen position of the `occurrence`-th rendering of `text` in the editor
// (an offset into the match may be given: 'start' | 'center' | 'end').
async function locateText(text, occurrence = 1, where = 'center') {
  return page.evaluate(({ EDITOR, text, occurrence, where }) => {
    const ed = document.querySelector(EDITOR);
    if (!ed) return null;
    const lines = [...ed.querySelectorAll('.view-lines .view-line')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    let seen = 0;
    for (const line of lines) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let s = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, s.length]); s += n.data; }
      const norm = s.replace(/\u00a0/g, ' ');
      let at = norm.indexOf(text);
      while (at >= 0) {
        seen++;
        if (seen === occurrence) {
          const pos = (off) => {
            for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= off) return [nodes[i][0], off - nodes[i][1]];
            return [nodes[0][0], 0];
          };
          const range = document.createRange();
          const [sn, so] = pos(at);
          const [en, eo] = pos(at + text.length);
          range.setStart(sn, so);
          range.setEnd(en, Math.min(eo, en.data.length));
          const r = range.getBoundingClientRect();
          const lr = line.getBoundingClientRect();
          const x = where === 'start' ? r.left + 1 : where === 'end' ? r.right - 1 : r.left + r.width / 2;
          const er = ed.querySelector('.lines-content')?.parentElement?.getBoundingClientRect() || ed.getBoundingClientRect();
          const y = r.top + r.height / 2;
          return { x, y, lineTop: Math.round(lr.top), lineText: norm, inView: y > er.top + 4 && y < er.bottom - 4 && x > er.left && x < er.right };
        }
        at = norm.indexOf(text, at + 1);
      }
    }
    return null;
  }, { EDITOR, text, occurrence, where });
}

// Finds text in the editor, scrolling to it with "Go to Line" (line number
// taken from the file on disk) when it is not in the rendered viewport.
async function findText(text, occurrence = 1, where = 'center') {
  let hit = await locateText(text, occurrence, where);
  if (hit?.inView) return hit;
  const lines = fs.readFileSync(FILE, 'utf8').split(/\r?\n/);
  let seen = 0;
  let lineNo = -1;
  for (let i = 0; i < lines.length && lineNo < 0; i++) {
    let at = lines[i].indexOf(text);
    while (at >= 0) { if (++seen === occurrence) { lineNo = i + 1; break; } at = lines[i].indexOf(text, at + 1); }
  }
  if (lineNo > 0) {
    await focusEditor();
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 5000 });
    await page.keyboard.type(String(lineNo));
    await page.keyboard.press('Enter');
    await sleep(400);
    hit = await locateText(text, 1, where);
    if (hit?.inView) return hit;
  }
  const shown = (await editorLines()).map((l) => `${l.number ?? '?'}: ${l.text}`).join('\n');
  throw new StepFailure(`text ${JSON.stringify(text)} (occurrence ${occurrence}) not found in the editor. Rendered lines:\n${shown}`);
}

// Logical lines: a wrapped line is rendered as several .view-line rows, only
// the first of which has a line number in the gutter.
function toLogical(rows) {
  const out = [];
  for (const r of rows) {
    if (r.number != null || !out.length) out.push({ number: r.number, top: r.top, text: r.text });
    else out[out.length - 1].text += r.text;
  }
  return out;
}
async function lineNumberAtTop(top) {
  const rows = await editorLines();
  let i = rows.findIndex((l) => Math.abs(l.top - top) <= 2);
  while (i > 0 && rows[i].number == null) i--;
  return i >= 0 ? rows[i].number : null;
}
// The logical line with this number (or, without a number, the one at `top`).
async function readLine(number, top) {
  const rows = await editorLines();
  if (number != null) return toLogical(rows).find((l) => l.number === number) || null;
  return rows.find((l) => Math.abs(l.top - top) <= 2) || null;
}

async function focusEditor() {
  const box = await page.evaluate((EDITOR) => {
    const el = document.querySelector(`${EDITOR} .view-lines`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  }, EDITOR);
  if (!box) throw new StepFailure('no active text editor on screen');
  await page.evaluate((EDITOR) => document.querySelector(`${EDITOR} textarea`)?.focus(), EDITOR);
}

async function runCommand(label, timeout = 10_000) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout });
  await page.keyboard.type(label, { delay: 5 });
  const paletteRows = () => page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')]
    .map((r) => (r.getAttribute('aria-label') || r.textContent).replace(/\s+/g, ' ').trim()));
  const ok = await waitFor(async () => (await paletteRows()).some((r) => r.toLowerCase().includes(label.toLowerCase())),
    { timeout, what: `command ${JSON.stringify(label)} in the command palette` }).catch(() => false);
  if (!ok) {
    const shown = await paletteRows();
    await page.keyboard.press('Escape');
    throw new StepFailure(`command palette has no command ${JSON.stringify(label)}; it lists: ${JSON.stringify(shown.slice(0, 8))}`);
  }
  // pick the row whose label matches (the first row may be a recently used one)
  const idx = (await paletteRows()).findIndex((r) => r.toLowerCase().includes(label.toLowerCase()));
  for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

let shotNo = 0; // the current step's number: screenshots are NN-name.png
async function screenshot(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'step';
  const file = path.join(SHOTS, `${String(shotNo).padStart(2, '0')}-${safe}.png`);
  await page.screenshot({ path: file, timeout: 15_000 });
  return path.relative(ROOT, file);
}

function expectList(v) { return v == null ? [] : Array.isArray(v) ? v : [v]; }
function checkContains(actual, expect, what) {
  const missing = expectList(expect).filter((e) => !actual.includes(e));
  if (missing.length) {
    throw new StepFailure(`${what} does not contain ${missing.map((m) => JSON.stringify(m)).join(', ')}; it reads:\n${actual}`);
  }
}
function checkNotContains(actual, expectNot, what) {
  const present = expectList(expectNot).filter((e) => actual.includes(e));
  if (present.length) {
    throw new StepFailure(`${what} unexpectedly contains ${present.map((m) => JSON.stringify(m)).join(', ')}; it reads:\n${actual}`);
  }
}

// ------------------------------------------------------------------ steps
// Each returns a short detail string for the "ok" line.

async function hoverText() {
  return page.evaluate(() => {
    const hovers = [...document.querySelectorAll('.monaco-hover')].filter((h) => {
      const r = h.getBoundingClientRect();
      return !h.classList.contains('hidden') && r.width > 0 && r.height > 0;
    });
    return hovers.map((h) => h.innerText.trim()).filter(Boolean).join('\n---\n');
  });
}

async function stepHover(step) {
  const timeout = step.timeoutMs ?? 15_000;
  const hit = await findText(step.target, step.occurrence ?? 1, 'center');
  // move away first, so the hover is (re)triggered by entering the text
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.mouse.move(hit.x - 3, hit.y, { steps: 2 });
  await page.mouse.move(hit.x, hit.y, { steps: 3 });
  let text = '';
  let how = 'mouse';
  const matches = (t) => expectList(step.expect).every((e) => t.includes(e));
  // via "mouse" (default; falls back to the keyboard) or "keyboard"
  const mouseDeadline = step.via === 'keyboard' ? 0 : Date.now() + Math.min(timeout, step.mouseTimeoutMs ?? 8000);
  while (Date.now() < mouseDeadline) {
    text = await hoverText();
    if (text && matches(text)) break;
    await sleep(200);
  }
  if (!text || !matches(text)) {
    // keyboard fallback: put the cursor on the text and run "Show or Focus Hover"
    how = step.via === 'keyboard' ? 'keyboard (ctrl+K ctrl+I)' : 'keyboard (ctrl+K ctrl+I; the mouse hover did not show the expected text)';
    await page.mouse.click(hit.x, hit.y);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      text = await hoverText();
      if (text && matches(text)) break;
      await sleep(200);
    }
  }
  await sleep(400); // let the hover finish fading in before the screenshot
  const shot = await screenshot(step.name || `hover-${step.target}`);
  if (!text) throw new StepFailure(`no hover appeared over ${JSON.stringify(step.target)} within ${timeout / 1000}s (screenshot ${shot})`);
  checkContains(text, step.expect, `hover over ${JSON.stringify(step.target)}`);
  checkNotContains(text, step.expectNot, `hover over ${JSON.stringify(step.target)}`);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
  return { detail: `${JSON.stringify(step.target)} -> ${JSON.stringify(firstLine(text))} via ${how}`, shot };
}

function firstLine(t) { const l = t.split('\n').find((x) => x.trim()) || ''; return l.length > 80 ? `${l.slice(0, 77)}...` : l; }

async function problemsRows() {
  return page.evaluate(() => {
    const panel = [...document.querySelectorAll('.markers-panel')].find((p) => p.getBoundingClientRect().height > 0);
    if (!panel) return null;
    return [...panel.querySelectorAll('.monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ').trim());
  });
}

async function stepProblems(step) {
  const timeout = step.timeoutMs ?? 30_000;
  await page.keyboard.press('Escape');
  // via "keys" (default: ctrl+shift+M, then the palette) or "palette"
  let how = 'already open';
  if (!(await problemsRows())) {
    let opened = false;
    if (step.via !== 'palette') {
      how = 'ctrl+shift+M';
      await focusEditor();
      await page.keyboard.press('Control+Shift+M');
      opened = await waitFor(async () => (await problemsRows()) !== null, { timeout: 4000, what: 'the Problems panel' }).catch(() => false);
    }
    if (!opened) { how = 'command palette'; await runCommand('View: Focus Problems'); }
  }
  let rows = [];
  const deadline = Date.now() + timeout;
  // poll until every expected message is listed and no unwanted one is
  // (diagnostics come and go as the language server works)
  const expected = expectList(step.expect);
  const done = () => {
    const all = rows.join('\n');
    return (expected.length === 0 || rows.length > 0) && expected.every((e) => all.includes(e))
      && !expectList(step.expectNot).some((e) => all.includes(e));
  };
  await sleep(300);
  while (Date.now() < deadline) {
    rows = (await problemsRows()) || [];
    if (done()) break;
    await sleep(300);
  }
  const shot = await screenshot(step.name || 'problems');
  if (!(await problemsRows())) throw new StepFailure('the Problems panel did not open (ctrl+shift+M, then "View: Focus Problems")');
  const all = rows.join('\n');
  checkContains(all, step.expect, 'the Problems panel');
  checkNotContains(all, step.expectNot, 'the Problems panel');
  if (step.close !== false) {
    // hide the panel again so the editor gets its space back
    await focusEditor();
    await page.keyboard.press('Control+J').catch(() => {});
    await sleep(300);
    if (await problemsRows()) await runCommand('View: Hide Panel').catch(() => {});
  }
  const found = expected.length ? `found ${expected.map((e) => JSON.stringify(e)).join(', ')}` : 'nothing expected';
  const absent = expectList(step.expectNot).length ? `; absent ${expectList(step.expectNot).map((e) => JSON.stringify(e)).join(', ')}` : '';
  return { detail: `${rows.length} rows; ${found}${absent} via ${how}`, shot };
}

async function actionRows() {
  return page.evaluate(() => {
    const widgets = [...document.querySelectorAll('.action-widget')].filter((w) => w.getBoundingClientRect().height > 0);
    const rows = [];
    for (const w of widgets) {
      for (const r of w.querySelectorAll('.monaco-list-row')) {
        const b = r.getBoundingClientRect();
        rows.push({ text: (r.getAttribute('aria-label') || r.innerText).replace(/\s+/g, ' ').trim(),
          header: r.classList.contains('group-header'), disabled: r.getAttribute('aria-disabled') === 'true',
          x: b.left + Math.min(b.width / 2, 80), y: b.top + b.height / 2 });
      }
    }
    return widgets.length ? rows : null;
  });
}

async function stepQuickfix(step) {
  const timeout = step.timeoutMs ?? 20_000;
  await page.keyboard.press('Escape');
  const hit = await findText(step.target, step.occurrence ?? 1, 'center');
  await page.mouse.click(hit.x, hit.y);
  const lineNo = await lineNumberAtTop(hit.lineTop);
  await sleep(300);
  const want = (rows) => rows && rows.find((r) => !r.header && r.text.includes(step.choose));
  let rows = null;
  const deadline = Date.now() + timeout;
  let attempt = 0;
  let how = '';
  while (Date.now() < deadline && !want(rows)) {
    attempt++;
    // via "keys" (default): ctrl+. first, then alternately the command
    // palette's "Quick Fix..." and ctrl+. again (code actions come from the
    // extension and may not be ready yet); via "palette": the palette only
    if (attempt > 1) {
      await page.keyboard.press('Escape');
      await page.mouse.click(hit.x, hit.y);
    }
    if (step.via === 'palette' || attempt % 2 === 0) {
      how = 'command palette "Quick Fix..."';
      await runCommand('Quick Fix...').catch(() => {});
    } else {
      how = 'ctrl+.';
      await page.keyboard.press('Control+Period');
    }
    const until = Math.min(deadline, Date.now() + 4000);
    while (Date.now() < until) {
      rows = await actionRows();
      if (want(rows)) break;
      await sleep(200);
    }
  }
  const shotMenu = await screenshot(`${step.name || 'quickfix'}-menu`);
  const row = want(rows);
  if (!row) {
    throw new StepFailure(`no quick fix whose label contains ${JSON.stringify(step.choose)} at ${JSON.stringify(step.target)}; ` +
      `offered: ${rows ? JSON.stringify(rows.filter((r) => !r.header).map((r) => r.text)) : 'no code action menu appeared'} (screenshot ${shotMenu})`);
  }
  await page.mouse.move(row.x, row.y);
  await sleep(150);
  await page.mouse.click(row.x, row.y);
  let line = null;
  const expected = step.expectLine ?? step.expect;
  await waitFor(async () => {
    line = await readLine(lineNo, hit.lineTop);
    return line && expectList(expected).every((e) => line.text.includes(e));
  }, { timeout: step.applyTimeoutMs ?? 10_000, what: `the line to read ${JSON.stringify(expected)} after applying ${JSON.stringify(row.text)}` })
    .catch(async (e) => {
      await screenshot(`${step.name || 'quickfix'}-after`);
      throw new StepFailure(`${e.message}; line ${line?.number ?? '?'} reads: ${JSON.stringify(line?.text)}`);
    });
  const shot = await screenshot(`${step.name || 'quickfix'}-after`);
  checkNotContains(line.text, step.expectNot, `line ${line.number}`);
  return { detail: `${JSON.stringify(row.text)} via ${how} -> line ${line.number ?? '?'}: ${JSON.stringify(line.text.trim())}`, shot: `${shotMenu}, ${shot}` };
}

async function suggestRows() {
  return page.evaluate(() => {
    const w = [...document.querySelectorAll('.suggest-widget')].find((s) => s.classList.contains('visible') && s.getBoundingClientRect().height > 0);
    if (!w) return null;
    return [...w.querySelectorAll('.monaco-list-row')].map((r) => {
      const label = r.querySelector('.label-name')?.textContent?.trim();
      return { label: label || (r.getAttribute('aria-label') || r.innerText).trim(),
        text: (r.getAttribute('aria-label') || r.innerText).replace(/\s+/g, ' ').trim() };
    });
  });
}

async function stepCompletion(step) {
  const timeout = step.timeoutMs ?? 15_000;
  await page.keyboard.press('Escape');
  const hit = await findText(step.line, step.occurrence ?? 1, 'end');
  const lineNo = await lineNumberAtTop(hit.lineTop);
  const original = (await readLine(lineNo, hit.lineTop))?.text;
  // click just right of the text on the line's last rendered row (a wrapped
  // line has several), which puts the cursor at the end of the logical line
  const end = await page.evaluate(({ EDITOR, top }) => {
    const ed = document.querySelector(EDITOR);
    const numbered = new Set([...ed.querySelectorAll('.margin-view-overlays .line-numbers')]
      .filter((n) => n.textContent.trim()).map((n) => Math.round(n.getBoundingClientRect().top)));
    const rows = [...ed.querySelectorAll('.view-lines .view-line')]
      .sort((x, y) => x.getBoundingClientRect().top - y.getBoundingClientRect().top);
    let i = rows.findIndex((r) => Math.abs(Math.round(r.getBoundingClientRect().top) - top) <= 2);
    while (i + 1 < rows.length && !numbered.has(Math.round(rows[i + 1].getBoundingClientRect().top))) i++;
    const row = rows[i];
    const range = document.createRange();
    range.selectNodeContents(row);
    const rr = range.getBoundingClientRect();
    const lr = row.getBoundingClientRect();
    return { x: Math.min(rr.right + 4, ed.getBoundingClientRect().right - 20), y: lr.top + lr.height / 2 };
  }, { EDITOR, top: hit.lineTop });
  await page.mouse.click(end.x, end.y);
  await page.keyboard.press('End');
  await page.keyboard.type(step.text, { delay: 40 });
  const want = (rows) => rows && expectList(step.expect).every((e) => rows.some((r) => r.label.includes(e) || r.text.includes(e)));
  // via "typing" (default: the widget opens by itself, else ctrl+space) or "ctrl+space"
  let how = 'typing';
  if (step.via === 'ctrl+space') { how = 'ctrl+space'; await page.keyboard.press('Control+Space'); }
  let rows = await waitFor(suggestRows, { timeout: Math.min(3000, timeout), what: 'suggest widget' }).catch(() => null);
  if (!want(rows)) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline && !want(rows)) {
      if (!rows) { how = 'ctrl+space'; await page.keyboard.press('Control+Space'); }
      await sleep(500);
      rows = await suggestRows();
    }
  }
  const shot = await screenshot(step.name || `completion-${step.text}`);
  if (!rows) throw new StepFailure(`no suggest widget after typing ${JSON.stringify(step.text)} (screenshot ${shot})`);
  const labels = rows.map((r) => r.label);
  checkContains(rows.map((r) => `${r.label} | ${r.text}`).join('\n'), step.expect, 'the suggest widget');
  checkNotContains(labels.join('\n'), step.expectNot, 'the suggest widget');
  let detail = `${JSON.stringify(step.text)} -> ${labels.length} items, first ${JSON.stringify(labels[0])} via ${how}`;
  if (step.accept) {
    const idx = rows.findIndex((r) => r.label.includes(expectList(step.expect)[0]));
    for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    let line = null;
    if (step.expectLine) {
      await waitFor(async () => {
        line = await readLine(lineNo, hit.lineTop);
        return line && expectList(step.expectLine).every((e) => line.text.includes(e));
      }, { timeout: 5000, what: `the line to read ${JSON.stringify(step.expectLine)} after accepting` })
        .catch((e) => { throw new StepFailure(`${e.message}; it reads ${JSON.stringify(line?.text)}`); });
      detail += `; accepted -> ${JSON.stringify(line.text.trim())}`;
    }
    await screenshot(`${step.name || 'completion'}-accepted`);
  } else {
    await page.keyboard.press('Escape');
  }
  if (step.undo) {
    // remove what the step typed/accepted so later steps see the original text
    for (let i = 0; i < 20; i++) {
      if ((await readLine(lineNo, hit.lineTop))?.text === original) break;
      await page.keyboard.press('Control+Z');
      await sleep(100);
    }
    const now = (await readLine(lineNo, hit.lineTop))?.text;
    if (now !== original) throw new StepFailure(`undo did not restore line ${lineNo}: it reads ${JSON.stringify(now)}, was ${JSON.stringify(original)}`);
    detail += '; undone';
  }
  return { detail, shot };
}

async function stepCommand(step) {
  await runCommand(step.command, step.timeoutMs ?? 10_000);
  let detail = JSON.stringify(step.command);
  if (step.pick) {
    // A quick pick the command opens: type to filter, then choose the row containing `pick`.
    // The palette closes first (its input reads ">…"); the command's own quick pick opens with an empty input.
    await waitFor(async () => (await page.evaluate(() => {
      const input = document.querySelector('.quick-input-widget input');
      return !!input && input.getBoundingClientRect().height > 0 && input.value === '';
    })) && (await quickInputRows()).length > 0, { timeout: 10_000, what: 'the command’s quick pick to list items' });
    await sleep(300);
    await page.keyboard.type(step.pickFilter ?? step.pick, { delay: 20 });
    let rows = [];
    await waitFor(async () => (rows = await quickInputRows()).some((r) => r.includes(step.pick)), { timeout: 10_000, what: `a quick pick row containing ${JSON.stringify(step.pick)}` })
      .catch((e) => { throw new StepFailure(`${e.message}; rows: ${JSON.stringify(rows.slice(0, 8))}`); });
    await screenshot(`${step.name || 'command'}-pick`);
    const idx = rows.findIndex((r) => r.includes(step.pick));
    for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    detail += ` -> picked ${JSON.stringify(rows[idx])}`;
  }
  if (step.expectText) {
    let lines = [];
    await waitFor(async () => (lines = toLogical(await editorLines())).some((l) => expectList(step.expectText).every((e) => l.text.includes(e))),
      { timeout: step.timeoutMs ?? 10_000, what: `a line reading ${JSON.stringify(step.expectText)}` })
      .catch((e) => { throw new StepFailure(`${e.message}; lines: ${JSON.stringify(lines.map((l) => l.text).slice(0, 30))}`); });
    const line = lines.find((l) => expectList(step.expectText).every((e) => l.text.includes(e)));
    checkNotContains(line.text, step.expectNot, `line ${line.number}`);
    detail += ` -> line ${line.number}: ${JSON.stringify(line.text.trim())}`;
  }
  await sleep(step.waitMs ?? 1000);
  const shot = await screenshot(step.name || `command-${step.command}`);
  return { detail, shot };
}

// ---- steps for the editor's trust (issue 14): other files, files written while the editor runs,
// the status bar, settings changed live (themes), colours of tokens, squiggles, typing.

async function stepOpen(step) {
  await openFile(step.file);
  FILE = path.join(WORKSPACE, step.file);
  await sleep(step.waitMs ?? 1500);
  const shot = await screenshot(step.name || `open-${step.file}`);
  return { detail: step.file, shot };
}

async function stepWriteFile(step) {
  const target = path.join(WORKSPACE, step.path);
  if (path.relative(WORKSPACE, target).startsWith('..')) throw new StepFailure(`writeFile: ${step.path} is outside the workspace`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, Array.isArray(step.content) ? step.content.join('\n') : step.content);
  await sleep(step.waitMs ?? 300);
  return { detail: `${step.path} (${fs.statSync(target).size} bytes)`, shot: await screenshot(step.name || `write-${step.path}`) };
}

async function statusbarTexts() {
  return page.evaluate(() => [...document.querySelectorAll('.part.statusbar .statusbar-item')]
    .filter((el) => el.getBoundingClientRect().width > 0)
    .map((el) => `${el.textContent.replace(/\s+/g, ' ').trim()} | ${el.getAttribute('aria-label') || ''}`));
}

async function stepStatusbar(step) {
  let items = [];
  await waitFor(async () => {
    items = await statusbarTexts();
    const all = items.join('\n');
    return expectList(step.expect).every((e) => all.includes(e)) && expectList(step.expectNot).every((e) => !all.includes(e));
  }, { timeout: step.timeoutMs ?? 15_000, what: `the status bar to show ${JSON.stringify(step.expect)}${step.expectNot ? ` and not ${JSON.stringify(step.expectNot)}` : ''}` })
    .catch((e) => { throw new StepFailure(`${e.message}; it shows: ${JSON.stringify(items)}`); });
  const shot = await screenshot(step.name || 'statusbar');
  return { detail: JSON.stringify(items.filter((i) => expectList(step.expect).some((e) => i.includes(e)))), shot };
}

// A colour theme chosen as a user does: "Preferences: Color Theme", its label typed, Enter.
// (Writing workbench.colorTheme into settings.json is not applied live by code-server.)
async function stepTheme(step) {
  await runCommand('Preferences: Color Theme');
  await waitFor(async () => (await page.evaluate(() => {
    const input = document.querySelector('.quick-input-widget input');
    return !!input && input.getBoundingClientRect().height > 0 && input.value === '';
  })) && (await quickInputRows()).length > 0, { timeout: 10_000, what: 'the colour theme picker' });
  await page.keyboard.type(step.theme, { delay: 20 });
  let rows = [];
  await waitFor(async () => (rows = await quickInputRows()).some((r) => r.startsWith(step.theme)), { timeout: 10_000, what: `the theme ${JSON.stringify(step.theme)} in the picker` })
    .catch((e) => { throw new StepFailure(`${e.message}; rows: ${JSON.stringify(rows.slice(0, 8))}`); });
  const idx = rows.findIndex((r) => r.startsWith(step.theme));
  for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await sleep(step.waitMs ?? 2000);
  return { detail: JSON.stringify(rows[idx]), shot: await screenshot(step.name || `theme-${step.theme}`) };
}

// Merges settings into User/settings.json (read by the workbench when it changes; not every setting applies live).
async function stepSettings(step) {
  const file = path.join(USER_DATA, 'User', 'settings.json');
  const current = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...current, ...step.settings }, null, 2));
  await sleep(step.waitMs ?? 2500);
  const shot = await screenshot(step.name || 'settings');
  return { detail: JSON.stringify(step.settings), shot };
}

// Types `text` at the end of the logical line containing `line` (no completion expected).
async function stepType(step) {
  await page.keyboard.press('Escape');
  const hit = await findText(step.line, step.occurrence ?? 1, 'end');
  await page.mouse.click(hit.x + 2, hit.y);
  await page.keyboard.press('End');
  for (const part of String(step.text).split('\n')) {
    if (part) await page.keyboard.type(part, { delay: 30 });
    if (part !== String(step.text).split('\n').at(-1) || String(step.text).endsWith('\n')) await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Escape');
  await sleep(step.waitMs ?? 500);
  return { detail: JSON.stringify(step.text), shot: await screenshot(step.name || 'type') };
}

// The colour the theme gives the token at `target`; `notRed` fails on the red of errors.
// With `expectColor`, waits up to 5 s for it: colours come from the server's semantic tokens, after
// the draft is analysed.
async function stepColor(step) {
  const colorAt = async () => {
    const hit = await findText(step.target, step.occurrence ?? 1, 'start');
    return page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return el ? getComputedStyle(el).color : null;
    }, { x: hit.x + 1, y: hit.y });
  };
  let color = await colorAt();
  for (const until = Date.now() + 5000; step.expectColor && !expectList(step.expectColor).includes(color) && Date.now() < until; ) {
    await sleep(250);
    color = await colorAt();
  }
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(color || '');
  if (!m) throw new StepFailure(`no colour at ${JSON.stringify(step.target)} (${color})`);
  const [r, g, b] = m.slice(1).map(Number);
  const red = r >= 150 && r - Math.max(g, b) >= 80;
  const shot = await screenshot(step.name || `color-${step.target}`);
  if (step.notRed && red) throw new StepFailure(`${JSON.stringify(step.target)} is painted red (${color}), the colour of errors (screenshot ${shot})`);
  if (step.expectColor && !expectList(step.expectColor).includes(color)) throw new StepFailure(`${JSON.stringify(step.target)} is ${color}, expected ${JSON.stringify(step.expectColor)}`);
  return { detail: `${JSON.stringify(step.target)} is ${color}${red ? ' (red)' : ''}`, shot };
}

// Squiggles (error/warning/info/hint decorations) in the visible editor: at most `max`.
async function stepSquiggles(step) {
  let count = -1;
  await sleep(step.settleMs ?? 2000);
  count = await page.evaluate((EDITOR) => document.querySelectorAll(`${EDITOR} .view-overlays [class*="squiggly-"]`).length, EDITOR);
  const shot = await screenshot(step.name || 'squiggles');
  if (step.max != null && count > step.max) throw new StepFailure(`${count} squiggles in the editor, expected at most ${step.max} (screenshot ${shot})`);
  if (step.min != null && count < step.min) throw new StepFailure(`${count} squiggles in the editor, expected at least ${step.min} (screenshot ${shot})`);
  return { detail: `${count} squiggles`, shot };
}

async function quickInputRows() {
  return page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')]
    .filter((r) => r.getBoundingClientRect().height > 0)
    .map((r) => (r.getAttribute('aria-label') || r.textContent).replace(/\s+/g, ' ').trim()));
}

async function stepWait(step) {
  await sleep(step.ms ?? 1000);
  const shot = await screenshot(step.name || 'wait');
  return { detail: `${step.ms ?? 1000}ms`, shot };
}

async function quickPickRows() {
  return page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')]
    .map((r) => (r.getAttribute('aria-label') || r.textContent).replace(/\s+/g, ' ').trim()));
}

async function activeEditorState() {
  return page.evaluate(() => ({
    tabs: [...document.querySelectorAll('.part.editor .tab')].map((t) => t.getAttribute('aria-label') || t.textContent || ''),
    // Rows of every visible editor, wrapped rows joined, spacing collapsed (the editor renders spaces as U+00A0).
    text: [...document.querySelectorAll('.part.editor .view-lines')].map((v) => [...v.querySelectorAll('.view-line')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((l) => l.textContent).join(' ')).join('\n')
      .replace(/[\u00a0 ]+/g, ' '),
  }));
}

// Runs a command whose quick pick lists choices; checks the rows (`expect`), screenshots the list,
// then picks the row containing `choose` (typed to filter it) and checks the editors that result:
// a tab whose title contains `expectTab`, visible editor text containing `expectText`.
async function stepPick(step) {
  await runCommand(step.command, step.timeoutMs ?? 10_000);
  const timeout = step.timeoutMs ?? 15_000;
  const listed = await waitFor(async () => {
    const rows = await quickPickRows();
    return expectList(step.expect).every((e) => rows.some((r) => r.includes(e))) && rows.length > 0;
  }, { timeout, what: 'the quick pick rows' }).catch(() => false);
  const rows = await quickPickRows();
  if (!listed) throw new StepFailure(`the quick pick of ${JSON.stringify(step.command)} does not list ${JSON.stringify(expectList(step.expect))}; it lists: ${JSON.stringify(rows.slice(0, 12))}`);
  await sleep(400);
  const listShot = await screenshot(`${step.name || 'pick'}-list`);
  if (step.choose) {
    await page.keyboard.type(step.choose, { delay: 5 });
    const found = await waitFor(async () => (await quickPickRows()).some((r) => r.includes(step.choose)), { timeout, what: `a row with ${JSON.stringify(step.choose)}` }).catch(() => false);
    if (!found) throw new StepFailure(`no quick pick row contains ${JSON.stringify(step.choose)}; it lists: ${JSON.stringify((await quickPickRows()).slice(0, 12))}`);
    const index = (await quickPickRows()).findIndex((r) => r.includes(step.choose));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('Escape');
  }
  if (step.expectTab || step.expectText) {
    const ok = await waitFor(async () => {
      const state = await activeEditorState();
      return (!step.expectTab || state.tabs.some((t) => t.includes(step.expectTab))) && expectList(step.expectText).every((e) => state.text.includes(e));
    }, { timeout, what: 'the editor the pick opens' }).catch(() => false);
    if (!ok) {
      const state = await activeEditorState();
      throw new StepFailure(`after picking ${JSON.stringify(step.choose)}: tabs ${JSON.stringify(state.tabs)}, text:\n${state.text.slice(0, 1500)}`);
    }
  }
  await sleep(step.waitMs ?? 1000);
  const shot = await screenshot(step.name || 'pick');
  return { detail: `${JSON.stringify(step.command)} listed ${rows.length} rows${step.choose ? `, picked ${JSON.stringify(step.choose)}` : ''} (list: ${listShot})`, shot };
}

// Ctrl+clicks the document link on the first rendered line containing `target`, in the editor whose
// tab title contains `tab` (any editor when absent), then checks the active tab (`expectTab`) and the
// cursor's line in the status bar (`expectLine`, "Ln N").
async function stepLink(step) {
  const box = await page.evaluate(({ target, tab }) => {
    for (const group of document.querySelectorAll('.part.editor .editor-group-container')) {
      const title = group.querySelector('.tab.active')?.getAttribute('aria-label') || '';
      if (tab && !title.includes(tab)) continue;
      for (const line of group.querySelectorAll('.view-lines .view-line')) {
        if (!line.textContent.replace(/\u00a0/g, ' ').includes(target)) continue;
        const r = line.getBoundingClientRect();
        return { x: r.left + Math.min(60, r.width / 2), y: r.top + r.height / 2 };
      }
    }
    return null;
  }, { target: step.target, tab: step.tab });
  if (!box) throw new StepFailure(`no rendered line contains ${JSON.stringify(step.target)}${step.tab ? ` in the editor ${JSON.stringify(step.tab)}` : ''}`);
  await page.mouse.move(box.x, box.y);
  await sleep(300);
  await page.keyboard.down('Control');
  await page.mouse.click(box.x, box.y);
  await page.keyboard.up('Control');
  const state = () => page.evaluate(() => ({
    tab: document.querySelector('.part.editor .editor-group-container.active .tab.active')?.getAttribute('aria-label') || '',
    position: [...document.querySelectorAll('.statusbar-item')].map((i) => i.textContent || '').find((t) => /Ln \d+/.test(t)) || '',
  }));
  const ok = await waitFor(async () => {
    const s = await state();
    return (!step.expectTab || s.tab.includes(step.expectTab)) && (!step.expectLine || s.position.includes(`Ln ${step.expectLine},`));
  }, { timeout: step.timeoutMs ?? 10_000, what: 'the link target' }).catch(() => false);
  const s = await state();
  if (!ok) throw new StepFailure(`after Ctrl+click on ${JSON.stringify(step.target)}: active tab ${JSON.stringify(s.tab)}, cursor ${JSON.stringify(s.position)}`);
  await sleep(step.waitMs ?? 800);
  const shot = await screenshot(step.name || 'link');
  return { detail: `${JSON.stringify(step.target)} -> ${s.tab}, ${s.position}`, shot };
}

const STEPS = {
  hover: stepHover, problems: stepProblems, quickfix: stepQuickfix, completion: stepCompletion, command: stepCommand, wait: stepWait,
  open: stepOpen, writeFile: stepWriteFile, statusbar: stepStatusbar, settings: stepSettings, theme: stepTheme, type: stepType, color: stepColor, squiggles: stepSquiggles,
  pick: stepPick, link: stepLink,
};
const REQUIRED = {
  hover: ['target', 'expect'], problems: ['expect'], quickfix: ['target', 'choose', 'expectLine'], completion: ['line', 'text', 'expect'], command: ['command'], wait: [],
  open: ['file'], writeFile: ['path', 'content'], statusbar: ['expect'], settings: ['settings'], theme: ['theme'], type: ['line', 'text'], color: ['target'], squiggles: [],
  pick: ['command', 'expect'], link: ['target'],
};
scenario.steps.forEach((s, i) => {
  if (!STEPS[s.type]) usage(`step ${i + 1}: unknown type ${JSON.stringify(s.type)} (known: ${Object.keys(STEPS).join(', ')})`);
  const missing = REQUIRED[s.type].filter((k) => s[k] == null && !(k === 'expectLine' && s.expect != null));
  if (missing.length) usage(`step ${i + 1} (${s.type}): missing ${missing.join(', ')}`);
});

// ------------------------------------------------------------------ main
async function openFile(relative = FILE_IN_FOLDER) {
  // Quick Open (ctrl+P), type the relative path, Enter; verify the active tab.
  const base = path.basename(relative);
  const rel = relative.split(path.sep).join('/');
  const activeTab = () => page.evaluate(() => document.querySelector('.part.editor .editor-group-container.active .tab.active')?.getAttribute('aria-label') || '');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const ok = await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 }).then(() => true, () => false);
    if (!ok) continue;
    await page.keyboard.type(rel, { delay: 10 });
    // wait for the file to be listed (the file search may still be indexing)
    const listed = await waitFor(() => page.evaluate((base) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')]
      .some((r) => (r.getAttribute('aria-label') || r.textContent).includes(base)), base), { timeout: 10_000, what: 'quick open result' }).catch(() => false);
    if (!listed) continue;
    await page.keyboard.press('Enter');
    const opened = await waitFor(async () => (await activeTab()).includes(base) && (await visible(`${EDITOR} .view-lines .view-line`)),
      { timeout: 10_000, what: `${base} to open` }).catch(() => false);
    if (opened) return;
  }
  throw new StepFailure(`could not open ${rel} with Quick Open (ctrl+P)`);
}

async function main() {
  const { chromium } = require('playwright-core');
  log(`scenario ${path.relative(ROOT, scenarioPath) || scenarioPath}: ${scenario.steps.length} steps`);
  log(`vsix ${VSIX}`);
  log(`folder ${FOLDER}, file ${FILE_IN_FOLDER}`);
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));

  fs.mkdirSync(XDG, { recursive: true });
  if (COPY_FOLDER) {
    fs.cpSync(FOLDER, WORKSPACE, { recursive: true, filter: (src) => !/(^|[\\/])(node_modules|\.git)$/.test(src) });
    log(`copied the folder to ${WORKSPACE}`);
  }
  writeSettings();
  const extId = scenario.extensionId || installVsix();
  if (scenario.extensionId) installVsix();
  log(`installed ${extId}`);

  const url = await startCodeServer();
  log(`code-server up at ${url}`);

  try {
    browser = await chromium.launch({
      executablePath: PATHS.chromium,
      headless: !args.headed,
      timeout: 60_000,
      // keep Chromium's crashpad database etc. out of ~/.config/chromium
      env: { ...env, XDG_CONFIG_HOME: XDG, XDG_CACHE_HOME: XDG },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
      // (playwright gives each launch a fresh temporary --user-data-dir itself)
    });
  } catch (e) {
    return failAndExit(`editor could not start: Chromium (${PATHS.chromium}) did not launch: ${e.message.split('\n')[0]}`);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  page.on('console', (m) => {
    if (env.EDITOR_DEBUG === '1') console.log(`# console.${m.type()}: ${m.text().split('\n')[0].slice(0, 300)}`);
    if (m.type() === 'error') consoleErrors.push(m.text().split('\n')[0].slice(0, 300));
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${String(e.message).slice(0, 300)}`));

  const workbenchUrl = `${url}/?folder=${encodeURIComponent(WORKSPACE)}`;
  try {
    await page.goto(workbenchUrl, { timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench .part.activitybar, .monaco-workbench .part.statusbar', { timeout: 60_000 });
  } catch (e) {
    return failAndExit(`editor could not start: the workbench did not load at ${workbenchUrl}: ${e.message.split('\n')[0]}`);
  }
  log('workbench loaded');
  try {
    await openFile();
  } catch (e) {
    return failAndExit(`editor could not open the file: ${e.message}`);
  }
  log(`opened ${FILE_IN_FOLDER}`);
  await waitForActivation(extId, scenario.activationTimeoutMs ?? 60_000);
  log(`extension ${extId} activated`);
  await sleep(scenario.settleMs ?? 1000);
  await screenshot('opened');

  let n = 0;
  for (const step of scenario.steps) {
    if (failing) return new Promise(() => {});
    n++;
    shotNo = n;
    const label = `${n} ${step.type}${step.name ? ` ${step.name}` : ''}`;
    const t = Date.now();
    if (activationFailed(extId)) return failAndExit(`${label} - extension ${extId} failed to activate (see the log below)`);
    try {
      const r = await STEPS[step.type](step);
      passed++;
      console.log(`ok ${label} - ${r.detail} [${((Date.now() - t) / 1000).toFixed(1)}s; ${r.shot}]`);
    } catch (e) {
      if (failing) return new Promise(() => {});
      let msg = e instanceof StepFailure ? e.message : `${e.stack || e}`;
      if (activationFailed(extId)) msg = `extension ${extId} failed to activate (see the log below); ${msg}`;
      return failAndExit(`${label} - ${msg}`);
    }
  }
  const total = ((Date.now() - T_START) / 1000).toFixed(1);
  console.log(`# all ${n} steps passed in ${total}s; screenshots in ${path.relative(ROOT, SHOTS)}/`);
  console.log(`${n} passed, 0 failed`);
  await cleanup();
  process.exit(0);
}

main().catch((e) => failAndExit(`runner error: ${e.stack || e}`));
