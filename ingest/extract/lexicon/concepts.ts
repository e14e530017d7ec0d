/** The phrases of this project's subject, sanctuary policy, and the programs news copy names by what they do. */

import type { EntityKind } from '../../../src/core/vocabulary';

/** A phrase that names one of the subject's collective nodes, or one of the programs the whole debate is about. */
export interface DomainConcept {
  re: RegExp;
  name: string;
  kind: EntityKind;
  type?: string;
  /** The sentence must also match this: "executive order" is the sanctuary order only beside its subject. */
  when?: RegExp;
  /** ... and must not match this: the travel ban is another order. */
  unless?: RegExp;
}

/** The name of the Justice Department's immigration conditions on its grants, however the copy describes them. */
export const GRANT_CONDITIONS = 'Byrne JAG immigration conditions';
/** A sentence about grant money: where "conditions" and "requirements" are the grant conditions. */
export const GRANT_WORDS = /\b(?:grants?|funds|funding|JAG|Byrne)\b/i;

/**
 * The federal programs and laws every story of this conflict turns on, under the names the curated files
 * give them, however the copy writes them: "287(g) agreements", "8 U.S.C. § 1373", "Byrne JAG grants",
 * "the executive order" in a sentence about sanctuary funding. A domain's fixed vocabulary, like the
 * agencies' acronyms: each entry is a program of the subject, not a phrase of one article.
 */
const NATIONAL_PROGRAMS: readonly DomainConcept[] = [
  {
    re: /\b287\s?\(g\)(?:[”"’']?\s+(?:program|agreements?|partnerships?|contracts?|model|task force))?/gi,
    name: '287(g) program',
    kind: 'program',
    type: 'program',
  },
  {
    re: /\b[Ss]ection\s+1373\b|\b8\s+U\.?\s?S\.?\s?C\.?\s*(?:§\s*|[Ss]ection\s+)?1373\b/g,
    name: 'Section 1373 (8 U.S.C. 1373)',
    kind: 'program',
    type: 'law',
  },
  {
    // The Justice Department's 2017 conditions on its grants (jail access, notice of release, Section 1373), the
    // policy most suits and rulings of the conflict are about. Copy describes them rather than names them:
    // "immigration-related conditions on federal law enforcement grants", "the strings tied to a grant". The
    // lookahead leaves the grant's own name to its own entry.
    re: /\b(?:(?:new|three|immigration[- ]related|immigration[- ]enforcement|policy|challenged|such)\s+){0,2}(?:conditions|requirements|strings|qualifications)(?=\s+(?:on|for|tied\s+to|attached\s+to|placed\s+on|imposed\s+on)\s+(?:[\p{L}’'.-]+\s+){0,6}?(?:grants?|funds|funding|JAG|Byrne)\b)|\bimmigration[- ]related\s+conditions\b/giu,
    name: GRANT_CONDITIONS,
    kind: 'program',
    type: 'policy',
    when: GRANT_WORDS,
    unless: /\bconditions\s+of\s+(?:confinement|release|probation|parole)\b/i,
  },
  {
    re: /\b(?:(?:Edward\s+)?Byrne\s+(?:Memorial\s+)?(?:Justice\s+Assistance\s+Grants?|JAG)|Justice\s+Assistance\s+Grants?|JAG)(?:\s+(?:program|grants?|funds?|funding|money))*\b/g,
    name: 'Edward Byrne Memorial Justice Assistance Grant',
    kind: 'program',
    type: 'grant',
  },
  {
    re: /\b(?:Community\s+Oriented\s+Policing\s+Services(?:\s+\(COPS\))?|COPS)(?:\s+(?:hiring\s+)?(?:program|grants?))*\b/g,
    name: 'Community Oriented Policing Services grant program',
    kind: 'program',
    type: 'grant',
  },
  {
    re: /\b(?:[Ee]xecutive\s+[Oo]rders?(?:\s+13768)?|(?:sanctuary[- ]city|funding)\s+order)\b/g,
    name: 'Executive order barring sanctuary cities from federal funds',
    kind: 'program',
    type: 'order',
    when: /(?=[\s\S]*\b(?:sanctuary|funds?|funding|grants?|13768)\b)/i,
    unless: /\b(?:travel|Muslim|refugees?|wall|border\s+wall|DACA|tariffs?)\b/i,
  },
];

/** Phrases of this project's subject that name its two collective nodes. */
export const DOMAIN_CONCEPTS: readonly DomainConcept[] = [
  {
    re: /\b(?:so-called\s+)?[‘'“"]?sanctuary[’'”"]?[- ](?:city[- ])?(?:policies|policy|laws|rules|practices|ordinances)\b/gi,
    name: 'Sanctuary policies',
    kind: 'program',
    type: 'policy',
  },
  {
    re: /\bsanctuary (?:cities|jurisdictions|counties)\b|\bsanctuary city\b(?! (?:officials|practices|policies))|\b(?:cities|jurisdictions|municipalities|counties) (?:that|which) (?:thwart|refuse|limit|do not|don't|fail)\b[^,.;]*/gi,
    name: 'Sanctuary jurisdictions',
    kind: 'jurisdiction',
  },
  ...NATIONAL_PROGRAMS,
];

/** "an executive order barring ...", "a bill that would ...", "legislation that would ...": programs named by what they do. */
export const DESCRIBED_PROGRAM =
  /\b(?:(?:[Aa]n?|[Aa]nother|[Tt]he)\s+((?:(?:\p{Lu}[\p{L}.-]*|new|proposed|state|federal)\s+){0,2}))?([Ee]xecutive\s+[Oo]rder|[Bb]ill|[Ll]egislation|[Rr]esolution|[Oo]rdinance|[Dd]irective)\s+(?:further\s+|formally\s+)?(?:that\s+would|that|which\s+would|to|barring|restricting|requiring|banning|making|cutting|punishing|prohibiting|allowing|limiting)\b[^,.;:(]{8,160}/gu;
/** "federal criminal-justice grants": grants named by their purpose. */
export const DESCRIBED_GRANTS = /\b(?:federal\s+)?(?:[a-z]+-)*[a-z]+\s+grants\b/g;
/** The program type each head noun of a described program gives. */
export const PROGRAM_TYPES: Readonly<Record<string, string>> = {
  'executive order': 'order',
  bill: 'bill',
  legislation: 'bill',
  resolution: 'policy',
  ordinance: 'law',
  directive: 'policy',
  grants: 'grant',
};
