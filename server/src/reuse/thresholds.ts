// When a passage counts as reused agreed language: the two thresholds, read by one rule for the
// server's settings (compactDrafter.reuse.minWords / minSimilarity) and the CLI's options
// (--min-words / --min-similarity), so that neither takes a value the other refuses. A refused
// value keeps the default and is reported with the rule it breaks.
import { DEFAULT_REUSE_SETTINGS, type ReuseSettings } from './service';

/** Fingerprints are word 5-grams: a shorter passage could never be found. */
export const MIN_REUSE_WORDS = 5;

export interface ThresholdProblem {
  readonly threshold: keyof ReuseSettings;
  readonly value: unknown;
  /** What the value must be, in words: "a whole number of at least 5". */
  readonly must: string;
}

const RULES: Record<keyof ReuseSettings, { readonly must: string; readonly holds: (value: unknown) => value is number }> = {
  minWords: {
    must: `a whole number of at least ${MIN_REUSE_WORDS}`,
    holds: (value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= MIN_REUSE_WORDS,
  },
  minSimilarity: {
    must: 'a number above 0 and at most 1',
    holds: (value): value is number => typeof value === 'number' && value > 0 && value <= 1,
  },
};

/** The thresholds given (undefined: the default), each checked against its rule. */
export function readReuseThresholds(given: { readonly minWords?: unknown; readonly minSimilarity?: unknown }): { settings: ReuseSettings; problems: ThresholdProblem[] } {
  const problems: ThresholdProblem[] = [];
  const read = (threshold: keyof ReuseSettings): number => {
    const value = given[threshold];
    if (value === undefined) return DEFAULT_REUSE_SETTINGS[threshold];
    if (RULES[threshold].holds(value)) return value;
    problems.push({ threshold, value, must: RULES[threshold].must });
    return DEFAULT_REUSE_SETTINGS[threshold];
  };
  const minWords = read('minWords');
  const minSimilarity = read('minSimilarity');
  return { settings: { minWords, minSimilarity }, problems };
}
