/**
 * Text encoded twice: UTF-8 bytes read as Latin-1 (or Windows-1252) and encoded again, so "Türkiye"
 * arrives as "TÃ¼rkiye" and "Français" as "FranÃ§ais". The real Digital Library export in
 * shared/un-documents/undl has this in 245 $c (sponsors) and 856 $y (language labels).
 *
 * Repaired only where the repair is certain: every character maps back to one byte, and those bytes
 * are valid UTF-8 with at least one multi-byte sequence. Correct text with an accented letter
 * ("Côte d'Ivoire": ô followed by a plain t) is not valid UTF-8 as bytes, so it is left alone.
 */

/** Windows-1252's characters in 0x80–0x9F, where Latin-1 has control characters. */
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** A lead byte of a multi-byte UTF-8 sequence (as a Latin-1 character) followed by a continuation byte. */
const LOOKS_DOUBLE_ENCODED = /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function repairDoubleEncoding(text: string): string {
  if (!LOOKS_DOUBLE_ENCODED.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : CP1252[text[i]];
    if (byte === undefined) return text;
    bytes[i] = byte;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}
