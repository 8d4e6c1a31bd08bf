// Work on a large draft is written as a generator that yields every so many items: the server's
// rule pass (rules/runner.ts) pauses at each yield to answer other requests, and everything else
// (the CLI, a small draft) runs it to its end at once with runToEnd.

/** A generator of steps run to its end, without pausing: its result. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
