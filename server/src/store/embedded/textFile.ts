// A text file of the embedded store: the units (paragraphs) and the document texts of one build
// batch, written once and never changed, read with positional reads. Each batch numbers its units
// from the store's next unit on, so a file holds one range of unit numbers, and its index (held
// in memory: 4 bytes a unit, 6 MB at 1.5 million paragraphs) says where each unit's record is.
// Unit records carry their own checksum (records.ts); a document text is checked against the
// CRC-32 its document record holds. A file is deleted when none of its documents is held any more.
//
//   header (dataFile.ts): version, first unit, unit count, unit bytes, text bytes, index checksum
//   index: unit count + 1 offsets (uint32 LE) into the unit records
//   unit records, then the document texts (UTF-8)
import { closeSync, openSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { DataFileError, encodeHeader, HEADER_BYTES, readAt, readCheckedSection, readHeader, syncAndClose, writeAll } from './dataFile';
import { decodeUnit, StoreRecordError } from './records';

const MAGIC = 'CD-TEXTS';
const VERSION = 1;

/** Where a document's text is: the position in its file, its UTF-8 length and CRC-32. */
export interface TextPlace {
  readonly at: number;
  readonly bytes: number;
  readonly sum: number;
}

/** Writes the file (encoded unit records in unit order, then the texts) and flushes it to the disk; where each text went. */
export function writeTextFile(path: string, firstUnit: number, units: readonly Buffer[], texts: readonly string[]): TextPlace[] {
  const index = new Uint32Array(units.length + 1);
  let unitBytes = 0;
  for (let k = 0; k < units.length; k++) {
    index[k] = unitBytes;
    unitBytes += units[k]!.length;
  }
  index[units.length] = unitBytes;
  // The index's offsets are 32-bit (a batch of 20,000 paragraphs is ~10 MB).
  if (unitBytes > 0xffffffff) throw new Error(`${path}: a text file holds at most 4 GB of paragraphs`);
  const indexBytes = Buffer.from(index.buffer, index.byteOffset, index.byteLength);
  const encoded = texts.map((text) => Buffer.from(text, 'utf8'));
  const textBytes = encoded.reduce((sum, bytes) => sum + bytes.length, 0);
  const fd = openSync(path, 'wx');
  const places: TextPlace[] = [];
  try {
    writeAll(fd, encodeHeader(MAGIC, [VERSION, firstUnit, units.length, unitBytes, textBytes, crc32(indexBytes)]), 0);
    writeAll(fd, indexBytes, HEADER_BYTES);
    // Written in chunks of records rather than one concatenation: a batch's units are ~10 MB.
    let at = HEADER_BYTES + indexBytes.length;
    for (let k = 0; k < units.length; k += 4096) {
      const chunk = Buffer.concat(units.slice(k, k + 4096));
      writeAll(fd, chunk, at);
      at += chunk.length;
    }
    for (const bytes of encoded) {
      writeAll(fd, bytes, at);
      places.push({ at, bytes: bytes.length, sum: crc32(bytes) });
      at += bytes.length;
    }
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  syncAndClose(fd);
  return places;
}

/** A text file open for reading. */
export class TextFile {
  private constructor(
    readonly path: string,
    private readonly fd: number,
    readonly firstUnit: number,
    private readonly index: Uint32Array,
    private readonly unitsAt: number,
  ) {}

  /** Opens and checks the file, which must hold these units; DataFileError when it does not hold together. */
  static open(path: string, firstUnit: number, unitCount: number): TextFile {
    const fd = openSync(path, 'r');
    try {
      const [version, first, count, unitBytes, , indexSum] = readHeader(fd, path, MAGIC, 6, ([, , n, u, t]) => HEADER_BYTES + (n! + 1) * 4 + u! + t!);
      if (version !== VERSION || first !== firstUnit || count !== unitCount) throw new DataFileError(`${path} holds units ${first}+${count}, the store says ${firstUnit}+${unitCount}`);
      const bytes = readCheckedSection(fd, path, HEADER_BYTES, (count + 1) * 4, indexSum!);
      const index = new Uint32Array(count + 1);
      Buffer.from(index.buffer).set(bytes);
      if (index[count] !== unitBytes) throw new DataFileError(`${path}: its index does not end at its units' end`);
      return new TextFile(path, fd, firstUnit, index, HEADER_BYTES + (count + 1) * 4);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  get unitEnd(): number {
    return this.firstUnit + this.index.length - 1;
  }

  /** A unit's label and text (StoreRecordError when its record fails its checksum). */
  unit(unit: number): { label: string | undefined; text: string } {
    const k = unit - this.firstUnit;
    const start = this.index[k]!;
    const bytes = readAt(this.fd, this.unitsAt + start, this.index[k + 1]! - start);
    if (!bytes) throw new StoreRecordError(`unit ${unit} is cut short`);
    return decodeUnit(bytes, unit);
  }

  text(place: TextPlace, id: string): string {
    const bytes = readAt(this.fd, place.at, place.bytes);
    if (!bytes || crc32(bytes) !== place.sum) throw new StoreRecordError(`the text of ${id} fails its checksum`);
    return bytes.toString('utf8');
  }

  close(): void {
    closeSync(this.fd);
  }
}
