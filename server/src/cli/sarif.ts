import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Rule, Severity } from '../rules/rule';
import type { FileReport } from './checkCommand';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, for code-scanning dashboards. Lines and columns are 1-based there. */
export function toSarif(reports: readonly FileReport[], rules: readonly Rule[], version: string): object {
  const region = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'compact-drafter',
            version,
            informationUri: 'https://github.com/compact-drafter/compact-drafter',
            rules: rules.map((rule) => ({
              id: rule.code,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        results: reports.flatMap((report) => {
          const uri = pathToFileURL(resolve(report.file)).href;
          return report.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: rules.findIndex((r) => r.code === d.code),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(d.range) } }],
            ...(d.fixes.length
              ? {
                  fixes: d.fixes.map((fix) => ({
                    description: { text: fix.title },
                    artifactChanges: [
                      {
                        artifactLocation: { uri },
                        replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
                      },
                    ],
                  })),
                }
              : {}),
          }));
        }),
      },
    ],
  };
}
