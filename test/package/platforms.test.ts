// One .vsix per platform (issue #19, scripts/package.ts): each carries lmdb with exactly one native
// binary, its platform's, which is read here from the binary's own header (a darwin-arm64 package
// with an x64 binary would fail only on a user's Mac), and says its platform in
// extension.vsixmanifest's TargetPlatform (where vsce writes --target and the Marketplace reads it;
// the extension's package.json is not changed by it). The universal package carries no lmdb.
// Packed from this checkout's dist/ (built by `npm test`) with the tarballs of lmdb's platform
// packages cached by `npm run lmdb:fetch`: this test never reaches the network. A target whose
// tarball is not cached is skipped with a message saying so, except under CI, where .ci/run fetches
// them first and a missing one fails.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { checkIntegrity, platformPackage, readPrebuilt, TARGETS } from '../../scripts/lmdb-prebuilds';
import { describeNativeBinary } from '../../scripts/native-binary';
import { packageTargets, UNIVERSAL } from '../../scripts/package';

interface Packed {
  names: string[];
  zip: JSZip;
  identity: string;
}

describe('one .vsix per platform, each with its own lmdb binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-platforms-'));
  const available = Object.keys(TARGETS).filter((target) => readPrebuilt(target));
  const packed = new Map<string, Packed>();
  before(async () => {
    await packageTargets([...available, UNIVERSAL], (target) => join(dir, `compact-drafter-${target}.vsix`), async (target, { out }) => {
      const zip = await JSZip.loadAsync(readFileSync(out));
      const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
      const manifest = await zip.file('extension.vsixmanifest')!.async('string');
      packed.set(target, { names, zip, identity: /<Identity [^>]*>/.exec(manifest)?.[0] ?? '' });
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [target, wanted] of Object.entries(TARGETS)) {
    const { name, binary } = platformPackage(wanted);
    test(`${target}: lmdb with one native binary, ${name}/${binary}, built for ${wanted.os} ${wanted.arch}${wanted.libc ? ` ${wanted.libc}` : ''}`, async (t) => {
      if (!available.includes(target)) {
        const message = `lmdb's ${name} for ${target} is not fetched: run npm run lmdb:fetch (network) to test this package`;
        if (process.env.CI) assert.fail(message);
        t.skip(message);
        return;
      }
      const { names, zip, identity } = packed.get(target)!;
      assert.match(identity, new RegExp(` TargetPlatform="${target}"`));
      assert.ok(names.includes('extension/dist/node_modules/lmdb/package.json'));
      const binaries = names.filter((n) => n.endsWith('.node'));
      assert.deepEqual(binaries, [`extension/dist/node_modules/${name}/${binary}`]);
      const header = describeNativeBinary(await zip.file(binaries[0]!)!.async('nodebuffer'));
      assert.deepEqual({ os: header?.os, arch: header?.arch, libc: header?.libc }, { os: wanted.os, arch: wanted.arch, libc: wanted.libc });
      // Only lmdb's JavaScript and that platform package: no other platform's files came along.
      const platformPackages = new Set(names.filter((n) => n.includes('/node_modules/@lmdb/')).map((n) => n.split('/').slice(3, 5).join('/')));
      assert.deepEqual([...platformPackages], [name]);
    });
  }

  test('universal: no TargetPlatform and no lmdb at all (its server warns and keeps the index in memory, vsix.test.ts)', () => {
    const { names, identity } = packed.get(UNIVERSAL)!;
    assert.ok(identity.startsWith('<Identity '), identity);
    assert.doesNotMatch(identity, /TargetPlatform/);
    assert.deepEqual(names.filter((n) => n.includes('node_modules') || n.endsWith('.node')), []);
    assert.ok(names.includes('extension/dist/server.js'));
  });
});

// The header reader on binaries of formats and platforms the packages do not hold, so that a wrong
// answer cannot pass unseen: hand-made headers with the fields it reads.
describe('describeNativeBinary', () => {
  test('reads ELF e_machine, Mach-O cputype (thin and fat) and PE Machine; anything else is unknown', () => {
    const elf = Buffer.alloc(64);
    elf.writeUInt32BE(0x7f454c46, 0);
    elf[4] = 2; // 64-bit
    elf[5] = 1; // little-endian
    elf.writeUInt16LE(0xb7, 0x12);
    assert.deepEqual(describeNativeBinary(elf), { format: 'ELF', os: 'linux', arch: 'arm64' });
    const macho = Buffer.alloc(64);
    macho.writeUInt32LE(0xfeedfacf, 0);
    macho.writeUInt32LE(0x01000007, 4);
    assert.deepEqual(describeNativeBinary(macho), { format: 'Mach-O', os: 'darwin', arch: 'x64' });
    const fat = Buffer.alloc(64);
    fat.writeUInt32BE(0xcafebabe, 0);
    fat.writeUInt32BE(2, 4);
    fat.writeUInt32BE(0x01000007, 8);
    fat.writeUInt32BE(0x0100000c, 28);
    assert.deepEqual(describeNativeBinary(fat), { format: 'Mach-O', os: 'darwin', arch: 'x64+arm64' });
    const pe = Buffer.alloc(256);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x80, 0x3c);
    pe.writeUInt32BE(0x50450000, 0x80);
    pe.writeUInt16LE(0xaa64, 0x84);
    assert.deepEqual(describeNativeBinary(pe), { format: 'PE', os: 'win32', arch: 'arm64' });
    assert.equal(describeNativeBinary(Buffer.from('#!/usr/bin/env node\nconsole.log(1)\n'.padEnd(80))), undefined);
  });
});

describe('checkIntegrity', () => {
  test("accepts a file whose sha512 is the lockfile's, refuses one changed by a byte", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-integrity-'));
    try {
      const file = join(dir, 'package.tgz');
      writeFileSync(file, 'the bytes npm pack fetched');
      const integrity = `sha512-${createHash('sha512').update('the bytes npm pack fetched').digest('base64')}`;
      assert.doesNotThrow(() => checkIntegrity(file, integrity));
      writeFileSync(file, 'the bytes npm pack fetched!');
      assert.throws(() => checkIntegrity(file, integrity), /package\.tgz: sha512 .* is not the .* of package-lock\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
