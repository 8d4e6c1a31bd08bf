// Entry of dist/import.js, the importer the VS Code extension runs in a child process (the CLI bundle
// is not packaged): the arguments of `compact-drafter import`, answers as JSON on stdout.
import { importCommand } from '../cli/importCommand';

importCommand(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }, process.cwd()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`compact-drafter import: internal error: ${(error as Error).stack ?? error}`);
    process.exitCode = 3;
  },
);
