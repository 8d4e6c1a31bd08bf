// A stand-in for the UN Digital Library's search on 127.0.0.1, serving records cut from the real
// export in ../shared, and the ways the real one can fail: slow, HTTP 500, HTTP 429, not MARCXML.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedPath } from './sharedData';

export type LibraryMode = 'normal' | 'slow' | 'error-500' | 'too-many' | 'malformed' | 'truncated';

export interface FakeLibrary {
  readonly url: string;
  mode: LibraryMode;
  /** Every request: the symbol searched for, and when it arrived and was answered (ms). */
  readonly requests: { symbol: string; arrived: number; answered?: number }[];
  /** The most requests under way at once. */
  maxConcurrent: number;
  close(): Promise<void>;
}

const EXPORT = readFileSync(sharedPath('un-documents', 'undl', 'session_78_committee_3_drafts.xml'), 'utf8');
const RECORDS = new Map<string, string>();
for (const record of EXPORT.match(/<ns0:record[\s\S]*?<\/ns0:record>/g) ?? []) {
  const symbol = /<ns0:datafield tag="191"[\s\S]*?<ns0:subfield code="a">([^<]+)</.exec(record)?.[1];
  if (symbol) RECORDS.set(symbol.toUpperCase(), record);
}

const collection = (records: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Search-Engine-Total-Number-Of-Results: ${records.length} -->\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n${records.join('\n')}\n</collection>\n`;

export async function startFakeLibrary(slowMs = 3000): Promise<FakeLibrary> {
  let active = 0;
  const library: FakeLibrary = {
    url: '',
    mode: 'normal',
    requests: [],
    maxConcurrent: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = url.searchParams.get('p') ?? '';
    const symbol = /^191__a:"(.*)"$/.exec(query)?.[1] ?? '';
    const request: FakeLibrary['requests'][number] = { symbol, arrived: Date.now() };
    library.requests.push(request);
    active++;
    library.maxConcurrent = Math.max(library.maxConcurrent, active);
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/xml; charset=utf-8', ...headers });
      res.end(body);
    };
    res.on('close', () => {
      active--;
      request.answered = Date.now();
    });
    if (url.pathname !== '/search' || url.searchParams.get('of') !== 'xm') return answer(404, 'not found');
    const record = RECORDS.get(symbol.toUpperCase());
    switch (library.mode) {
      case 'slow':
        setTimeout(() => answer(200, collection(record ? [record] : [])), slowMs).unref();
        return;
      case 'error-500':
        return answer(500, 'Internal Server Error');
      case 'too-many':
        return answer(429, 'Too Many Requests', { 'retry-after': '30' });
      case 'malformed':
        return answer(200, '<!DOCTYPE html><html><body>Please enable JavaScript</body></html>', { 'content-type': 'text/html' });
      case 'truncated':
        return answer(200, collection(record ? [record] : []).slice(0, 2000));
      default:
        return answer(200, collection(record ? [record] : []));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (library as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return library;
}

/** An address on 127.0.0.1 where nothing listens: "offline". */
export async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
