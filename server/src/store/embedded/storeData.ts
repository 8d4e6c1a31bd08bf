// The embedded store's data files, in a folder beside its LMDB file (`<store>.data/`): the text
// files (textFile.ts, one per build batch) and the postings segments (postingsSegment.ts). LMDB
// keeps the small, transactional records (metadata, documents, symbols, registry, unit table,
// tables of files) and the list of the data files that make up the store (Meta.textFiles,
// Meta.segments). A data file is written and flushed to the disk before the transaction that lists
// it commits, and deleted only after the transaction that unlists it: a build killed at any point
// leaves a store whose listed files are whole, and files no list names (written by a killed build,
// or unlisted before a crash) are deleted when the store opens.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataFileError, syncFolder } from './dataFile';
import { PostingsSegment, type Tally } from './postingsSegment';
import { type TextPlace, TextFile } from './textFile';

export interface SegmentEntry {
  readonly file: number;
  readonly postings: number;
}

export interface TextFileEntry {
  readonly file: number;
  readonly firstUnit: number;
  readonly unitCount: number;
}

const TEXT_NAME = /^texts-(\d+)\.cdt$/;
const SEGMENT_NAME = /^postings-(\d+)\.cdp$/;

export const dataFolderOf = (storePath: string) => `${storePath}.data`;

export class StoreData {
  /** Sorted by first unit (batches number their units in order). */
  private texts: TextFile[] = [];
  private readonly textByFile = new Map<number, TextFile>();
  segments: { entry: SegmentEntry; reader: PostingsSegment }[] = [];

  constructor(readonly dir: string) {}

  textPath(file: number): string {
    return join(this.dir, `texts-${file}.cdt`);
  }

  segmentPath(file: number): string {
    return join(this.dir, `postings-${file}.cdp`);
  }

  /** Opens and checks the listed files, deletes the unlisted ones; DataFileError when a listed one fails. */
  static open(dir: string, textFiles: readonly TextFileEntry[], segments: readonly SegmentEntry[]): StoreData {
    const data = new StoreData(dir);
    mkdirSync(dir, { recursive: true });
    try {
      for (const entry of textFiles) data.addText(entry);
      for (const entry of segments) data.addSegment(entry);
    } catch (error) {
      data.close();
      if (error instanceof DataFileError) throw error;
      throw new DataFileError(`a data file of the store cannot be read (${(error as Error).message})`);
    }
    const listed = new Set([...textFiles.map((e) => basename(data.textPath(e.file))), ...segments.map((e) => basename(data.segmentPath(e.file)))]);
    for (const name of readdirSync(dir)) if ((TEXT_NAME.test(name) || SEGMENT_NAME.test(name)) && !listed.has(name)) rmSync(join(dir, name), { force: true });
    return data;
  }

  addText(entry: TextFileEntry): void {
    const file = TextFile.open(this.textPath(entry.file), entry.firstUnit, entry.unitCount);
    this.textByFile.set(entry.file, file);
    let k = this.texts.length;
    while (k > 0 && this.texts[k - 1]!.firstUnit > file.firstUnit) k--;
    this.texts.splice(k, 0, file);
  }

  addSegment(entry: SegmentEntry): void {
    const reader = PostingsSegment.open(this.segmentPath(entry.file));
    if (reader.postings !== entry.postings) {
      reader.close();
      throw new DataFileError(`${reader.path} holds ${reader.postings} postings, the store says ${entry.postings}`);
    }
    this.segments.push({ entry, reader });
  }

  /** Closes and deletes files no longer listed (after the transaction that unlisted them). */
  dropText(file: number): void {
    const reader = this.textByFile.get(file);
    if (reader) {
      reader.close();
      this.textByFile.delete(file);
      this.texts = this.texts.filter((t) => t !== reader);
    }
    rmSync(this.textPath(file), { force: true });
  }

  dropSegments(files: readonly number[]): void {
    for (const { entry, reader } of this.segments) if (files.includes(entry.file)) reader.close();
    this.segments = this.segments.filter(({ entry }) => !files.includes(entry.file));
    for (const file of files) rmSync(this.segmentPath(file), { force: true });
  }

  /** Flushes the folder's entries: new files' names survive a power cut before a transaction lists them. */
  sync(): void {
    syncFolder(this.dir);
  }

  /** A unit's label and text. */
  unit(unit: number): { label: string | undefined; text: string } {
    let lo = 0;
    let hi = this.texts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.texts[mid]!.firstUnit <= unit) lo = mid;
      else hi = mid - 1;
    }
    const file = this.texts[lo];
    if (!file || unit < file.firstUnit || unit >= file.unitEnd) throw new DataFileError(`unit ${unit} is in no text file of the store`);
    return file.unit(unit);
  }

  documentText(file: number, place: TextPlace, id: string): string {
    const reader = this.textByFile.get(file);
    if (!reader) throw new DataFileError(`the text file of ${id} is not in the store`);
    return reader.text(place, id);
  }

  /** Counts each unit having this fingerprint into the tally, segment by segment. */
  countPostings(fingerprint: number, tally: Tally): void {
    for (const segment of this.segments) segment.reader.count(fingerprint, tally);
  }

  close(): void {
    for (const file of this.textByFile.values()) file.close();
    for (const { reader } of this.segments) reader.close();
    this.texts = [];
    this.textByFile.clear();
    this.segments = [];
  }

  /** Deletes a store's data folder. */
  static remove(storePath: string): void {
    rmSync(dataFolderOf(storePath), { recursive: true, force: true });
  }
}
