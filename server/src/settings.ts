import { DEFAULT_REGISTRY_PATH } from './corpus/userRegistry';
import { ALL_RULES } from './rules';
import type { ReuseSettings } from './reuse/service';
import { readReuseThresholds } from './reuse/thresholds';
import type { StoreMode } from './store/reuseStore';
import { readDiagnosticsConfig, type DiagnosticsConfig } from './rules/config';

/** About 1 MB: remark parses ~1 MB/s here, so a larger draft would hold its first analysis for seconds. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 1_000_000;

/** The server's settings, from the client's `compactDrafter` section (or an LSP client's initializationOptions). */
export interface ServerSettings {
  corpus: {
    /** Folders of the user's own corpus, relative to each workspace folder (or absolute). */
    paths: string[];
    /** The team corpus on PostgreSQL ("postgres://user@host:port/database", "service=NAME"); "" for none. */
    server: string;
    /** Where the reuse index lives: in memory, in the embedded store, or (auto) the store for large corpora. */
    store: StoreMode;
    /** The folder of the embedded store's files; empty: the cache folder (the extension's global storage). */
    storePath: string;
  };
  registry: {
    /** Folders of the user's registry files (Digital Library imports, lookups), relative to each workspace folder (or absolute). */
    paths: string[];
  };
  /** Looking a document up in the UN Digital Library when the user asks: off unless turned on. */
  onlineLookup: { enabled: boolean };
  diagnostics: DiagnosticsConfig;
  drafts: {
    /** Globs (relative to each workspace folder, or absolute) of files checked as drafts whatever their text says. */
    include: string[];
  };
  /** Drafts longer than this (in characters) are read as plain lines: parsing them whole would stall the server. */
  maxDocumentSize: number;
  /** When a passage counts as reused agreed language. */
  reuse: ReuseSettings;
  /** How citations are written (compactDrafter.citation.form): completion adds the date in the 'long' form. */
  citationForm: 'long' | 'short' | 'full-symbol';
  /** Problems in the settings themselves, reported in the log. */
  problems: string[];
}

/** Takes what the client sent, keeping defaults for anything missing or of the wrong type. */
export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as {
    corpus?: { paths?: unknown; server?: unknown; store?: unknown; storePath?: unknown };
    registry?: { paths?: unknown };
    onlineLookup?: { enabled?: unknown };
    diagnostics?: unknown;
    drafts?: { include?: unknown };
    citation?: { form?: unknown };
    houseStyle?: unknown;
    maxDocumentSize?: unknown;
    reuse?: { minWords?: unknown; minSimilarity?: unknown };
  };
  const max = section.maxDocumentSize;
  const paths = section.corpus?.paths;
  const registryPaths = section.registry?.paths;
  const include = section.drafts?.include;
  const { config, problems: ruleProblems } = readDiagnosticsConfig({ diagnostics: section.diagnostics, houseStyle: section.houseStyle }, ALL_RULES.map((r) => r.code));
  const reuse = readReuseThresholds(section.reuse ?? {});
  const problems = [
    ...ruleProblems,
    ...reuse.problems.map(({ threshold, value, must }) => `reuse.${threshold} must be ${must}, not ${JSON.stringify(value) ?? String(value)}; ${reuse.settings[threshold]} is used`),
  ];
  return {
    corpus: {
      paths: Array.isArray(paths) && paths.every((p) => typeof p === 'string') ? paths : ['corpus'],
      server: typeof section.corpus?.server === 'string' ? section.corpus.server.trim() : '',
      store: section.corpus?.store === 'embedded' || section.corpus?.store === 'memory' ? section.corpus.store : 'auto',
      storePath: typeof section.corpus?.storePath === 'string' ? section.corpus.storePath : '',
    },
    registry: { paths: Array.isArray(registryPaths) && registryPaths.every((p) => typeof p === 'string') ? registryPaths : [DEFAULT_REGISTRY_PATH] },
    onlineLookup: { enabled: section.onlineLookup?.enabled === true },
    diagnostics: config,
    drafts: { include: Array.isArray(include) ? include.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '') : [] },
    citationForm: section.citation?.form === 'short' || section.citation?.form === 'full-symbol' ? section.citation.form : 'long',
    maxDocumentSize: typeof max === 'number' && max > 0 ? max : DEFAULT_MAX_DOCUMENT_SIZE,
    reuse: reuse.settings,
    problems,
  };
}
