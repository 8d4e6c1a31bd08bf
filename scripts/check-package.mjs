// `npm run package:check`: builds every per-platform .vsix (`npm run package:all`: minified bundles,
// then `vsce package --target T` for each target and a universal one, scripts/package.ts) and checks
// each one a user would install:
//   - every file is one the extension needs at run time (an allowlist): the manifest, README,
//     LICENSE, the two bundles, the registry and seed texts, media/, and the one example draft the
//     walkthrough opens; nothing of server/src, client/src, test/, node_modules, .cache, scripts,
//     the other examples, source maps, TypeScript or the CLI bundle;
//   - every path the packaged manifest names is inside (main, icon, walkthrough media,
//     snippets), and every image the walkthrough pages show; the icon is a 128×128 PNG; every
//     compactDrafter.* command the walkthrough uses is contributed and registered by the packaged client;
//   - lmdb (dist/node_modules, scripts/vendor-lmdb.ts) in a package for a target (the TargetPlatform
//     of extension.vsixmanifest), with exactly one native binary, in the target's @lmdb/lmdb-<os>-<arch>,
//     whose header says that OS, CPU and C library (scripts/native-binary.ts); no lmdb at all in the
//     universal package;
//   - each .vsix is at most 3.5 MB (2 MB before lmdb's native binary, 1.4 MB packed, came in).
// `--vsix PATH` (repeatable) checks existing packages instead of building them.
// The .vsix is read with a small ZIP reader below (Node's zlib only), so no unzip tool is needed.
// Run with tsx (`npm run package:check`): the target table and the header reader are TypeScript.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { platformPackage, TARGETS } from './lmdb-prebuilds.ts';
import { describeNativeBinary } from './native-binary.ts';

const LIMIT = 3.5 * 1024 * 1024;
const args = process.argv.slice(2);
const given = args.flatMap((arg, i) => (args[i - 1] === '--vsix' ? [arg] : []));
if (!given.length) execFileSync('npm', ['run', '--silent', 'package:all'], { stdio: 'inherit' });
const VSIXES = given.length ? given : readdirSync('dist-packages').filter((name) => /^compact-drafter-[\w-]+\.vsix$/.test(name)).sort().map((name) => join('dist-packages', name));

/** The entries of a ZIP archive (no ZIP64: a .vsix here is far below 4 GB), each with a read(). */
function readZip(buffer, VSIX) {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${VSIX} is not a ZIP archive`);
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error(`${VSIX}: bad central directory entry ${n}`);
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const read = () => {
      const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
      const data = buffer.subarray(start, start + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: compression method ${method}`);
    };
    entries.push({ name, size, compressedSize, read });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * lmdb in a package for a target: its JavaScript and exactly one native binary, the target's, by path
 * and by header; in the universal package (no TargetPlatform), no lmdb at all.
 */
function checkLmdb(entries, byName) {
  const identity = /<Identity [^>]*>/.exec(byName.get('extension.vsixmanifest')?.read().toString('utf8') ?? '')?.[0] ?? '';
  const target = /TargetPlatform="([\w-]+)"/.exec(identity)?.[1];
  const lmdbFiles = entries.filter((e) => e.name.startsWith('extension/dist/node_modules/'));
  const binaries = entries.filter((e) => e.name.endsWith('.node'));
  if (!target) return lmdbFiles.length ? [`the universal package (no TargetPlatform) should carry no lmdb, has ${lmdbFiles.length} files of it`] : [];
  const wanted = TARGETS[target];
  if (!wanted) return [`TargetPlatform ${target} is not one of scripts/lmdb-prebuilds.ts`];
  const problems = [];
  if (!byName.has('extension/dist/node_modules/lmdb/package.json')) problems.push('missing: extension/dist/node_modules/lmdb/package.json');
  const { name, binary } = platformPackage(wanted);
  const path = `extension/dist/node_modules/${name}/${binary}`;
  if (binaries.length !== 1 || binaries[0].name !== path) return [...problems, `a ${target} package should carry one native binary, ${path}; it has ${binaries.map((e) => e.name).join(', ') || 'none'}`];
  const found = describeNativeBinary(binaries[0].read());
  const expected = { os: wanted.os, arch: wanted.arch, libc: wanted.libc };
  if (!found || found.os !== expected.os || found.arch !== expected.arch || found.libc !== expected.libc) {
    problems.push(`${path} is built for ${JSON.stringify(found ?? 'no known format')}, not ${JSON.stringify(expected)}`);
  }
  return problems;
}

/** What is wrong with one .vsix (the listing and size printed on the way). */
function checkVsix(VSIX) {
  const vsixSize = statSync(VSIX).size;
  const entries = readZip(readFileSync(VSIX), VSIX);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const problems = [];

  // What may be inside: vsce's own two files, then the extension's run-time files.
  const allowed = [
    /^extension\.vsixmanifest$/,
    /^\[Content_Types\]\.xml$/,
    /^extension\/package\.json$/,
    /^extension\/readme\.md$/,
    /^extension\/LICENSE\.txt$/,
    /^extension\/dist\/(client|server|import)\.js$/,
    // pdf.js, loaded by the importer at run time (server/src/import/pdf/pdfjs.ts).
    /^extension\/dist\/pdfjs\/pdf(\.worker)?\.min\.mjs$/,
    /^extension\/server\/data\/registry\.json$/,
    /^extension\/server\/data\/corpus\/[^/]+\.(md|txt|json)$/,
    /^extension\/media\/[\w./-]+\.(png|md|svg)$/,
    /^extension\/examples\/flagged-draft\.md$/,
    // lmdb, the embedded store's engine, with its native binary (scripts/vendor-lmdb.ts).
    /^extension\/dist\/node_modules\/(@[\w.-]+\/)?[\w.-]+\/(package\.json|LICENSE|[\w./-]+\.c?js|node\.napi(\.(glibc|musl))?\.node)$/,
    // .vscodeignore also lets these through, for contributed snippets.
    /^extension\/snippets\/[\w.-]+\.(json|code-snippets)$/,
  ];
  // Named for a clearer message; all of these are outside the allowlist anyway.
  const forbidden = [
    [/^extension\/(server|client)\/src\//, 'source'],
    [/^extension\/test\//, 'tests'],
    [/^(?!extension\/dist\/node_modules\/)(.*\/)?node_modules\//, 'node_modules other than lmdb\'s'],
    [/^extension\/\.cache\//, 'cache'],
    [/^extension\/scripts\//, 'build scripts'],
    [/^extension\/examples\/(?!flagged-draft\.md$)/, 'an example the walkthrough does not open'],
    [/\.map$/, 'source map'],
    [/\.ts$/, 'TypeScript'],
    [/^extension\/dist\/cli\.js$/, 'the CLI bundle (npm only)'],
    [/\.vsix$/, 'a package inside the package'],
  ];
  for (const { name } of entries) {
    const reason = forbidden.find(([pattern]) => pattern.test(name));
    if (reason) problems.push(`should not be packaged (${reason[1]}): ${name}`);
    else if (!allowed.some((pattern) => pattern.test(name))) problems.push(`not on the allowlist of scripts/check-package.mjs: ${name}`);
  }

  const required = [
    'extension/package.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/dist/client.js',
    'extension/dist/server.js',
    'extension/dist/import.js',
    'extension/dist/pdfjs/pdf.min.mjs',
    'extension/dist/pdfjs/pdf.worker.min.mjs',
    'extension/server/data/registry.json',
    'extension/server/data/corpus/manifest.json',
    'extension/examples/flagged-draft.md',
  ];
  for (const name of required) if (!byName.has(name)) problems.push(`missing: ${name}`);
  problems.push(...checkLmdb(entries, byName));

  // The packaged manifest's own references.
  const manifest = JSON.parse(byName.get('extension/package.json')?.read().toString('utf8') ?? '{}');
  const strip = (p) => `extension/${String(p).replace(/^\.\//, '')}`;
  const contributes = manifest.contributes ?? {};
  const named = [
    manifest.main,
    manifest.icon,
    ...(contributes.grammars ?? []).map((g) => g.path),
    ...(contributes.snippets ?? []).map((g) => g.path),
    ...(contributes.languages ?? []).map((l) => l.configuration),
  ];
  const walkthroughs = contributes.walkthroughs ?? [];
  if (!walkthroughs.length) problems.push('the manifest contributes no walkthrough');
  for (const walkthrough of walkthroughs) {
    for (const step of walkthrough.steps ?? []) {
      const media = step.media ?? {};
      named.push(media.markdown, media.svg, typeof media.image === 'string' ? media.image : undefined);
    }
  }
  for (const path of named.filter(Boolean)) if (!byName.has(strip(path))) problems.push(`the manifest names ${path}, which is not packaged`);
  // Images and links of the packaged Markdown pages (walkthrough media), relative to each page.
  for (const { name, read } of entries.filter((e) => /^extension\/media\/.*\.md$/.test(e.name))) {
    for (const m of read().toString('utf8').matchAll(/\]\(([^)\s#]+)[^)]*\)/g)) {
      if (/^[a-z][\w+.-]*:/i.test(m[1])) continue; // command:, https: …
      const target = new URL(m[1], `file:///${name}`).pathname.slice(1);
      if (!byName.has(target)) problems.push(`${name} refers to ${m[1]}, which is not packaged`);
    }
  }

  const icon = manifest.icon && byName.get(strip(manifest.icon))?.read();
  if (icon) {
    const png = icon.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const [width, height] = png ? [icon.readUInt32BE(16), icon.readUInt32BE(20)] : [0, 0];
    if (!png || width !== 128 || height !== 128) problems.push(`the icon ${manifest.icon} should be a 128×128 PNG (is ${png ? `${width}×${height}` : 'not a PNG'})`);
  }

  // Commands the walkthrough runs or waits for must exist; ours must be contributed and registered.
  const contributed = new Set((contributes.commands ?? []).map((c) => c.command));
  const used = new Set();
  for (const walkthrough of walkthroughs) {
    for (const step of walkthrough.steps ?? []) {
      for (const m of String(step.description ?? '').matchAll(/\(command:([\w.]+)/g)) used.add(m[1]);
      for (const event of step.completionEvents ?? []) if (event.startsWith('onCommand:')) used.add(event.slice('onCommand:'.length));
    }
  }
  const client = byName.get('extension/dist/client.js')?.read().toString('utf8') ?? '';
  for (const command of [...used].filter((c) => c.startsWith('compactDrafter.'))) {
    if (!contributed.has(command)) problems.push(`the walkthrough uses ${command}, which contributes.commands does not list`);
    if (!client.includes(`"${command}"`)) problems.push(`the walkthrough uses ${command}, which dist/client.js does not register`);
  }

  // The listing, largest first, and the size.
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  console.log(`${VSIX}: ${entries.length} files, ${(vsixSize / 1024).toFixed(0)} KB packed (${(unpacked / 1024).toFixed(0)} KB unpacked); budget ${LIMIT / 1048576} MB`);
  for (const e of [...entries].sort((a, b) => b.size - a.size).slice(0, VSIXES.length > 1 ? 6 : undefined)) {
    console.log(`  ${(e.size / 1024).toFixed(1).padStart(8)} KB  ${e.name}`);
  }
  if (vsixSize > LIMIT) problems.push(`${(vsixSize / 1048576).toFixed(2)} MB is over the ${LIMIT / 1048576} MB budget`);
  return problems;
}

let failed = false;
for (const VSIX of VSIXES) {
  const problems = checkVsix(VSIX);
  for (const p of problems) console.error(`package:check: ${VSIX}: ${p}`);
  failed ||= problems.length > 0;
}
if (failed) process.exit(1);
console.log(`package:check: ok (${VSIXES.length} packages)`);
