// Words that change the force of a paragraph without changing its opening verb, as data in one place.
// The opening verbs and their exhortation scale are not repeated here: they live in
// language/openings.ts and force.ts reads them from there.

/**
 * Qualifiers that soften an obligation or an exhortation: adding one weakens the paragraph, removing
 * one strengthens it. Written lower case, as they appear inside a sentence; matched on whole words,
 * any spacing. The list follows the hedges negotiators add most often in GA and GCM texts.
 */
export const QUALIFIERS: readonly string[] = [
  'as appropriate',
  'where appropriate',
  'when appropriate',
  'if appropriate',
  'where applicable',
  'as applicable',
  'as necessary',
  'where necessary',
  'as needed',
  'where possible',
  'wherever possible',
  'as far as possible',
  'to the extent possible',
  'to the extent feasible',
  'where feasible',
  'in accordance with national legislation',
  'in accordance with national laws',
  'in accordance with national law',
  'in accordance with domestic law',
  'consistent with national legislation',
  'in accordance with national priorities',
  'in line with national priorities',
  'taking into account national realities, capacities and levels of development',
  'taking into account different national realities, capacities and levels of development',
  'respecting national policies and priorities',
  'within existing resources',
  'within available resources',
  'subject to the availability of resources',
  'in a position to do so',
  'on a voluntary basis',
];

/**
 * Scales of modal and commitment words, weakest first. A word replaced by a stronger one of the
 * same scale strengthens the paragraph ("should" → "shall"), by a weaker one weakens it.
 */
export const MODAL_SCALES: readonly (readonly string[])[] = [
  ['may', 'should', 'shall'],
  ['may', 'will'],
  ['consider', 'commit'],
  ['considering', 'committing'],
];
