// Loads pdf.js (pdfjs-dist, Mozilla's PDF reader) at run time rather than bundling it.
//
// pdf.js ships as ES modules that find their worker through import.meta.url; esbuild's CommonJS bundles
// (dist/cli.js, dist/server.js) would have to rewrite both, and would carry 1.8 MB that only an import
// needs. The build copies the two minified modules to dist/pdfjs/ instead, and they are imported the
// first time a PDF is read. From the sources (tests, tsx) the same files come from node_modules.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AffineMatrix } from './domMatrix';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsModule> | undefined;

/** The folder holding pdf.min.mjs and pdf.worker.min.mjs: dist/pdfjs beside the bundle, else node_modules. */
function pdfjsFolder(): string {
  const besideBundle = join(__dirname, 'pdfjs');
  if (existsSync(join(besideBundle, 'pdf.min.mjs'))) return besideBundle;
  // Resolved at run time, not by the bundler (the name is a variable for that reason).
  const manifest = 'pdfjs-dist/package.json';
  return join(require.resolve(manifest), '..', 'legacy', 'build');
}

export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const folder = pdfjsFolder();
    const global = globalThis as { DOMMatrix?: unknown };
    global.DOMMatrix ??= AffineMatrix;
    // A variable specifier keeps esbuild from bundling the module.
    const workerUrl = pathToFileURL(join(folder, 'pdf.worker.min.mjs')).href;
    const worker = (await import(workerUrl)) as { WorkerMessageHandler: unknown };
    // pdf.js runs its worker in-process ("fake worker") when it finds it here; no Worker thread, no file URL lookups.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    // Loading, pdf.js looks for the optional @napi-rs/canvas (rendering only) and warns on stderr when
    // it is absent, as in every packaged install: those warnings say nothing to a user importing text.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!/@napi-rs\/canvas|Cannot polyfill/.test(String(args[0]))) warn(...args);
    };
    try {
      return (await import(pathToFileURL(join(folder, 'pdf.min.mjs')).href)) as PdfjsModule;
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}
