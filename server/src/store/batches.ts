// How a build is cut into transactions, for every store: documents are gathered until a batch
// holds `maxUnits` units (or `maxDocuments` documents), then committed together. A build killed
// between commits keeps every batch before it (sync.ts resumes after them); a batch that is too
// big holds a long write lock and much memory, one that is too small pays a commit per document.
import type { StoreDocumentInput } from './corpusStore';

export interface BatchLimits {
  readonly maxUnits: number;
  readonly maxDocuments?: number;
}

/** Gathers documents; `add` hands back a full batch to commit, `end` the last, partial one. */
export class Batches {
  private batch: StoreDocumentInput[] = [];
  private units = 0;

  constructor(private readonly limits: BatchLimits) {}

  add(document: StoreDocumentInput): StoreDocumentInput[] | undefined {
    this.batch.push(document);
    this.units += document.units.length;
    return this.units >= this.limits.maxUnits || this.batch.length >= (this.limits.maxDocuments ?? Infinity) ? this.take() : undefined;
  }

  end(): StoreDocumentInput[] | undefined {
    return this.batch.length ? this.take() : undefined;
  }

  private take(): StoreDocumentInput[] {
    const full = this.batch;
    this.batch = [];
    this.units = 0;
    return full;
  }
}
