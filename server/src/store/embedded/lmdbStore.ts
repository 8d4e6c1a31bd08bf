// The embedded corpus store: one LMDB file in the user's cache holding the registry, the documents'
// records and the list of the store's data files (layout.ts), and beside it the data files holding
// the corpus texts, every unit (paragraph) and the reuse index's postings (storeData.ts), read with
// positional reads. The server holds a small table of documents and unit ranges (unitTable.ts),
// the data files' directories, and nothing of the corpus: the pages a scan reads stay in the page
// cache, out of its RSS (format 1 read the postings through LMDB's memory map: 849 MB of RSS at
// 1.5 million paragraphs). Writes (writes.ts) are copy-on-write transactions, each listing data
// files written and flushed before it: a build killed at any point leaves the store as of its last
// commit, and the next build resumes from it (sync.ts compares content hashes).
import { rmSync } from 'node:fs';
import { symbolKey, type RegistryEntry } from '../../corpus/registry';
import type { WordList } from '../../reuse/normalise';
import { Batches } from '../batches';
import type { CandidateOptions, CorpusStore, DocumentHit, DocumentQuery, ReuseLookup, StoreCandidate, StoreDocumentInput, StoredDocument, StoredUnit, StoreStatus } from '../corpusStore';
import { StoreUnavailableError } from '../corpusStore';
import { inputsOf, planSync, type SyncResult, type SyncSource } from '../sync';
import { writeBatchFiles, writeMergedSegment } from './dataWrites';
import { searchDocuments } from './documentSearch';
import { lmdbFileProblem } from './fileCheck';
import { type DocRecord, type LmdbEnvironment, MAGIC, type Meta, openDatabases, STORE_FORMAT, type StoreDatabases } from './layout';
import { loadLmdb } from './lmdbModule';
import { ReuseReads } from './reuseReads';
import { mergeAtFinish, mergeDuringBuild } from './segmentMerge';
import { dataFolderOf, StoreData } from './storeData';
import { type TableRecord, UnitTable } from './unitTable';
import { prepareBatch, putInTransaction, removeInTransaction } from './writes';

export { STORE_FORMAT } from './layout';
/** Units put per transaction: an interrupted build loses at most this much work. */
const BATCH_UNITS = 20_000;
/** The meta database's key of the table record (unitTable.ts). */
const TABLE_KEY = 'table';
/** The meta database's keys of the corpus folders' tables of files: this and the folder's path. */
const FILES_KEY = 'files\u0000';

/** The store failed a check (its file is damaged or of another format): delete it and rebuild. */
export class StoreCorruptError extends Error {
  override name = 'StoreCorruptError';
}

export interface StoreOpenOptions {
  /** Units per build transaction (BATCH_UNITS); tests make it small to kill a build between commits. */
  readonly batchUnits?: number;
  /** Called after each committed build transaction with the documents held. */
  readonly onCommit?: (documents: number) => void;
}

export class EmbeddedCorpusStore implements CorpusStore {
  private meta!: Meta;
  private options: StoreOpenOptions = {};
  private table = new UnitTable(0);
  /** The generation of the table record in the file (-1: none, or stale). */
  private tableGeneration = -1;
  /** Where open read the unit table from: its one record, or every document record (no record of this generation). */
  tableReadFrom: 'record' | 'documents' = 'documents';
  private readonly reads = new ReuseReads();
  private data!: StoreData;

  private constructor(
    readonly path: string,
    private readonly env: LmdbEnvironment,
    private readonly db: StoreDatabases,
  ) {}

  /**
   * Opens (or creates) the store at this file. Throws StoreUnavailableError when lmdb cannot load,
   * StoreCorruptError when the file is not a store of this format or does not hold together.
   */
  static open(path: string, options: StoreOpenOptions = {}): EmbeddedCorpusStore {
    const lmdb = loadLmdb();
    if (lmdb instanceof Error) throw new StoreUnavailableError(`the embedded store's engine (lmdb) could not load: ${lmdb.message}`, lmdb);
    const problem = lmdbFileProblem(path);
    if (problem) throw new StoreCorruptError(`${path} is damaged (${problem})`);
    let env;
    try {
      // noReadAhead (MDB_NORDAHEAD, madvise random): a lookup touches a few scattered pages; with
      // read-ahead and the kernel's fault-around each mapped 16 neighbours too, and a scan of a
      // 1.5-million-paragraph store put a gigabyte of the file in the process's RSS.
      env = lmdb.open({ path, noSubdir: true, maxDbs: 8, compression: false, cache: false, mapSize: 64 * 2 ** 30, noReadAhead: true } as Parameters<typeof lmdb.open>[0]);
    } catch (error) {
      throw new StoreCorruptError(`${path} does not open as an LMDB file (${(error as Error).message})`);
    }
    try {
      const store = new EmbeddedCorpusStore(path, env, openDatabases(env));
      store.options = options;
      store.load();
      return store;
    } catch (error) {
      // (load closes the data files it opened when it fails)
      try {
        env.close();
      } catch {
        // closing a damaged environment may fail too
      }
      if (error instanceof StoreCorruptError) throw error;
      throw new StoreCorruptError(`${path} is damaged (${(error as Error).message})`);
    }
  }

  /** Reads the metadata and the documents' unit ranges, checking that they agree. */
  private load(): void {
    const meta = this.db.meta.get('meta') as Meta | undefined;
    if (!meta) {
      if (this.db.docs.getKeysCount() > 0) throw new StoreCorruptError('documents without metadata');
      this.meta = { magic: MAGIC, format: STORE_FORMAT, nextUnit: 0, generation: 0, state: 'ready', documents: 0, units: 0, postings: 0, registryEntries: 0, nextFile: 0, textFiles: [], segments: [] };
      this.db.meta.putSync('meta', this.meta);
    } else {
      if (meta.magic !== MAGIC) throw new StoreCorruptError('not a Compact Drafter corpus store');
      if (meta.format !== STORE_FORMAT) throw new StoreCorruptError(`format ${meta.format}, expected ${STORE_FORMAT}`);
      this.meta = { ...meta, textFiles: [...meta.textFiles], segments: [...meta.segments] };
    }
    // The table from its one record when it is of this generation (written when the last build
    // finished); else from every document record, as before the record existed.
    const record = this.db.meta.get(TABLE_KEY) as TableRecord | undefined;
    const fromRecord = record?.generation === this.meta.generation ? UnitTable.fromRecord(record, this.meta.nextUnit) : undefined;
    if (fromRecord) {
      this.table = fromRecord;
      this.tableGeneration = this.meta.generation;
      this.tableReadFrom = 'record';
    } else {
      this.table = this.tableFromDocuments();
    }
    const units = this.table.units;
    if (this.table.documents !== this.meta.documents || units !== this.meta.units) {
      throw new StoreCorruptError(`the metadata counts ${this.meta.documents} documents and ${this.meta.units} units, the file holds ${this.table.documents} and ${units}`);
    }
    // The data files: each listed one opened and checked (header, length, directory or index);
    // unlisted ones (of a killed build) deleted.
    const listed = new Set(this.meta.textFiles.map((entry) => entry.file));
    for (const file of this.table.textFiles()) if (!listed.has(file)) throw new StoreCorruptError(`text file ${file} is not in the store's list`);
    this.data = StoreData.open(dataFolderOf(this.path), this.meta.textFiles, this.meta.segments);
    // A unit of the first and of the last document read back and checked: a file overwritten in
    // the middle fails here rather than in the middle of a scan.
    try {
      for (const slot of this.table.ends()) {
        if (slot && slot.unitCount > 0) this.readUnit(slot.firstUnit + slot.unitCount - 1);
      }
    } catch (error) {
      this.data.close();
      throw error;
    }
  }

  /** The table read from every document record (15,000 at 1.5 million paragraphs: 1.3 s). */
  private tableFromDocuments(): UnitTable {
    const table = new UnitTable(this.meta.nextUnit);
    for (const { key, value } of this.db.docs.getRange()) {
      const record = value as DocRecord;
      if (typeof key !== 'string' || !record || !Array.isArray(record.labels) || !Number.isSafeInteger(record.firstUnit)) throw new StoreCorruptError('a malformed document record');
      if (record.firstUnit + record.labels.length > this.meta.nextUnit) throw new StoreCorruptError(`document ${key} has units past the last one`);
      table.add(key, { ...record, unitCount: record.labels.length });
    }
    return table;
  }

  /** The table written as one record of this generation, with the metadata (inside the caller's transaction). */
  private putTableRecord(): void {
    this.db.meta.putSync(TABLE_KEY, this.table.toRecord(this.meta.generation));
    this.tableGeneration = this.meta.generation;
  }

  private dropDocument(id: string): void {
    const slot = this.table.drop(id);
    if (slot) for (let u = slot.firstUnit; u < slot.firstUnit + slot.unitCount; u++) this.reads.forget(u);
  }

  /** The synchronous reads scanDraft makes (LMDB and positional reads of local files: no round trip to wait for). */
  readonly reuse: ReuseLookup = ((store: EmbeddedCorpusStore) => ({
    get generation() {
      return store.meta.generation;
    },
    candidates: (query: { readonly fingerprints: readonly number[] }, options?: CandidateOptions) => store.candidatesSync(query, options),
    unit: (unit: number) => store.unitSync(unit),
    unitWords: (unit: number) => store.unitWordsSync(unit),
  }))(this);

  get unitCount(): number {
    return this.meta.units;
  }

  statusSync(): StoreStatus {
    const m = this.meta;
    return { state: m.state, engine: 'lmdb', documents: m.documents, units: m.units, postings: m.postings, registryEntries: m.registryEntries, message: m.state === 'building' ? 'a build was interrupted or is under way' : undefined };
  }

  async status(): Promise<StoreStatus> {
    return this.statusSync();
  }

  async generation(): Promise<number> {
    return this.meta.generation;
  }

  // --- the registry ---

  registryEntrySync(symbol: string): RegistryEntry | undefined {
    return this.db.registry.get(symbolKey(symbol)) as RegistryEntry | undefined;
  }

  async registryEntry(symbol: string): Promise<RegistryEntry | undefined> {
    return this.registryEntrySync(symbol);
  }

  async registryEntries(symbols: readonly string[]): Promise<Map<string, RegistryEntry>> {
    const out = new Map<string, RegistryEntry>();
    for (const symbol of symbols) {
      const entry = this.registryEntrySync(symbol);
      if (entry) out.set(symbol, entry);
    }
    return out;
  }

  async putRegistry(entries: readonly RegistryEntry[]): Promise<void> {
    this.env.transactionSync(() => {
      for (const entry of entries) this.db.registry.putSync(symbolKey(entry.symbol), entry);
      this.meta.registryEntries = this.db.registry.getKeysCount();
      this.meta.generation++;
      this.db.meta.putSync('meta', this.meta);
    });
  }

  async searchDocuments(query: DocumentQuery): Promise<DocumentHit[]> {
    return searchDocuments(this.db, query);
  }

  // --- the texts ---

  private storedDocument(id: string): StoredDocument | undefined {
    const record = this.db.docs.get(id) as DocRecord | undefined;
    if (!record) return undefined;
    return { id, symbol: record.symbol, uri: record.uri, title: record.title, date: record.date, contentHash: record.contentHash, unitCount: record.labels.length };
  }

  documentSync(symbolOrId: string): StoredDocument | undefined {
    const id = (this.db.symbols.get(symbolKey(symbolOrId)) as string | undefined) ?? symbolOrId;
    return this.storedDocument(id);
  }

  async document(symbolOrId: string): Promise<StoredDocument | undefined> {
    return this.documentSync(symbolOrId);
  }

  async documentText(id: string): Promise<string | undefined> {
    const record = this.db.docs.get(id) as DocRecord | undefined;
    return record && this.data.documentText(record.textFile, record.text, id);
  }

  paragraphSync(id: string, label: string): StoredUnit | undefined {
    const record = this.db.docs.get(id) as DocRecord | undefined;
    const k = record?.labels.indexOf(label.trim().replace(/\s+/g, ' ')) ?? -1;
    return k < 0 ? undefined : this.storedUnit(record!.firstUnit + k);
  }

  async paragraph(id: string, label: string): Promise<StoredUnit | undefined> {
    return this.paragraphSync(id, label);
  }

  // --- the reuse index ---

  private readUnit(unit: number): { label: string | undefined; text: string } {
    return this.data.unit(unit);
  }

  private storedUnit(unit: number): StoredUnit | undefined {
    const slot = this.table.documentOf(unit);
    if (!slot) return undefined;
    const { label, text } = this.readUnit(unit);
    return { unit, documentId: slot.id, symbol: slot.symbol, uri: slot.uri, label, text };
  }

  unitSync(unit: number): { document: { id: string; symbol: string | undefined; uri: string }; label: string | undefined; text: string } {
    const stored = this.storedUnit(unit);
    if (!stored) throw new Error(`unit ${unit} is not in the store`);
    return { document: { id: stored.documentId, symbol: stored.symbol, uri: stored.uri }, label: stored.label, text: stored.text };
  }

  unitWordsSync(unit: number): WordList {
    return this.reads.unitWords(this.data, unit);
  }

  /** As ReuseIndex.candidates: units sharing at least minShared fingerprints, most first, then by number. */
  candidatesSync(query: { readonly fingerprints: readonly number[] }, options: CandidateOptions = {}): StoreCandidate[] {
    return this.reads.candidates(this.data, this.table, this.meta.nextUnit, query.fingerprints, options);
  }

  async candidates(queries: readonly (readonly number[])[], options?: CandidateOptions): Promise<StoreCandidate[][]> {
    return queries.map((fingerprints) => this.candidatesSync({ fingerprints }, options));
  }

  async units(unitNumbers: readonly number[]): Promise<StoredUnit[]> {
    return unitNumbers.flatMap((unit) => this.storedUnit(unit) ?? []);
  }

  // --- building ---

  /** From the table in memory, which mirrors the document records (each commit updates both). */
  documentHashesSync(): Map<string, string> {
    return this.table.hashes();
  }

  async documentHashes(): Promise<Map<string, string>> {
    return this.documentHashesSync();
  }

  /** Marks a build under way (status "building" until finishBuild, also after a crash). */
  beginBuild(): void {
    this.meta.state = 'building';
    this.db.meta.putSync('meta', this.meta);
  }

  /**
   * Marks the store ready and writes the table record the next open reads (one transaction), with
   * the segments merged as segmentMerge.ts says and the text files no document is in any more unlisted.
   */
  finishBuild(): void {
    const merge = mergeAtFinish(this.meta.segments.map((entry) => entry.postings), this.meta.postings);
    if (merge) this.mergeSegments(merge);
    const held = this.table.textFiles();
    const dead = this.meta.textFiles.filter((entry) => !held.has(entry.file)).map((entry) => entry.file);
    this.transaction(() => {
      this.meta.textFiles = this.meta.textFiles.filter((entry) => held.has(entry.file));
      this.meta.state = 'ready';
      this.db.meta.putSync('meta', this.meta);
      this.putTableRecord();
    });
    for (const file of dead) this.data.dropText(file);
  }

  /** A write transaction; the metadata in memory is put back as it was when it fails. */
  private transaction<T>(write: () => T): T {
    const before = { ...this.meta, textFiles: [...this.meta.textFiles], segments: [...this.meta.segments] };
    try {
      return this.env.transactionSync(write);
    } catch (error) {
      this.meta = before;
      throw error;
    }
  }

  /** Merges the segments at these positions into a new one, listed in their place in one transaction, then deletes them. */
  private mergeSegments(positions: readonly number[]): void {
    const file = this.meta.nextFile;
    const merged = writeMergedSegment(this.data, positions, file, (unit) => this.table.documentOf(unit) !== undefined);
    const gone = positions.map((k) => this.data.segments[k]!.entry.file);
    this.transaction(() => {
      this.meta.nextFile = file + 1;
      this.meta.segments = [...this.meta.segments.filter((entry) => !gone.includes(entry.file)), merged];
      this.db.meta.putSync('meta', this.meta);
    });
    this.data.dropSegments(gone);
    this.data.addSegment(merged);
  }

  /** Puts documents, one transaction per BATCH_UNITS units (the server's path: no await between). */
  putDocumentsSync(documents: Iterable<StoreDocumentInput>): number {
    const writer = this.batchWriter();
    for (const document of documents) writer.add(document);
    return writer.end();
  }

  async putDocuments(documents: Iterable<StoreDocumentInput> | AsyncIterable<StoreDocumentInput>): Promise<number> {
    const writer = this.batchWriter();
    for await (const document of documents) writer.add(document);
    return writer.end();
  }

  /** Commits each batch as it fills (batches.ts); end() commits the last and says how many documents were put. */
  private batchWriter(): { add(document: StoreDocumentInput): void; end(): number } {
    const batches = new Batches({ maxUnits: this.options.batchUnits ?? BATCH_UNITS });
    let put = 0;
    const commit = (batch: StoreDocumentInput[] | undefined) => {
      if (batch) put += this.commitBatch(batch);
    };
    return {
      add: (document) => commit(batches.add(document)),
      end: () => {
        commit(batches.end());
        return put;
      },
    };
  }

  /**
   * One batch: its text file and postings segment written and flushed, then one transaction puts
   * the documents' records and lists the two files (or none of it: unlisted files are deleted at
   * the next open). Then segments of one size class are merged (segmentMerge.ts).
   */
  private commitBatch(documents: readonly StoreDocumentInput[]): number {
    const batch = prepareBatch(documents, this.meta.nextUnit);
    const [textFile, segmentFile] = [this.meta.nextFile, this.meta.nextFile + 1];
    const files = writeBatchFiles(this.data, batch, textFile, segmentFile);
    let written: ReturnType<typeof putInTransaction>;
    try {
      written = this.transaction(() => {
        const result = putInTransaction({ db: this.db, meta: this.meta }, batch, textFile, files.places);
        this.meta.nextFile = segmentFile + 1;
        this.meta.textFiles.push(files.text);
        if (files.segment) this.meta.segments.push(files.segment);
        this.meta.generation++;
        this.db.meta.putSync('meta', this.meta);
        return result;
      });
    } catch (error) {
      rmSync(this.data.textPath(textFile), { force: true });
      rmSync(this.data.segmentPath(segmentFile), { force: true });
      throw error;
    }
    this.data.addText(files.text);
    if (files.segment) this.data.addSegment(files.segment);
    for (const id of written.replaced) this.dropDocument(id);
    for (const [id, record] of written.added) this.table.add(id, { ...record, unitCount: record.labels.length });
    const merge = mergeDuringBuild(this.meta.segments.map((entry) => entry.postings));
    if (merge) this.mergeSegments(merge);
    this.options.onCommit?.(this.meta.documents);
    return documents.length;
  }

  async removeDocuments(ids: readonly string[]): Promise<number> {
    return this.removeDocumentsSync(ids);
  }

  /** The documents' records gone in one transaction (their data stays until finishBuild and the next merge). */
  removeDocumentsSync(ids: readonly string[]): number {
    const removed: string[] = [];
    this.transaction(() => {
      for (const id of ids) if (removeInTransaction({ db: this.db, meta: this.meta }, id)) removed.push(id);
      if (removed.length) {
        this.meta.generation++;
        this.db.meta.putSync('meta', this.meta);
      }
    });
    for (const id of removed) this.dropDocument(id);
    return removed.length;
  }

  async close(): Promise<void> {
    this.data.close();
    await this.env.close();
  }

  closeSync(): void {
    this.data.close();
    void this.env.close();
  }

  /** Brings the store up to these sources (sync.ts's plan), synchronously: what the server's reuse service calls. */
  syncSync(sources: Iterable<SyncSource>): SyncResult {
    const { toPut, gone, unchanged } = planSync(this.documentHashesSync(), sources);
    if (toPut.length === 0 && gone.length === 0) {
      // A store from before the table record (or whose registry changed since) gets it now.
      if (this.meta.state !== 'ready' || this.tableGeneration !== this.meta.generation) this.finishBuild();
      return { added: 0, removed: 0, unchanged };
    }
    this.beginBuild();
    const removed = gone.length ? this.removeDocumentsSync(gone) : 0;
    const added = this.putDocumentsSync(inputsOf(toPut));
    this.finishBuild();
    return { added, removed, unchanged };
  }

  // --- the corpus folders' tables of files (corpus/fileTable.ts): kept beside the index, not part of its generation ---

  fileTableSync(folder: string): unknown {
    return this.db.meta.get(`${FILES_KEY}${folder}`);
  }

  putFileTableSync(folder: string, record: unknown): void {
    this.db.meta.putSync(`${FILES_KEY}${folder}`, record);
  }

  /** Deletes the store's files (a store found corrupt, before a rebuild). */
  static remove(path: string): void {
    for (const file of [path, `${path}-lock`]) rmSync(file, { force: true });
    StoreData.remove(path);
  }
}
