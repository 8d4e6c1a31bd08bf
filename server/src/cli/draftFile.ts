// A draft as `check --fix` reads and writes it. What a user expects of an edited file, and how
// each is kept (each was broken once; see the tests in test/cli/fixSafety.test.ts):
//
// - Nothing written over a change made meanwhile. The bytes and the identity (device, inode, size,
//   nanosecond mtime) read at the start are compared again on a descriptor opened right before
//   the rename; after the rename that descriptor is checked once more, and if a write landed on
//   the old file in between (an appender holding it open), the old file is put back and the
//   draft reported "changed on disk; not fixed". A whole-file compare long before the rename lost
//   a line appended meanwhile in 6 of 60 runs. Left open (no lock both sides honour): a writer
//   holding the old file open that writes more than RENAME_GRACE_MS after the rename writes to a
//   file that is no longer the draft, and that write is lost; a writer that renames its own file
//   over the draft in the microseconds between our check and our rename loses to ours.
// - The text written back is exactly the text read plus the fixes: a file that is not valid UTF-8
//   is refused (decoding it replaced every Latin-1 accent by U+FFFD); a byte-order mark is kept.
// - The file is edited, not replaced by another: a symbolic link is followed and its target fixed
//   (the link stays a link); mode and owner are carried over to the new file; a read-only file is
//   refused unless --force; a file with several hard links is refused (a rename would split them)
//   unless --force, which then writes it in place.
// - The new text goes to a temporary file beside the target, flushed to disk, then renamed over
//   it: a crash leaves the old draft or the new one, never half of each.

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, appendFile, open, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BigIntStats } from 'node:fs';
import { readRegularFile } from '../files/regularFile';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface DraftFile {
  /** The real path: a symbolic link resolved, so the fix goes to its target. */
  readonly realPath: string;
  readonly bytes: Buffer;
  readonly stats: BigIntStats;
  /** The text to analyse: the bytes decoded (invalid UTF-8 replaced, for reading only), BOM removed. */
  readonly text: string;
  readonly hasBom: boolean;
  /** Why the file cannot be written back exactly, if it cannot (not valid UTF-8). */
  readonly notWritable?: string;
}

export type WriteOutcome = { readonly kind: 'written' } | { readonly kind: 'changed-on-disk' } | { readonly kind: 'refused'; readonly reason: string };

/** Reads a draft given on the command line: only a regular file, links followed. */
export async function readDraftFile(path: string): Promise<DraftFile> {
  const realPath = await realpath(path);
  const { bytes, stats } = await readRegularFile(realPath);
  const hasBom = bytes.subarray(0, 3).equals(BOM);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { realPath, bytes, stats, text: utf8.decode(body), hasBom };
  } catch {
    const at = firstInvalidUtf8(body);
    return {
      realPath,
      bytes,
      stats,
      text: body.toString('utf8'),
      hasBom,
      notWritable: `not valid UTF-8 (byte ${at} is 0x${body[at]?.toString(16).padStart(2, '0')}; Latin-1 or Windows-1252?): it would not be written back as it was; save it as UTF-8 to fix it`,
    };
  }
}

/** Writes the fixed text over the draft if nothing changed it since it was read (see the header). */
export async function writeFixedDraft(draft: DraftFile, fixedText: string, options: { force?: boolean } = {}): Promise<WriteOutcome> {
  if (draft.notWritable) return { kind: 'refused', reason: draft.notWritable };
  const { stats } = draft;
  // By its mode, not only access(): root may write anything, yet 0444 says "do not edit".
  const readOnly =
    (Number(stats.mode) & 0o222) === 0 ||
    (await access(draft.realPath, constants.W_OK).then(
      () => false,
      () => true,
    ));
  if (readOnly && !options.force) return { kind: 'refused', reason: 'read-only (use --force to fix it anyway; its mode is kept)' };
  const content = draft.hasBom ? Buffer.concat([BOM, Buffer.from(fixedText, 'utf8')]) : Buffer.from(fixedText, 'utf8');
  if (stats.nlink > 1n) {
    if (!options.force) return { kind: 'refused', reason: `it has ${stats.nlink} hard links; replacing it would split them (use --force to write it in place)` };
    return writeInPlace(draft, content);
  }
  const temp = tempBeside(draft.realPath);
  const mode = Number(stats.mode) & 0o7777;
  const out = await open(temp, 'wx+', 0o600);
  let current: FileHandle | undefined;
  try {
    await out.writeFile(content);
    await out.chown(Number(stats.uid), Number(stats.gid)).catch(async () => {
      // Not permitted to give the file away (not root): fine only if it already has the draft's owner and group.
      const mine = await out.stat({ bigint: true });
      if (mine.uid !== stats.uid || mine.gid !== stats.gid) throw new Refused(`owned by uid ${stats.uid}, gid ${stats.gid}: the fixed file would change owner`);
    });
    await out.chmod(mode);
    await out.sync();
    // Compare-and-swap: the file at the target must still be the one read, byte for byte.
    current = await open(draft.realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const before = await current.stat({ bigint: true });
    if (!sameFile(before, stats) || !(await current.readFile()).equals(draft.bytes)) {
      await unlink(temp);
      return { kind: 'changed-on-disk' };
    }
    await rename(temp, draft.realPath);
    if (await writtenSince(current, before)) {
      // Written to between the check and the rename: put that version back, with anything
      // appended since to the fixed file (a writer that opens the file by name writes there now).
      await restore(draft.realPath, current, out, content.length, mode);
      return { kind: 'changed-on-disk' };
    }
    return { kind: 'written' };
  } catch (error) {
    await unlink(temp).catch(() => {});
    if (error instanceof Refused) return { kind: 'refused', reason: error.message };
    throw error;
  } finally {
    await out.close();
    await current?.close();
  }
}

/**
 * Whether the displaced file was written to after it was checked. A writer that opened it by name
 * just before the rename may write a moment later (a busy machine deschedules it between its open
 * and its write): looked at again after RENAME_GRACE_MS, as well as at once.
 */
async function writtenSince(displaced: FileHandle, checked: BigIntStats): Promise<boolean> {
  const changed = async () => {
    const now = await displaced.stat({ bigint: true });
    return now.size !== checked.size || now.mtimeNs !== checked.mtimeNs;
  };
  if (await changed()) return true;
  await new Promise((resolve) => setTimeout(resolve, RENAME_GRACE_MS));
  return changed();
}

/** Long enough for a writer descheduled between its open and its write on a loaded machine; paid once per file written. */
const RENAME_GRACE_MS = 30;

function tempBeside(path: string, suffix = 'tmp'): string {
  // Cut long names: a 250-character draft name plus the suffix would pass the 255-byte limit.
  return join(dirname(path), `.${basename(path).slice(0, 120)}.${randomBytes(4).toString('hex')}.${suffix}`);
}

/** --force on a hard-linked file: rewrite the one inode all its names share (no rename). */
async function writeInPlace(draft: DraftFile, content: Buffer): Promise<WriteOutcome> {
  const handle = await open(draft.realPath, constants.O_RDWR | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EACCES') throw error;
    throw new Error('read-only even for --force: its folder or file system does not allow writing');
  });
  try {
    const before = await handle.stat({ bigint: true });
    if (!sameFile(before, draft.stats) || !(await handle.readFile()).equals(draft.bytes)) return { kind: 'changed-on-disk' };
    await handle.write(content, 0, content.length, 0);
    await handle.truncate(content.length);
    await handle.sync();
    return { kind: 'written' };
  } finally {
    await handle.close();
  }
}

/**
 * Puts back the displaced file (`displaced`: its descriptor, still open) with whatever was written
 * meanwhile to the fixed file that replaced it (`ours`, beyond its first `ownLength` bytes).
 */
async function restore(path: string, displaced: FileHandle, ours: FileHandle, ownLength: number, mode: number): Promise<void> {
  for (let round = 0; ; round++) {
    const seen = (await ours.stat()).size;
    const merged = Buffer.concat([await readAll(displaced), (await readAll(ours)).subarray(ownLength, seen)]);
    const temp = tempBeside(path, 'restore.tmp');
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(merged);
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if ((await ours.stat()).size !== seen && round < 5) {
      await unlink(temp);
      continue;
    }
    await rename(temp, path);
    // A write in the instant before that rename went to our file: carry it over too.
    const late = (await readAll(ours)).subarray(seen);
    if (late.length) await appendFile(path, late);
    return;
  }
}

async function readAll(handle: FileHandle): Promise<Buffer> {
  const { size } = await handle.stat();
  const buffer = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(buffer, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return buffer.subarray(0, at);
}

function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/** Where the first byte that is not UTF-8 is (lead bytes and continuations; enough to point at a Latin-1 accent). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

class Refused extends Error {}
