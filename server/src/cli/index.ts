// Entry of the CLI bundle (dist/cli.js).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`compact-drafter: internal error: ${(error as Error).stack ?? error}`);
    process.exitCode = 3;
  },
);
