// Builds the bundled registry (server/data/registry.json) from the verified facts in
// ../shared/facts/documents.tsv. The JSON is committed: the extension and CI must not
// depend on the shared folder being present. Run again when the facts change.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'facts', 'documents.tsv');
const target = join(root, 'server', 'data', 'registry.json');

const [header, ...rows] = readFileSync(source, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
const columns = header.split('\t');
const entries = rows.map((line) => {
  const cells = line.split('\t');
  const row = Object.fromEntries(columns.map((name, i) => [name, (cells[i] ?? '').trim()]));
  return toEntry(row);
});
writeFileSync(target, JSON.stringify({ source: 'shared/facts/documents.tsv', documents: entries }, null, 2) + '\n');
console.log(`wrote ${entries.length} documents to ${target}`);

function toEntry(row) {
  const unverified = unverifiedFields(row.confidence);
  const entry = {
    symbol: row.symbol,
    title: row.title.replace(/^\(Security Council resolutions bear no title\) /, ''),
    date: row.date,
    body: row.body,
    kind: row.kind,
  };
  // Security Council resolutions have no title; what the facts give is a description.
  if (row.title.startsWith('(Security Council resolutions bear no title)')) entry.titleIsDescription = true;
  if (row.draft) entry.draft = row.draft;
  if (row.series) entry.series = row.series;
  const aliases = row.aliases ? row.aliases.split(';').map((a) => a.trim()).filter(Boolean) : [];
  if (aliases.length) entry.aliases = aliases;
  if (unverified.length) entry.unverified = unverified;
  entry.confidence = row.confidence;
  if (row.source) entry.source = row.source;
  return entry;
}

// The confidence column is prose ("number and topic verified; date from memory"); the
// fields it does not vouch for must not be shown to users as certain.
function unverifiedFields(confidence) {
  const text = confidence.toLowerCase();
  if (text === 'verified') return [];
  const fields = new Set();
  for (const clause of text.split(/[;,]/)) {
    const doubtful = /not verified|from memory|as usually issued/.test(clause);
    if (!doubtful) continue;
    if (/date|day/.test(clause)) fields.add('date');
    if (/title|topic/.test(clause)) fields.add('title');
    if (/draft/.test(clause)) fields.add('draft');
  }
  // "partly verified" does not say which part: doubt the date, the field most often wrong.
  if (/partly verified/.test(text)) fields.add('date');
  return [...fields];
}
