/** Cue words and known names that tell an agency from an organization, a program or a place. */

import type { EntityKind } from '../../../src/core/vocabulary';

export type CueKind = 'agency' | 'organization' | 'program' | 'jurisdiction';
export interface Cue {
  kind: CueKind;
  /** Subtype written to `type`: jurisdictions county|city|state, programs grant|partnership|... */
  type?: string;
}

/** Head words (the last word of a name, or its first before "of") that decide what kind of body a name is. */
export const HEAD_CUES: ReadonlyMap<string, Cue> = new Map<string, Cue>([
  ['department', { kind: 'agency' }],
  ['dept.', { kind: 'agency' }],
  ['agency', { kind: 'agency' }],
  ['bureau', { kind: 'agency' }],
  ['administration', { kind: 'agency' }],
  ['enforcement', { kind: 'agency' }],
  ['service', { kind: 'agency' }],
  ['services', { kind: 'agency' }],
  ['office', { kind: 'agency' }],
  ['police', { kind: 'agency' }],
  ['sheriff', { kind: 'agency' }],
  ["sheriff's", { kind: 'agency' }],
  ['commission', { kind: 'agency' }],
  ['council', { kind: 'agency' }],
  ['board', { kind: 'agency' }],
  ['court', { kind: 'agency' }],
  ['courts', { kind: 'agency' }],
  ['senate', { kind: 'agency' }],
  ['congress', { kind: 'agency' }],
  ['legislature', { kind: 'agency' }],
  ['house', { kind: 'agency' }],
  ['jail', { kind: 'agency' }],
  ['jails', { kind: 'agency' }],
  ['patrol', { kind: 'agency' }],
  ['corrections', { kind: 'agency' }],
  ['prosecutors', { kind: 'agency' }],
  ['ministry', { kind: 'agency' }],
  ['association', { kind: 'organization' }],
  ['union', { kind: 'organization' }],
  ['project', { kind: 'organization' }],
  ['movement', { kind: 'organization' }],
  ['coalition', { kind: 'organization' }],
  ['conference', { kind: 'organization' }],
  ['foundation', { kind: 'organization' }],
  ['institute', { kind: 'organization' }],
  ['center', { kind: 'organization' }],
  ['network', { kind: 'organization' }],
  ['alliance', { kind: 'organization' }],
  ['committee', { kind: 'organization' }],
  ['party', { kind: 'organization' }],
  ['university', { kind: 'organization' }],
  ['journal', { kind: 'organization' }],
  ['times', { kind: 'organization' }],
  ['post', { kind: 'organization' }],
  ['inquirer', { kind: 'organization' }],
  ['tribune', { kind: 'organization' }],
  ['press', { kind: 'organization' }],
  ['news', { kind: 'organization' }],
  ['magazine', { kind: 'organization' }],
  ['inc.', { kind: 'organization' }],
  ['corp.', { kind: 'organization' }],
  ['company', { kind: 'organization' }],
  ['church', { kind: 'organization' }],
  ['fund', { kind: 'organization' }],
  ['league', { kind: 'organization' }],
  ['society', { kind: 'organization' }],
  ['federation', { kind: 'organization' }],
  ['council on', { kind: 'organization' }],
  ['act', { kind: 'program', type: 'law' }],
  ['bill', { kind: 'program', type: 'bill' }],
  ['partnership', { kind: 'program', type: 'partnership' }],
  ['program', { kind: 'program', type: 'program' }],
  ['initiative', { kind: 'program', type: 'program' }],
  ['grant', { kind: 'program', type: 'grant' }],
  ['grants', { kind: 'program', type: 'grant' }],
  ['order', { kind: 'program', type: 'order' }],
  ['ordinance', { kind: 'program', type: 'law' }],
  ['policy', { kind: 'program', type: 'policy' }],
  ['policies', { kind: 'program', type: 'policy' }],
  ['law', { kind: 'program', type: 'law' }],
  ['county', { kind: 'jurisdiction', type: 'county' }],
  ['parish', { kind: 'jurisdiction', type: 'county' }],
  ['city', { kind: 'jurisdiction', type: 'city' }],
  ['township', { kind: 'jurisdiction', type: 'city' }],
]);

/** Acronyms of bodies that news copy uses without spelling out. */
export const KNOWN_ACRONYMS: ReadonlyMap<string, { name: string; kind: CueKind }> = new Map([
  ['ICE', { name: 'U.S. Immigration and Customs Enforcement', kind: 'agency' as const }],
  ['DOJ', { name: 'Department of Justice', kind: 'agency' as const }],
  ['DHS', { name: 'Department of Homeland Security', kind: 'agency' as const }],
  ['FBI', { name: 'Federal Bureau of Investigation', kind: 'agency' as const }],
  ['CBP', { name: 'U.S. Customs and Border Protection', kind: 'agency' as const }],
  ['USCIS', { name: 'U.S. Citizenship and Immigration Services', kind: 'agency' as const }],
  ['ACLU', { name: 'American Civil Liberties Union', kind: 'organization' as const }],
  ['LAPD', { name: 'Los Angeles Police Department', kind: 'agency' as const }],
  ['NYPD', { name: 'New York Police Department', kind: 'agency' as const }],
  ['CPD', { name: 'Chicago Police Department', kind: 'agency' as const }],
  ['SFPD', { name: 'San Francisco Police Department', kind: 'agency' as const }],
]);

/** Federal bodies that are named without a cue word, with their full names. */
export const KNOWN_BODIES: ReadonlyMap<string, string> = new Map([
  ['White House', 'White House'],
  ['Congress', 'United States Congress'],
  ['Senate', 'United States Senate'],
  ['Supreme Court', 'Supreme Court'],
  ['Pentagon', 'Pentagon'],
]);

/** "<Place> lawmakers" and similar nouns name a body after the place (or the agency: "ICE field office"). */
export const COLLECTIVE_BODIES: ReadonlyMap<string, string> = new Map([
  ['lawmakers', 'Legislature'],
  ['legislators', 'Legislature'],
  ['police', 'Police Department'],
  ['police departments', 'Police Department'],
  ['police department', 'Police Department'],
  ['jail', 'jail'],
  ['jails', 'jail'],
  ['corrections', 'corrections'],
  ['city council', 'City Council'],
  ['field office', 'field office'],
]);

/** Heads of names that are not entities of the graph: meetings, streets, days. */
export const NON_ENTITY_HEADS = new Set([
  // "a Montgomery County Democrat": a party label says what a person is, it names no body.
  'democrat',
  'democrats',
  'republican',
  'republicans',
  'summit',
  'week',
  'day',
  'street',
  'avenue',
  'award',
  'prize',
  'quarter',
  'study',
]);

/** Common nouns that say what the name after them is: "the organization Make the Road New Jersey". */
export const DESCRIBED_BY: ReadonlyMap<string, EntityKind> = new Map([
  ['organization', 'organization'],
  ['group', 'organization'],
  ['nonprofit', 'organization'],
  ['newspaper', 'organization'],
  ['coalition', 'organization'],
  ['agency', 'agency'],
  ['program', 'program'],
]);
