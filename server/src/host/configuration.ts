// The configuration store: the one reader of the client's settings (the initialization options at
// start-up, workspace/didChangeConfiguration after), the one place their problems are logged, and
// the folders they name, resolved against the workspace and dropped in Restricted Mode.
import { isAbsolute, join } from 'node:path';
import { readSettings, type ServerSettings } from '../settings';

export interface SettingsChange {
  readonly settings: ServerSettings;
  /** The corpus or registry folders changed: the corpus must be loaded again. */
  readonly corpusChanged: boolean;
}

export class ConfigurationStore {
  private current: ServerSettings = readSettings(undefined);
  /** False in VS Code's Restricted Mode: the workspace's corpus and registry folders are not read. */
  private trustedWorkspace = true;
  private folders: string[] = [];

  constructor(private readonly warn: (message: string) => void) {}

  get settings(): ServerSettings {
    return this.current;
  }

  get trusted(): boolean {
    return this.trustedWorkspace;
  }

  /** The workspace folders, as paths. */
  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** At `initialize`: the client's settings and workspace, read as any later change is. */
  initialize(raw: unknown, workspace: { readonly trusted: boolean; readonly folders: readonly string[] }): void {
    this.trustedWorkspace = workspace.trusted;
    this.folders = [...workspace.folders];
    this.current = this.read(raw);
  }

  /** A later `compactDrafter` section; undefined when it changes nothing. */
  update(raw: unknown): SettingsChange | undefined {
    const next = this.read(raw);
    if (JSON.stringify(next) === JSON.stringify(this.current)) return undefined;
    const corpusChanged = JSON.stringify([next.corpus, next.registry]) !== JSON.stringify([this.current.corpus, this.current.registry]);
    this.current = next;
    return { settings: next, corpusChanged };
  }

  /** The corpus folders of every workspace folder; none in Restricted Mode. */
  corpusFolders(): string[] {
    return this.resolved(this.current.corpus.paths);
  }

  /** The registry folders of every workspace folder; none in Restricted Mode, as the corpus folders. */
  registryFolders(): string[] {
    return this.resolved(this.current.registry.paths);
  }

  private resolved(paths: readonly string[]): string[] {
    return this.trustedWorkspace ? this.folders.flatMap((root) => paths.map((p) => (isAbsolute(p) ? p : join(root, p)))) : [];
  }

  private read(raw: unknown): ServerSettings {
    const settings = readSettings(raw);
    for (const problem of settings.problems) this.warn(`settings: ${problem}`);
    return settings;
  }
}
