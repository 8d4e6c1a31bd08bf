// Team texts as files, for editors other than VS Code. A team text has no file on the drafter's
// machine: VS Code's extension shows `compact-drafter-team:` URIs itself (it asks for their text,
// compactDrafter/corpusText, and says so with the initialization option teamTextScheme), but Neovim,
// Emacs and the others can only open a file. For them go to definition, workspace symbols and the
// reused-passage list point at a read-only copy under the cache folder, <cacheDir>/team/<path it was
// pushed as>, written when first pointed at and written again when the team's text changed (a push:
// the team layer fetches the text anew). The copy is a view, not a source: the corpus never reads it.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { TEAM_SCHEME } from '../../protocol';

export class TeamTextFiles {
  constructor(
    /** <cacheDir>/team; undefined without a cache folder (then the team URI is given as it is). */
    private readonly dir: string | undefined,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** The file holding this team text's copy, or undefined for a URI that is not a team text's. */
  pathOf(teamUri: string): string | undefined {
    const prefix = `${TEAM_SCHEME}:/`;
    if (!this.dir || !teamUri.startsWith(prefix)) return undefined;
    // The path it was pushed as, inside the folder: no "..", no separators or odd characters in a segment.
    const segments = teamUri
      .slice(prefix.length)
      .split('/')
      .map((segment) => safeDecode(segment).replace(/[^\p{L}\p{N} ._()-]/gu, '_'))
      .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
    return segments.length ? join(this.dir, ...segments) : undefined;
  }

  /**
   * The file:// URI of the read-only copy of a team text, written now unless it holds this text
   * already; undefined when there is no cache folder or the copy cannot be written (said in the log).
   */
  fileUri(teamUri: string, text: string): string | undefined {
    const path = this.pathOf(teamUri);
    if (!path) return undefined;
    try {
      if (readIfThere(path) !== text) {
        mkdirSync(dirname(path), { recursive: true });
        // Written beside it and renamed over it: an editor that has the old copy open never reads half a text.
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, text, { mode: 0o444 });
        chmodSync(temporary, 0o444);
        renameSync(temporary, path);
      }
      return URI.file(path).toString();
    } catch (error) {
      this.log(`team corpus: a read-only copy of ${teamUri} could not be written in ${this.dir}${sep}: ${(error as Error).message}`);
      return undefined;
    }
  }
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
