// The openings of resolution paragraphs, as data. A General Assembly resolution is one sentence:
// "The General Assembly," then preambular paragraphs opened by a participle or adjective in italics
// ("*Recalling* …,") and numbered operative paragraphs opened by a verb in the third person
// ("1. *Urges* …;"). Which verb opens a paragraph is what negotiators fight over, so each opening
// carries a short note on its force: who it addresses and how hard it presses. The notes state the
// settled conventions of UN drafting (the exhortation scale invites < encourages < calls upon <
// urges < demands), not the legal effect of any one text.

export type OpeningPart = 'preambular' | 'operative';

export interface Opening {
  /** As it opens a paragraph: "Recalling", "Calls upon", "Noting with concern". */
  readonly phrase: string;
  readonly part: OpeningPart;
  /** Its force in one or two sentences: what it does, how strong it is, compared with its neighbours. */
  readonly note: string;
  /** Who the paragraph speaks to, where the verb implies it. */
  readonly addresses?: string;
  /**
   * Place on the scale of exhortation (operative verbs that ask someone else to act):
   * 1 invites, 2 encourages, 3 calls upon, 4 urges, 5 demands.
   */
  readonly exhortation?: number;
}

/** Words that may follow an opening without changing its force: "*Recalling also*", "*Requests further*". */
export const TRAILING_MODIFIERS: readonly string[] = ['once again', 'also', 'further', 'again', 'moreover'];

/** Words that may come before an operative verb: "*Also requests*", "*Further decides*", "*Once again urges*". */
export const LEADING_MODIFIERS: readonly string[] = ['Once again', 'Also', 'Further', 'Again'];

export const PREAMBULAR_OPENINGS: readonly Opening[] = [
  {
    phrase: 'Recalling',
    part: 'preambular',
    note: 'Refers back to earlier texts (“its resolution 71/1”, the Charter) without restating them: neutral, it neither strengthens nor reopens what is recalled. Successive paragraphs read “Recalling also”, “Recalling further”.',
  },
  {
    phrase: 'Reaffirming',
    part: 'preambular',
    note: 'Restates a commitment or principle already agreed and keeps it in force: stronger than “Recalling”, which only refers to it. Used for agreed language that delegations want repeated, not reopened.',
  },
  {
    phrase: 'Reiterating',
    part: 'preambular',
    note: 'Repeats an earlier call or position, usually one not yet acted upon: stresses continuity more than “Recalling”.',
  },
  {
    phrase: 'Affirming',
    part: 'preambular',
    note: 'Declares a position or principle as the body’s own; unlike “Reaffirming”, it need not have been agreed before.',
  },
  {
    phrase: 'Noting with concern',
    part: 'preambular',
    note: 'Flags a problem without blaming anyone: milder than “Deeply concerned” or “Alarmed”.',
  },
  {
    phrase: 'Noting with appreciation',
    part: 'preambular',
    note: 'Acknowledges efforts or a report with thanks: warmer than “Noting”, short of endorsing its content.',
  },
  {
    phrase: 'Noting',
    part: 'preambular',
    note: 'Takes neutral notice of a fact or a development, with no judgement on it.',
  },
  {
    phrase: 'Taking note',
    part: 'preambular',
    note: 'Acknowledges that a document or event exists (“Taking note of the report …”) without approving its content: the neutral choice when there is no consensus to welcome it.',
  },
  {
    phrase: 'Welcoming',
    part: 'preambular',
    note: 'Approves of an event, report or initiative: warmer than “Taking note”, but it does not make every element of it the body’s own (the operative “Endorses” does that).',
  },
  {
    phrase: 'Acknowledging',
    part: 'preambular',
    note: 'Accepts a fact or a contribution as true or valid, without praising it.',
  },
  {
    phrase: 'Recognizing',
    part: 'preambular',
    note: 'Accepts a fact, principle or right as established (“Recognizing that …”); firmer than “Acknowledging”.',
  },
  {
    phrase: 'Bearing in mind',
    part: 'preambular',
    note: 'Keeps a consideration in view as background for the operative part; no judgement on it.',
  },
  {
    phrase: 'Mindful',
    part: 'preambular',
    note: 'The body has a responsibility or sensitivity in mind (“Mindful of …”); the same force as “Bearing in mind”.',
  },
  {
    phrase: 'Taking into account',
    part: 'preambular',
    note: 'Names a circumstance or text the operative part responds to.',
  },
  {
    phrase: 'Considering',
    part: 'preambular',
    note: 'Gives a reason for what follows (“Considering that …”).',
  },
  {
    phrase: 'Having considered',
    part: 'preambular',
    note: 'Records that the body has examined a report or item, typically before it “Takes note” or “Decides” on it.',
  },
  {
    phrase: 'Guided by',
    part: 'preambular',
    note: 'Names the framework the text rests on: the purposes and principles of the Charter, the Universal Declaration of Human Rights.',
  },
  {
    phrase: 'Emphasizing',
    part: 'preambular',
    note: 'Gives a point weight without addressing anyone; used interchangeably with “Stressing” and “Underlining”.',
  },
  {
    phrase: 'Stressing',
    part: 'preambular',
    note: 'Gives a point weight without addressing anyone; used interchangeably with “Emphasizing”.',
  },
  {
    phrase: 'Underlining',
    part: 'preambular',
    note: 'Gives a point weight without addressing anyone; used interchangeably with “Emphasizing” and “Stressing”.',
  },
  {
    phrase: 'Deeply concerned',
    part: 'preambular',
    note: 'Strong concern: stronger than “Noting with concern”, short of “Alarmed”.',
  },
  {
    phrase: 'Expressing concern',
    part: 'preambular',
    note: 'States the body’s concern openly: stronger than “Noting with concern”, milder than “Deeply concerned”.',
  },
  {
    phrase: 'Alarmed',
    part: 'preambular',
    note: 'The strongest of the concern family (“Alarmed by …”): signals an urgent or worsening situation.',
  },
  {
    phrase: 'Convinced',
    part: 'preambular',
    note: 'States the conviction that motivates the operative part (“Convinced that …”).',
  },
  {
    phrase: 'Determined',
    part: 'preambular',
    note: 'Expresses resolve to act (“Determined to …”); commits no one to a particular measure.',
  },
];

export const OPERATIVE_OPENINGS: readonly Opening[] = [
  {
    phrase: 'Decides',
    part: 'operative',
    addresses: 'the body itself',
    note: 'An act of the body, binding on the body itself: its agenda, sessions, mandates, subsidiary organs, budget. General Assembly resolutions are otherwise recommendations to States; only decisions of the Security Council bind States (Article 25 of the Charter).',
  },
  {
    phrase: 'Requests',
    part: 'operative',
    addresses: 'the Secretary-General, the Secretariat and United Nations bodies',
    note: 'The verb for tasks given to the Secretary-General and to bodies the Assembly may direct (“Requests the Secretary-General to submit … a report”). Addressed to States it is a firm but courteous ask.',
  },
  {
    phrase: 'Demands',
    part: 'operative',
    addresses: 'States or parties',
    exhortation: 5,
    note: 'The strongest exhortation: mostly Security Council language addressed to parties to a conflict; rare and pointed in the General Assembly.',
  },
  {
    phrase: 'Urges',
    part: 'operative',
    addresses: 'States and other actors',
    exhortation: 4,
    note: 'A strong exhortation to act: stronger than “calls upon” and “encourages”, short of “demands”.',
  },
  {
    phrase: 'Calls upon',
    part: 'operative',
    addresses: 'States (also parties, organizations, the international community)',
    exhortation: 3,
    note: 'Addresses States to act: firmer than “encourages” and “invites”, softer than “urges”.',
  },
  {
    phrase: 'Encourages',
    part: 'operative',
    addresses: 'States and other actors',
    exhortation: 2,
    note: 'A mild exhortation: supports action without pressing for it; weaker than “calls upon” and “urges”.',
  },
  {
    phrase: 'Invites',
    part: 'operative',
    addresses: 'those the body cannot direct: other organizations, treaty bodies, stakeholders, donors',
    exhortation: 1,
    note: 'The softest exhortation, an offer the addressee may decline: used for bodies the Assembly cannot direct and for voluntary contributions.',
  },
  {
    phrase: 'Recommends',
    part: 'operative',
    addresses: 'States or another organ',
    note: 'Advice to States or to another organ (the Assembly recommends to the Security Council); no binding force.',
  },
  {
    phrase: 'Appeals',
    part: 'operative',
    addresses: 'States, donors',
    note: 'A moral plea, most often for contributions or humanitarian access; hortatory like “calls upon”, with an emotional register.',
  },
  {
    phrase: 'Recalls',
    part: 'operative',
    note: 'Refers back to an earlier text or statement without restating it: neutral, it asks no one to act.',
  },
  {
    phrase: 'Reaffirms',
    part: 'operative',
    note: 'Restates an agreed commitment and keeps it in force; often the first operative paragraph, anchoring the text in agreed language.',
  },
  {
    phrase: 'Reiterates',
    part: 'operative',
    note: 'Repeats an earlier call or position, usually one not yet acted upon.',
  },
  {
    phrase: 'Affirms',
    part: 'operative',
    note: 'Declares a position as the body’s own; unlike “Reaffirms”, it need not have been agreed before.',
  },
  {
    phrase: 'Recognizes',
    part: 'operative',
    note: 'Accepts a fact, principle or right as established; it asks no one to act.',
  },
  {
    phrase: 'Acknowledges',
    part: 'operative',
    note: 'Accepts a fact or contribution as true or valid, without praising it.',
  },
  {
    phrase: 'Endorses',
    part: 'operative',
    note: 'Makes a text or proposal the body’s own: stronger than “welcomes” or “takes note”.',
  },
  {
    phrase: 'Approves',
    part: 'operative',
    addresses: 'the body itself',
    note: 'A formal act of approval (a budget, programme, rules or a text); binding on the body like “decides”.',
  },
  {
    phrase: 'Welcomes',
    part: 'operative',
    note: 'Approves of an event, report or initiative: warmer than “takes note”, but short of “endorses”.',
  },
  {
    phrase: 'Takes note with appreciation',
    part: 'operative',
    note: 'Acknowledges a report (“of the report …”) with thanks, without approving its content.',
  },
  {
    phrase: 'Takes note',
    part: 'operative',
    note: 'Acknowledges a report or event without approving its content: the neutral choice when there is no consensus to welcome it.',
  },
  {
    phrase: 'Notes with concern',
    part: 'operative',
    note: 'Flags a problem without blaming anyone: milder than “expresses deep concern”.',
  },
  {
    phrase: 'Notes',
    part: 'operative',
    note: 'Neutral observation of a fact, with no judgement on it.',
  },
  {
    phrase: 'Expresses deep concern',
    part: 'operative',
    note: 'Strong concern stated openly: stronger than “notes with concern”, short of “deplores”.',
  },
  {
    phrase: 'Expresses concern',
    part: 'operative',
    note: 'States the body’s concern openly: stronger than “notes with concern”.',
  },
  {
    phrase: 'Expresses its appreciation',
    part: 'operative',
    note: 'Thanks a State, body or person for its work; praises without endorsing.',
  },
  {
    phrase: 'Commends',
    part: 'operative',
    note: 'Praises the work of a State, body or person: warmer than “expresses its appreciation”.',
  },
  {
    phrase: 'Emphasizes',
    part: 'operative',
    note: 'Gives a point weight without asking anyone to act; used interchangeably with “Stresses” and “Underlines”.',
  },
  {
    phrase: 'Stresses',
    part: 'operative',
    note: 'Gives a point weight without asking anyone to act; used interchangeably with “Emphasizes”.',
  },
  {
    phrase: 'Underlines',
    part: 'operative',
    note: 'Gives a point weight without asking anyone to act; used interchangeably with “Emphasizes” and “Stresses”.',
  },
  {
    phrase: 'Deplores',
    part: 'operative',
    note: 'Strong disapproval of conduct or a situation: softer than “condemns”.',
  },
  {
    phrase: 'Condemns',
    part: 'operative',
    note: 'The strongest disapproval: names conduct as wrong, often “in the strongest terms”.',
  },
  {
    phrase: 'Authorizes',
    part: 'operative',
    addresses: 'States, organizations or the Secretary-General',
    note: 'Empowers someone to act on the body’s behalf; in the Security Council, the basis for the use of force under Chapter VII.',
  },
];

export const OPENINGS: readonly Opening[] = [...PREAMBULAR_OPENINGS, ...OPERATIVE_OPENINGS];

/** The exhortation scale, weakest first: "invites · encourages · calls upon · urges · demands". */
export const EXHORTATION_SCALE: readonly Opening[] = OPERATIVE_OPENINGS.filter((o) => o.exhortation !== undefined).sort(
  (a, b) => a.exhortation! - b.exhortation!,
);

/** Longest phrase first, so that "Noting with concern" is found before "Noting". */
export const OPENINGS_LONGEST_FIRST: readonly Opening[] = [...OPENINGS].sort((a, b) => b.phrase.length - a.phrase.length);

/** The opening written (any case, spaces collapsed), e.g. "calls  upon" → Calls upon. */
export function findOpening(written: string): Opening | undefined {
  const key = written.trim().replace(/\s+/g, ' ').toLowerCase();
  return OPENINGS.find((o) => o.phrase.toLowerCase() === key);
}
