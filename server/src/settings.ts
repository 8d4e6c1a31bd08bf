import { ALL_RULES } from './rules';
import { readDiagnosticsConfig, type DiagnosticsConfig } from './rules/config';

/** The server's settings, from the client's `compactDrafter` section (or an LSP client's initializationOptions). */
export interface ServerSettings {
  corpus: {
    /** Folders of the user's own corpus, relative to each workspace folder (or absolute). */
    paths: string[];
  };
  diagnostics: DiagnosticsConfig;
  /** Problems in the settings themselves, reported in the log. */
  problems: string[];
}

/** Takes what the client sent, keeping defaults for anything missing or of the wrong type. */
export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as { corpus?: { paths?: unknown }; diagnostics?: unknown; houseStyle?: unknown };
  const paths = section.corpus?.paths;
  const { config, problems } = readDiagnosticsConfig({ diagnostics: section.diagnostics, houseStyle: section.houseStyle }, ALL_RULES.map((r) => r.code));
  return {
    corpus: { paths: Array.isArray(paths) && paths.every((p) => typeof p === 'string') ? paths : ['corpus'] },
    diagnostics: config,
    problems,
  };
}
