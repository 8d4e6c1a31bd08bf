import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdtempSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deadAddress, type FakeLibrary, startFakeLibrary } from '../../../../test/digitalLibraryServer';
import { DigitalLibraryLookup, lookupUrl, type LookupOutcome } from './lookup';
import { LookupCache } from './lookupCache';

// Every request goes to a server on 127.0.0.1 started here: nothing leaves the machine.
describe('online lookup, against a local stand-in of the Digital Library', () => {
  let library: FakeLibrary;
  let dir: string;
  before(async () => {
    library = await startFakeLibrary(2000);
    dir = mkdtempSync(join(tmpdir(), 'cd-lookup-'));
  });
  after(async () => {
    await library.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (options: { timeoutMs?: number; cache?: boolean } = {}) => {
    const logs: string[] = [];
    const cache = options.cache === false ? undefined : new LookupCache(join(dir, `cache-${Math.random()}`), (m) => logs.push(m));
    return { lookup: new DigitalLibraryLookup({ baseUrl: library.url, timeoutMs: options.timeoutMs, cache }), cache, logs };
  };
  const failure = (outcome: LookupOutcome) => (outcome.ok ? `found ${outcome.record.symbol}` : `${outcome.reason}: ${outcome.message}`);

  test('the search URL: 191 $a, MARCXML', () => {
    assert.equal(lookupUrl('https://digitallibrary.un.org', 'A/HRC/RES/35/17'), 'https://digitallibrary.un.org/search?p=191__a%3A%22A%2FHRC%2FRES%2F35%2F17%22&of=xm&rg=10&ln=en');
  });

  test('a record found: its registry entries, and the resolution adopted from it', async () => {
    library.mode = 'normal';
    const { lookup } = fresh();
    const outcome = await lookup.lookUp('A/C.3/78/L.52/Rev.1');
    assert.ok(outcome.ok, failure(outcome));
    assert.equal(outcome.record.id, '4027181');
    assert.deepEqual(outcome.entries.map((e) => [e.symbol, e.title, e.date, e.draft]), [
      ['A/C.3/78/L.52/Rev.1', 'Protection of migrants', '2023-11-09', undefined],
      ['A/RES/78/217', 'Protection of migrants', '2023', 'A/C.3/78/L.52/Rev.1'],
    ]);
    assert.equal(library.requests.at(-1)?.symbol, 'A/C.3/78/L.52/Rev.1');
  });

  test('asked again: answered from the disk cache, no second request', async () => {
    library.mode = 'normal';
    const { lookup } = fresh();
    const before = library.requests.length;
    assert.ok((await lookup.lookUp('A/C.3/78/L.47')).ok);
    const again = await lookup.lookUp('A/C.3/78/L.47');
    assert.ok(again.ok && again.fromCache);
    assert.equal(library.requests.length, before + 1);
  });

  test('one request at a time, at most one a second', async () => {
    library.mode = 'normal';
    const { lookup } = fresh({ cache: false });
    const before = library.requests.length;
    library.maxConcurrent = 0;
    const outcomes = await Promise.all(['A/C.3/78/L.47', 'A/C.3/78/L.62', 'A/C.3/78/L.51'].map((s) => lookup.lookUp(s)));
    assert.ok(outcomes.every((o) => o.ok));
    const requests = library.requests.slice(before);
    assert.equal(requests.length, 3);
    assert.equal(library.maxConcurrent, 1);
    for (let i = 1; i < requests.length; i++) assert.ok(requests[i].arrived - requests[i - 1].arrived >= 1000, `requests ${requests[i].arrived - requests[i - 1].arrived} ms apart`);
  });

  const failures: readonly { name: string; mode: FakeLibrary['mode']; symbol: string; reason: string; message: RegExp; timeoutMs?: number }[] = [
    { name: 'a symbol the Library does not have', mode: 'normal', symbol: 'A/HRC/RES/35/17', reason: 'not-found', message: /^The UN Digital Library has no record with the symbol A\/HRC\/RES\/35\/17\.$/ },
    { name: 'slow: the timeout', mode: 'slow', symbol: 'A/C.3/78/L.62', timeoutMs: 300, reason: 'timeout', message: /did not answer within 0\.3 s; try again later\. Nothing was changed\.$/ },
    { name: 'HTTP 500', mode: 'error-500', symbol: 'A/C.3/78/L.62', reason: 'http', message: /answered HTTP 500 \(Internal Server Error\); try again later/ },
    { name: 'HTTP 429, with Retry-After', mode: 'too-many', symbol: 'A/C.3/78/L.62', reason: 'rate-limited', message: /too many requests \(HTTP 429\) and asks to wait 30 s; try again later/ },
    { name: 'an HTML page instead of MARCXML', mode: 'malformed', symbol: 'A/C.3/78/L.62', reason: 'malformed', message: /not a MARCXML record \(not a MARCXML file: no <record> element\)/ },
    { name: 'an answer cut off', mode: 'truncated', symbol: 'A/C.3/78/L.62', reason: 'malformed', message: /not a MARCXML record \(the record is cut off/ },
    { name: 'not a symbol: nothing is asked', mode: 'normal', symbol: 'resolution 35/17"&p=*', reason: 'not-a-symbol', message: /is not a UN document symbol; nothing was looked up/ },
  ];
  for (const row of failures) {
    test(`${row.name}: a clear message, nothing cached`, async () => {
      library.mode = row.mode;
      const { lookup, cache } = fresh({ timeoutMs: row.timeoutMs });
      const outcome = await lookup.lookUp(row.symbol);
      assert.ok(!outcome.ok);
      assert.equal(outcome.reason, row.reason);
      assert.match(outcome.message, row.message);
      assert.equal(existsSync(cache!.fileOf(row.symbol)), false);
    });
  }

  test('after HTTP 429 with Retry-After, no request until that time has passed', async () => {
    library.mode = 'too-many';
    const { lookup } = fresh();
    assert.equal(((await lookup.lookUp('A/C.3/78/L.62')) as { reason: string }).reason, 'rate-limited');
    library.mode = 'normal';
    const requests = library.requests.length;
    const refused = await lookup.lookUp('A/C.3/78/L.47');
    assert.ok(!refused.ok);
    assert.match(refused.message, /^The UN Digital Library asked to wait before the next request; try again in 3\d s\. Nothing was sent\.$/);
    assert.equal(library.requests.length, requests);
  });

  test('offline: nothing listens at the address', async () => {
    const lookup = new DigitalLibraryLookup({ baseUrl: await deadAddress() });
    const outcome = await lookup.lookUp('A/C.3/78/L.62');
    assert.ok(!outcome.ok);
    assert.equal(outcome.reason, 'offline');
    assert.match(outcome.message, /^Could not reach the UN Digital Library \(127\.0\.0\.1:\d+: ECONNREFUSED\)\. Are you offline\? Nothing was changed\.$/);
  });

  test('a FIFO planted as a cache file is not waited on: reported, removed, the record fetched again', async (t) => {
    library.mode = 'normal';
    const { lookup, cache, logs } = fresh();
    assert.ok((await lookup.lookUp('A/C.3/78/L.52/Rev.1')).ok);
    const file = cache!.fileOf('A/C.3/78/L.52/Rev.1');
    unlinkSync(file);
    if (spawnSync('mkfifo', [file]).status !== 0) return t.skip('mkfifo is not available');
    // A read that blocks on the FIFO would never end (and hold one of libuv's four threads): after
    // 20 s the test opens it for writing, which lets such a read end, and fails.
    let timer: NodeJS.Timeout | undefined;
    const blocked = new Promise<'blocked'>((resolve) => {
      timer = setTimeout(() => {
        closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
        resolve('blocked');
      }, 20_000);
    });
    const outcome = await Promise.race([lookup.lookUp('A/C.3/78/L.52/Rev.1'), blocked]);
    clearTimeout(timer);
    assert.notEqual(outcome, 'blocked', 'the lookup waited on the FIFO');
    assert.ok(outcome !== 'blocked' && outcome.ok && !outcome.fromCache, failure(outcome as LookupOutcome));
    assert.match(logs.join('\n'), /a FIFO \(named pipe\), not a regular file/);
    assert.ok(lstatSync(file).isFile(), 'the FIFO is replaced by the record fetched again');
  });

  const corruptions: readonly [string, (text: string) => string, RegExp][] = [
    ['truncated', (text) => text.slice(0, text.length / 2), /not valid JSON/],
    ['garbage', () => '\u0000\u0001 not json', /not valid JSON/],
    ['its record altered, the checksum not', (text) => text.replace('Protection of migrants', 'Protection of nobody'), /does not match its checksum/],
    ['another symbol’s answer', (text) => text.replace('"symbol":"A/C.3/78/L.52/Rev.1"', '"symbol":"A/C.3/78/L.47"'), /holds A\/C\.3\/78\/L\.47, not A\/C\.3\/78\/L\.52\/Rev\.1/],
  ];
  for (const [name, corrupt, reported] of corruptions) {
    test(`a corrupt cache file (${name}) is reported, deleted and rebuilt from a new request`, async () => {
      library.mode = 'normal';
      const { lookup, cache, logs } = fresh();
      assert.ok((await lookup.lookUp('A/C.3/78/L.52/Rev.1')).ok);
      const file = cache!.fileOf('A/C.3/78/L.52/Rev.1');
      writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
      const requests = library.requests.length;
      const outcome = await lookup.lookUp('A/C.3/78/L.52/Rev.1');
      assert.ok(outcome.ok && !outcome.fromCache, failure(outcome));
      assert.equal(outcome.record.title, 'Protection of migrants');
      assert.equal(library.requests.length, requests + 1);
      assert.match(logs.join('\n'), reported);
      assert.match(logs.join('\n'), /deleted, the record will be fetched again/);
      const rebuilt = await lookup.lookUp('A/C.3/78/L.52/Rev.1');
      assert.ok(rebuilt.ok && rebuilt.fromCache, 'the rebuilt cache file is used');
    });
  }
});
