// The structure of the Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195, annex):
// 23 objectives, each a heading "Objective N: <title>", then one numbered paragraph that opens with
// "We commit to …", goes on "To realize this commitment, we will draw from the following actions:"
// and lists lettered actions "(a) …;". Objective N is paragraph N + 16 (objective 1 is paragraph 17,
// objective 23 paragraph 39). Titles as printed in the headings of A/RES/73/195's annex, checked
// against the bundled text by corpus/structure.test.ts (the list in paragraph 16 words objective 13
// "Use migration detention …", its heading "Use immigration detention …": a heading is written here).

export const GCM_SYMBOL = 'A/RES/73/195';

export interface GcmObjective {
  readonly number: number;
  readonly title: string;
  /** The number of its paragraph in the Compact. */
  readonly paragraph: number;
}

const TITLES: readonly string[] = [
  'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
  'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
  'Provide accurate and timely information at all stages of migration',
  'Ensure that all migrants have proof of legal identity and adequate documentation',
  'Enhance availability and flexibility of pathways for regular migration',
  'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
  'Address and reduce vulnerabilities in migration',
  'Save lives and establish coordinated international efforts on missing migrants',
  'Strengthen the transnational response to smuggling of migrants',
  'Prevent, combat and eradicate trafficking in persons in the context of international migration',
  'Manage borders in an integrated, secure and coordinated manner',
  'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
  'Use immigration detention only as a measure of last resort and work towards alternatives',
  'Enhance consular protection, assistance and cooperation throughout the migration cycle',
  'Provide access to basic services for migrants',
  'Empower migrants and societies to realize full inclusion and social cohesion',
  'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
  'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
  'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
  'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
  'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
  'Establish mechanisms for the portability of social security entitlements and earned benefits',
  'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
];

/** Objective N is paragraph N + 16 of the Compact. */
const FIRST_OBJECTIVE_PARAGRAPH = 17;

export const GCM_OBJECTIVES: readonly GcmObjective[] = TITLES.map((title, i) => ({
  number: i + 1,
  title,
  paragraph: FIRST_OBJECTIVE_PARAGRAPH + i,
}));

/** The parts of an objective, in order, as the Compact words them. */
export const GCM_OBJECTIVE_STRUCTURE = {
  heading: 'Objective',
  commitment: 'We commit to',
  furtherCommitment: 'We further commit to',
  actionsLead: 'To realize this commitment, we will draw from the following actions:',
} as const;

/** What the Compact's first-person commitments weigh, for hovers and completion documentation. */
export const GCM_COMMITMENT_NOTE =
  'The Compact’s commitments are made by the Member States in the first person plural (“We commit to …”). The Compact calls itself a non-legally binding, cooperative framework: a commitment there is political, not a treaty obligation. The lettered actions are a menu (“we will draw from”), not a list each State must carry out.';

// The 2017 inter-agency issue briefs for the informal thematic sessions ended with suggested
// commitments. The lead sentence, verbatim from Issue Brief #3 (server/data/corpus/GCM-issue-brief-3-2017.md),
// is followed by bullets, some with lettered sub-items ("a. …").
export const ISSUE_BRIEF_COMMITMENTS_LEAD =
  'Member States could consider incorporating the following commitments into the GCM with the inclusion of specific benchmarks, timelines and review mechanisms for implementation:';

export const ISSUE_BRIEF_COMMITMENTS_NOTE =
  'Suggestions from the inter-agency authors of an issue brief to the Member States: “could consider” commits no one. Each bullet is a proposed commitment; lettered sub-items (“a.”, “b.”) say how it could be carried out.';
