/** The server's settings, from the client's `compactDrafter` section (or an LSP client's initializationOptions). */
export interface ServerSettings {
  corpus: {
    /** Folders of the user's own corpus, relative to each workspace folder (or absolute). */
    paths: string[];
  };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  corpus: { paths: ['corpus'] },
};

/** Takes what the client sent, keeping defaults for anything missing or of the wrong type. */
export function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as { corpus?: { paths?: unknown } };
  const paths = section.corpus?.paths;
  return {
    corpus: {
      paths: Array.isArray(paths) && paths.every((p) => typeof p === 'string') ? paths : DEFAULT_SETTINGS.corpus.paths,
    },
  };
}
