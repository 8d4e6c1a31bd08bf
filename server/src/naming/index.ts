// How Compact Drafter names things in what it writes (messages, hovers, completions, fixes), as a UN
// editor would: lists of paragraph numbers. Below rules and features, so both use the same words.

/** "8", "8 and 9", "8, 10 and 12", "89–91". */
export function listLabels(labels: readonly string[], dash = '–'): string {
  const numbers = labels.map(Number);
  const consecutive = labels.length >= 3 && numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1] + 1));
  if (consecutive) return `${labels[0]}${dash}${labels[labels.length - 1]}`;
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** "paragraph 8", "paragraphs 8 and 9". */
export function paragraphWords(labels: readonly string[], dash = '–'): string {
  return `${labels.length > 1 ? 'paragraphs' : 'paragraph'} ${listLabels(labels, dash)}`;
}
