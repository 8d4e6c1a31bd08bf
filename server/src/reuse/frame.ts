// Restoring agreed wording puts the source's words into the draft's sentence, not the source's
// sentence into the draft. A passage lifted from the middle of a draft sentence ("*Notes* that,
// owing to …") must not come back with the source's capital ("Owing to …", where the source's
// sentence began), and a preambular paragraph's closing comma must not become the report's full stop.
//
// The frame is the draft passage's first letter (its case) and its closing punctuation; the words
// in between are the source's, as adopted.

const CLOSING = /[.,;:]+$/;

/** The source text, with the draft passage's initial case and closing punctuation. */
export function fitToDraftFrame(draftPassage: string, sourceText: string): string {
  let text = sourceText;
  text = withInitialCaseOf(draftPassage, text);
  const draftClosing = CLOSING.exec(draftPassage.trimEnd())?.[0] ?? '';
  const sourceClosing = CLOSING.exec(text.trimEnd())?.[0] ?? '';
  if (draftClosing !== sourceClosing) text = text.trimEnd().slice(0, text.trimEnd().length - sourceClosing.length) + draftClosing;
  return text;
}

/**
 * "Owing" → "owing" where the draft wrote its first word in lower case, and the reverse; a first
 * word the source writes in capitals throughout ("UNHCR", "States" is not one) keeps its case, as
 * does a proper name the draft itself wrote in capitals.
 */
function withInitialCaseOf(draftPassage: string, sourceText: string): string {
  const draftFirst = /\p{L}/u.exec(draftPassage);
  const sourceWord = /\p{L}[\p{L}\p{N}'’-]*/u.exec(sourceText);
  if (!draftFirst || !sourceWord) return sourceText;
  const word = sourceWord[0];
  const draftLower = draftFirst[0] !== draftFirst[0].toUpperCase();
  const sourceUpper = word[0] !== word[0].toLowerCase();
  // An acronym or a word with capitals inside ("UNHCR", "McDonald") is a name: left as the source has it.
  if (word.length > 1 && /\p{Lu}/u.test(word.slice(1))) return sourceText;
  let fitted = word;
  if (draftLower && sourceUpper) fitted = word[0].toLowerCase() + word.slice(1);
  else if (!draftLower && !sourceUpper) fitted = word[0].toUpperCase() + word.slice(1);
  return sourceText.slice(0, sourceWord.index) + fitted + sourceText.slice(sourceWord.index + word.length);
}
