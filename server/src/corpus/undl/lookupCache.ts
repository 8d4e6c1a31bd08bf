import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { symbolKey } from '../registry';
import { makeFolder } from '../../files/makeFolder';
import { NotRegularFileError, readRegularFile } from '../../files/regularFile';

/**
 * Digital Library answers kept on disk, one file per symbol looked up, so a symbol is fetched once
 * however often it is asked for again. Each file holds the MARCXML and its SHA-256: a file that is
 * truncated, not JSON, of another symbol or whose text does not match its hash is reported,
 * deleted, and the record fetched again.
 */
export class LookupCache {
  constructor(
    private readonly folder: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  fileOf(symbol: string): string {
    return join(this.folder, `${createHash('sha256').update(symbolKey(symbol)).digest('hex').slice(0, 32)}.json`);
  }

  async get(symbol: string): Promise<string | undefined> {
    const file = this.fileOf(symbol);
    let raw: string;
    try {
      // Only a regular file, opened without blocking: a FIFO planted here blocked the lookup for good.
      raw = (await readRegularFile(file)).bytes.toString('utf8');
    } catch (error) {
      if (!(error instanceof NotRegularFileError)) return undefined;
      this.log(`Digital Library cache: ${error.message}; deleted, the record will be fetched again`);
      await unlink(file).catch(() => {});
      return undefined;
    }
    const problem = cacheProblem(raw, symbol);
    if (typeof problem !== 'string') return problem.xml;
    this.log(`Digital Library cache: ${file} ${problem}; deleted, the record will be fetched again`);
    await unlink(file).catch(() => {});
    return undefined;
  }

  async put(symbol: string, url: string, xml: string): Promise<void> {
    await makeFolder(this.folder);
    const body: CachedAnswer = { format: FORMAT, symbol, url, fetchedAt: new Date().toISOString(), sha256: sha256(xml), xml };
    const temp = join(this.folder, `.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(body), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.fileOf(symbol)).catch(async (error) => {
      await unlink(temp).catch(() => {});
      throw error;
    });
  }
}

const FORMAT = 'compact-drafter/undl-lookup/1';

interface CachedAnswer {
  readonly format: string;
  readonly symbol: string;
  readonly url: string;
  readonly fetchedAt: string;
  readonly sha256: string;
  readonly xml: string;
}

function cacheProblem(raw: string, symbol: string): { xml: string } | string {
  let json: Partial<CachedAnswer>;
  try {
    json = JSON.parse(raw);
  } catch {
    return 'is not valid JSON (truncated or corrupt)';
  }
  if (json?.format !== FORMAT || typeof json.xml !== 'string' || typeof json.sha256 !== 'string') return 'is not a lookup cache file';
  if (typeof json.symbol !== 'string' || symbolKey(json.symbol) !== symbolKey(symbol)) return `holds ${json.symbol}, not ${symbol}`;
  if (sha256(json.xml) !== json.sha256) return 'does not match its checksum (corrupt)';
  return { xml: json.xml };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
