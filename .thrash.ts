// Point 12 at its real scale: 5,100 texts through a model cache capped at 5,000 files, two sessions in the same order.
import { mkdtempSync, readdirSync } from 'node:fs';
import { parseDraft } from './server/src/parse';
import { ModelDiskCache } from './server/src/corpus/modelCache';
const dir = mkdtempSync('/tmp/audit17/scr/models-');
const texts = Array.from({ length: 5_100 }, (_, i) => `1. Paragraph ${i} recalls resolution 71/280.\n\n2. Decides ${i}.\n`);
const models = texts.map((t) => parseDraft(t));
const session = () => {
  const cache = new ModelDiskCache(dir, () => {});
  const began = performance.now();
  let misses = 0;
  texts.forEach((text, i) => { if (cache.read(text)) return; misses++; cache.write(text, models[i]!); });
  return `${misses} of ${texts.length} parsed again, ${((performance.now() - began) / 1000).toFixed(1)} s, ${readdirSync(dir).filter((n) => n.endsWith('.model.json')).length} files`;
};
console.log(`first session: ${session()}`);
console.log(`second session: ${session()}`);
