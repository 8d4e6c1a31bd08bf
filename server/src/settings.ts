import { ALL_RULES } from './rules';
import { readDiagnosticsConfig, type DiagnosticsConfig } from './rules/config';

/** About 3 MB: remark parses ~1 MB/s here, so a larger draft would hold every request for seconds. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 1_000_000;

/** The server's settings, from the client's `compactDrafter` section (or an LSP client's initializationOptions). */
export interface ServerSettings {
  corpus: {
    /** Folders of the user's own corpus, relative to each workspace folder (or absolute). */
    paths: string[];
  };
  diagnostics: DiagnosticsConfig;
  /** Drafts longer than this (in characters) are not analysed: parsing them whole would stall the server. */
  maxDocumentSize: number;
  /** Problems in the settings themselves, reported in the log. */
  problems: string[];
}

/** Takes what the client sent, keeping defaults for anything missing or of the wrong type. */
export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as { corpus?: { paths?: unknown }; diagnostics?: unknown; houseStyle?: unknown; maxDocumentSize?: unknown };
  const max = section.maxDocumentSize;
  const paths = section.corpus?.paths;
  const { config, problems } = readDiagnosticsConfig({ diagnostics: section.diagnostics, houseStyle: section.houseStyle }, ALL_RULES.map((r) => r.code));
  return {
    corpus: { paths: Array.isArray(paths) && paths.every((p) => typeof p === 'string') ? paths : ['corpus'] },
    diagnostics: config,
    maxDocumentSize: typeof max === 'number' && max > 0 ? max : DEFAULT_MAX_DOCUMENT_SIZE,
    problems,
  };
}
