// Characters that change what a reader sees without being seen: bidi controls (an RLO in a
// corpus title reverses the rest of the hover line, "Trojan Source"), zero-width spaces and
// joiners, the word joiner, a stray byte-order mark, the soft hyphen. Corpus text is untrusted,
// so everything shown to the drafter (hover, completion, workspace symbols, rule messages and fix
// titles in the editor and in check, what refs prints) is passed through
// visibleText; a symbol in a draft written with them, or with look-alike letters, is a
// malformed-symbol warning (references/lookalikes.ts).

/** Bidi embeddings, overrides and isolates, and the directional marks. */
const BIDI_CONTROLS = '\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c';
/** Zero-width space, non-joiner, joiner; word joiner and invisible operators; BOM; Mongolian vowel separator; soft hyphen. */
const ZERO_WIDTH = '\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad';

export const INVISIBLE_CHARACTER = new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}]`);
const INVISIBLE_CHARACTERS = new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}]`, 'g');

/** The text without its invisible characters: what is shown is what is there. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '');
}

/** "U+200B", for messages that name an invisible character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
