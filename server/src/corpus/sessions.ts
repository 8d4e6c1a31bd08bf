// The General Assembly's sessions in time: the Nth regular session (from the 31st, whose
// resolutions are numbered "31/…") opens in September of 1945+N and closes before the next one
// opens. A resolution "53/9 of 12 July 2023" cannot be the Assembly's 53/9 (adopted in 1998): it is
// another body's (a Human Rights Council or regional commission resolution).
const GA_RESOLUTION = /^A\/RES\/(\d+)\/\d+$/;

/** The session of a General Assembly resolution symbol ("A/RES/78/217" → 78), or undefined. */
export function gaSessionOf(symbol: string): number | undefined {
  const m = GA_RESOLUTION.exec(symbol);
  return m ? Number(m[1]) : undefined;
}

/** Whether a General Assembly resolution could bear this date; other symbols are not checked. */
export function plausibleDate(symbol: string, iso: string): boolean {
  const session = gaSessionOf(symbol);
  if (session === undefined) return true;
  return iso >= `${1945 + session}-09-01` && iso <= `${1946 + session}-09-30`;
}

/** The General Assembly session a document belongs to by its symbol: "A/RES/80/229", "A/C.3/80/L.5", "A/80/L.1", "A/80/534" → 80. */
export function gaSessionOfDocument(symbol: string): number | undefined {
  const m = /^A\/(?:RES\/|C\.\d\/)?(\d{2,3})\//.exec(symbol);
  return m ? Number(m[1]) : undefined;
}

/**
 * Whether a date lies more than a year outside the session of a General Assembly resolution: then
 * the citation names another body's resolution of that number ("resolution 79/8 of 19 May 2023",
 * a regional commission's), not a wrong date of the Assembly's (a wrong year, "71/280 of 6 April
 * 2016", stays within a year of the session).
 */
export function anotherBodysDate(symbol: string, iso: string): boolean {
  const session = gaSessionOf(symbol);
  if (session === undefined) return false;
  return iso < `${1944 + session}-09-01` || iso > `${1947 + session}-09-30`;
}

/**
 * Whether a citation names a part other than the first ("68/247 B"): resolutions adopted in parts
 * (budget and disarmament resolutions) adopt the later ones on dates of their own, and the date
 * a registry keeps is the first part's.
 */
export function laterPart(parts: readonly string[] | undefined): boolean {
  return !!parts?.some((part) => part !== 'A');
}
