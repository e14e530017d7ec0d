/** The phrases of this project's subject, sanctuary policy, and the programs news copy names by what they do. */

import type { EntityKind } from '../../../src/core/vocabulary';

/** A phrase that names one of the subject's collective nodes. */
export interface DomainConcept {
  re: RegExp;
  name: string;
  kind: EntityKind;
  type?: string;
}

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
];

/** "an executive order barring ...", "a bill that would ...", "legislation that would ...": programs named by what they do. */
export const DESCRIBED_PROGRAM =
  /\b(?:(?:an?|another|the)\s+)?(executive\s+order|bill|legislation|resolution|ordinance|directive)\s+(?:further\s+|formally\s+)?(?:that\s+would|that|which\s+would|to|barring|restricting|requiring|banning|making)\b[^,.;:(]{8,160}/gi;
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
