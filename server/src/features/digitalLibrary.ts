import { isAbsolute, join, relative } from 'node:path';
import { type Connection, type Disposable, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { addToRegistryFile, LOOKUPS_FILE } from '../corpus';
import { importLibraryExport } from '../corpus/undl/importExport';
import { DigitalLibraryLookup } from '../corpus/undl/lookup';
import { LookupCache } from '../corpus/undl/lookupCache';
import { CLIENT_IMPORT_COMMAND, IMPORT_EXPORT_COMMAND, LOOK_UP_COMMAND } from '../protocol';
import type { ActionCommands } from './diagnostics';

/**
 * The UN Digital Library in the editor: two server commands behind the unknown-document quick
 * fixes. "Look up … in the UN Digital Library" fetches that one record (only when the user turned
 * `compactDrafter.onlineLookup.enabled` on: the Library's terms forbid automated bulk download, so
 * nothing is ever looked up that the user did not ask for); "Import a UN Digital Library export…"
 * (the client picks the file) reads a MARCXML export. Either writes into the workspace's first
 * registry folder and reloads, so the citation resolves. Neither runs in Restricted Mode.
 */
export { CLIENT_IMPORT_COMMAND, IMPORT_EXPORT_COMMAND, LOOK_UP_COMMAND };

export interface CommandResult {
  readonly ok: boolean;
  readonly message: string;
}

export interface DigitalLibraryContext {
  readonly onlineLookupEnabled: () => boolean;
  readonly trusted: () => boolean;
  /** Where imported and looked-up records go: the first registry folder of the first workspace folder. */
  readonly registryFolder: () => string | undefined;
  readonly workspaceRoot: () => string | undefined;
  /** Reloads the corpus (and revalidates the drafts) after the registry changed. */
  readonly reload: () => Promise<unknown>;
  readonly cacheDir?: string;
  readonly log: (message: string) => void;
  /** The commands the client said it has (InitializationOptions.clientCommands). */
  readonly clientCommands: readonly string[];
}

export interface DigitalLibrarySupport extends Disposable {
  readonly commands: readonly string[];
  /** The commands the unknown-document quick fixes may use now. */
  actionCommands(): ActionCommands;
}

export function registerDigitalLibrarySupport(connection: Connection, context: DigitalLibraryContext): DigitalLibrarySupport {
  let lookup: DigitalLibraryLookup | undefined;
  const shown = (path: string) => {
    const root = context.workspaceRoot();
    return root && !relative(root, path).startsWith('..') && !isAbsolute(relative(root, path)) ? relative(root, path) : path;
  };
  const refuse = (): CommandResult | undefined => {
    if (!context.trusted()) return { ok: false, message: 'This workspace is in Restricted Mode: Compact Drafter does not write records into it. Trust the workspace first.' };
    if (!context.registryFolder()) return { ok: false, message: 'Open a folder first: records are kept in its .compact-drafter/registry.' };
    return undefined;
  };

  const lookUp = async (symbol: unknown): Promise<CommandResult> => {
    if (!context.onlineLookupEnabled()) return { ok: false, message: 'Online lookup is off. Turn on the setting compactDrafter.onlineLookup.enabled to look documents up in the UN Digital Library, one at a time.' };
    if (typeof symbol !== 'string') return { ok: false, message: 'No document symbol was given to look up.' };
    const refused = refuse();
    if (refused) return refused;
    lookup ??= new DigitalLibraryLookup({ cache: context.cacheDir ? new LookupCache(join(context.cacheDir, 'digital-library'), context.log) : undefined });
    context.log(`Digital Library: looking up ${symbol} (${lookup.baseUrl})`);
    const outcome = await lookup.lookUp(symbol);
    if (!outcome.ok) return { ok: false, message: outcome.message };
    const file = join(context.registryFolder()!, LOOKUPS_FILE);
    await addToRegistryFile(file, outcome.entries, 'UN Digital Library lookups');
    await context.reload();
    const { record } = outcome;
    return { ok: true, message: `${record.symbol} found in the UN Digital Library (record ${record.id ?? '?'}): “${record.title ?? 'no title'}”${record.date ? `, ${record.date}` : ''}. Kept in ${shown(file)}.` };
  };

  const importExport = async (file: unknown): Promise<CommandResult> => {
    if (typeof file !== 'string' || !isAbsolute(file)) return { ok: false, message: 'No export file was given to import.' };
    const refused = refuse();
    if (refused) return refused;
    let result;
    try {
      result = await importLibraryExport(file, context.registryFolder()!);
    } catch (error) {
      return { ok: false, message: `${file} could not be read: ${(error as Error).message}` };
    }
    for (const problem of result.problems) context.log(`Digital Library import: ${file}: ${problem.position ? `record ${problem.position}${problem.id ? ` (${problem.id})` : ''}` : 'file'}: ${problem.message}`);
    if (!result.written) return { ok: false, message: `Nothing imported from ${file}: ${result.problems[0]?.message ?? 'no records'}.` };
    await context.reload();
    const skipped = result.records - result.imported.length;
    return {
      ok: true,
      message: `${result.imported.length} of ${result.records} UN Digital Library records imported into ${shown(result.written)}${skipped ? `; ${skipped} could not be read (see the Compact Drafter output)` : ''}.`,
    };
  };

  const disposable = connection.onExecuteCommand(async (params) => {
    const run = params.command === LOOK_UP_COMMAND ? lookUp : params.command === IMPORT_EXPORT_COMMAND ? importExport : undefined;
    if (!run) return undefined;
    let result: CommandResult;
    try {
      result = await run(params.arguments?.[0]);
    } catch (error) {
      context.log(`${params.command} failed: ${(error as Error).stack ?? error}`);
      result = { ok: false, message: `The Digital Library command failed: ${(error as Error).message}` };
    }
    // A notification, not a request: nothing waits for the user to dismiss it.
    void connection.sendNotification(ShowMessageNotification.type, { type: result.ok ? MessageType.Info : MessageType.Warning, message: result.message }).catch(() => {});
    return result;
  });

  return {
    commands: [LOOK_UP_COMMAND, IMPORT_EXPORT_COMMAND],
    actionCommands: () => ({
      lookUp: context.onlineLookupEnabled() && context.trusted() ? LOOK_UP_COMMAND : undefined,
      importLibraryExport: context.trusted() && context.clientCommands.includes(CLIENT_IMPORT_COMMAND) ? CLIENT_IMPORT_COMMAND : undefined,
    }),
    dispose: () => disposable.dispose(),
  };
}
