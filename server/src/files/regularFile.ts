// Reading a file that the user named or that a folder listing found: only regular files are
// opened, and without blocking. A FIFO given as a draft or planted as a cache entry made a plain
// readFile wait forever for a writer; /dev/zero or a file under /proc never ends. The file is
// opened non-blocking and checked with fstat on the open descriptor (no window between a check by
// name and the open), so what is read is the very file that was checked.

import { constants, closeSync, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { open } from 'node:fs/promises';

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(path: string, what: string) {
    super(`${path} is ${what}, not a regular file: not read`);
  }
}

export class TooLargeError extends Error {
  readonly code = 'ETOOLARGE';
  constructor(
    path: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${path} has ${size} bytes, more than the ${limit} read`);
  }
}

/** What a non-regular file is, in words a message can use. */
export function kindOf(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSymbolicLink(): boolean }): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export interface RegularFile {
  readonly bytes: Buffer;
  /** The stat of the descriptor read (bigint: nanosecond times, for compare-and-swap). */
  readonly stats: BigIntStats;
}

/** The bytes of a regular file; throws NotRegularFileError for anything else, TooLargeError above maxBytes. */
export async function readRegularFile(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<RegularFile> {
  const handle = await open(path, READ_FLAGS);
  try {
    const stats = await handle.stat({ bigint: true });
    if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats));
    if (stats.size > BigInt(maxBytes)) throw new TooLargeError(path, Number(stats.size), maxBytes);
    return { bytes: await handle.readFile(), stats };
  } finally {
    await handle.close();
  }
}

/** readRegularFile, synchronously (the model cache reads inside a synchronous parse). */
export function readRegularFileSync(path: string, maxBytes = Number.MAX_SAFE_INTEGER): RegularFile {
  const fd = openSync(path, READ_FLAGS);
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) throw new NotRegularFileError(path, kindOf(stats));
    if (stats.size > BigInt(maxBytes)) throw new TooLargeError(path, Number(stats.size), maxBytes);
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
    }
    return { bytes: Buffer.concat(chunks), stats };
  } finally {
    closeSync(fd);
  }
}
