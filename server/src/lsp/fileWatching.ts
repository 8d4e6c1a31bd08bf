// Changes to the corpus and registry files on disk. Clients that allow it (and do not watch the
// corpus folders themselves, as VS Code's extension does) are asked to report them through
// dynamically registered watchers, registered again when the folders change; any report reloads
// the corpus (one reload per burst of events).
import { type Connection, DidChangeWatchedFilesNotification, type Disposable } from 'vscode-languageserver/node';
import { corpusWatchers } from '../workspace/corpusWatchers';
import type { Services } from './services';

export class CorpusWatcherRegistration {
  private watchedFolders = '';
  private registration: Promise<Disposable> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly services: Services,
  ) {}

  /** After "initialized", the watchers for the folders a corpus load reads. */
  clientInitialized(): void {
    this.update(this.services.configuration.corpusFolders());
  }

  /** Watchers for these corpus folders (and the configured registry folders), replacing the previous ones. */
  update(folders: string[]): void {
    const dynamicWatchers = this.services.client.dynamicWatchers;
    // Registering is only allowed once the client has said "initialized".
    if (!dynamicWatchers || !this.services.initialized) return;
    const registries = this.services.configuration.registryFolders();
    if (JSON.stringify([folders, registries]) === this.watchedFolders) return;
    this.watchedFolders = JSON.stringify([folders, registries]);
    const previous = this.registration;
    this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: corpusWatchers(folders, dynamicWatchers.relativePatterns, registries) });
    this.services.background('corpus watchers', Promise.all([previous?.then((registration) => registration.dispose()), this.registration]));
  }
}

export function register(connection: Connection, services: Services): void {
  connection.onDidChangeWatchedFiles(() => {
    // A corpus or registry file changed on disk: reload the layers (texts are parsed lazily, so this is cheap).
    services.corpus?.reloadSoon();
  });
}
