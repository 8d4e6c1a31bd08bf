import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticsScheduler, VALIDATION_DELAY_MS, type Clock } from './diagnosticsScheduler';

/** A clock that moves only when told to. */
class FakeClock implements Clock {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private next = 0;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }
  advance(ms: number): void {
    this.now += ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= this.now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      this.timers = this.timers.filter((timer) => timer !== due);
      due.callback();
    }
  }
}

function scheduler(clock: FakeClock) {
  const validated: string[] = [];
  let refreshes = 0;
  const s = new DiagnosticsScheduler({
    validate: async (uri) => void validated.push(uri),
    refresh: () => void refreshes++,
    onError: (error) => assert.fail(String(error)),
    clock,
  });
  return { s, validated, refreshes: () => refreshes };
}

describe('DiagnosticsScheduler', () => {
  test('push: typing within the debounce validates once, after the last edit', () => {
    const clock = new FakeClock();
    const { s, validated } = scheduler(clock);
    s.schedule('file:///a.md');
    clock.advance(VALIDATION_DELAY_MS - 1);
    s.schedule('file:///a.md');
    clock.advance(VALIDATION_DELAY_MS - 1);
    assert.deepEqual(validated, []);
    assert.equal(s.waiting, true);
    clock.advance(1);
    assert.deepEqual(validated, ['file:///a.md']);
    assert.equal(s.waiting, false);
  });

  test('push: a corpus change validates every open document at once; a closed one is dropped', () => {
    const clock = new FakeClock();
    const { s, validated } = scheduler(clock);
    s.schedule('file:///closed.md');
    s.cancel('file:///closed.md');
    s.revalidate(['file:///a.md', 'file:///b.md']);
    clock.advance(0);
    assert.deepEqual(validated, ['file:///a.md', 'file:///b.md']);
    clock.advance(VALIDATION_DELAY_MS);
    assert.deepEqual(validated, ['file:///a.md', 'file:///b.md']);
  });

  test('pull: nothing is scheduled; a change tells the client to pull again', () => {
    const clock = new FakeClock();
    const { s, validated, refreshes } = scheduler(clock);
    s.pull = true;
    s.schedule('file:///a.md', 0);
    s.revalidate(['file:///a.md']);
    clock.advance(1000);
    assert.deepEqual(validated, []);
    assert.equal(refreshes(), 1);
  });
});
