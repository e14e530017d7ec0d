/** Titles of office and the bodies they imply. */

/**
 * Titles of office, longest first so that "Police Chief" wins over "Chief". The value is the
 * canonical title; `orgHint` names the body a title implies when the sentence names none.
 */
export interface TitleInfo {
  title: string;
  /** The body that holds this office when no other is named (US federal offices). */
  orgHint?: { name: string; kind: 'agency' | 'jurisdiction'; type?: string };
}
const TITLE_LIST: readonly (readonly [string, TitleInfo])[] = [
  ['attorney general', { title: 'Attorney General', orgHint: { name: 'Department of Justice', kind: 'agency' } }],
  [
    'deputy attorney general',
    { title: 'Deputy Attorney General', orgHint: { name: 'Department of Justice', kind: 'agency' } },
  ],
  [
    'homeland security secretary',
    { title: 'Secretary of Homeland Security', orgHint: { name: 'Department of Homeland Security', kind: 'agency' } },
  ],
  [
    'secretary of homeland security',
    { title: 'Secretary of Homeland Security', orgHint: { name: 'Department of Homeland Security', kind: 'agency' } },
  ],
  ['press secretary', { title: 'Press Secretary', orgHint: { name: 'White House', kind: 'agency' } }],
  ['atty. general', { title: 'Attorney General', orgHint: { name: 'Department of Justice', kind: 'agency' } }],
  ['president', { title: 'President', orgHint: { name: 'United States', kind: 'jurisdiction', type: 'country' } }],
  ['vice president', { title: 'Vice President' }],
  ['police chief', { title: 'Police Chief' }],
  ['chief of police', { title: 'Chief of Police' }],
  ['police commissioner', { title: 'Police Commissioner' }],
  ['chief', { title: 'Chief' }],
  ['mayor', { title: 'Mayor' }],
  ['deputy mayor', { title: 'Deputy Mayor' }],
  ['governor', { title: 'Governor' }],
  ['gov.', { title: 'Governor' }],
  ['lieutenant governor', { title: 'Lieutenant Governor' }],
  ['senator', { title: 'Senator', orgHint: { name: 'United States Senate', kind: 'agency' } }],
  ['sen.', { title: 'Senator', orgHint: { name: 'United States Senate', kind: 'agency' } }],
  ['representative', { title: 'Representative' }],
  ['rep.', { title: 'Representative' }],
  ['congressman', { title: 'Congressman' }],
  ['congresswoman', { title: 'Congresswoman' }],
  ['sheriff', { title: 'Sheriff' }],
  ['judge', { title: 'Judge' }],
  ['district judge', { title: 'District Judge' }],
  ['u.s. district judge', { title: 'U.S. District Judge' }],
  ['justice', { title: 'Justice' }],
  ['secretary', { title: 'Secretary' }],
  ['commissioner', { title: 'Commissioner' }],
  ['county commissioner', { title: 'County Commissioner' }],
  ['chairwoman', { title: 'Chairwoman' }],
  ['chairman', { title: 'Chairman' }],
  ['chairperson', { title: 'Chairperson' }],
  ['chair', { title: 'Chair' }],
  ['director', { title: 'Director' }],
  ['executive director', { title: 'Executive Director' }],
  ['acting director', { title: 'Acting Director' }],
  ['co-director', { title: 'Co-Director' }],
  ['deputy director', { title: 'Deputy Director' }],
  ['field office director', { title: 'Field Office Director' }],
  ['spokeswoman', { title: 'Spokeswoman' }],
  ['spokesman', { title: 'Spokesman' }],
  ['spokesperson', { title: 'Spokesperson' }],
  ['official', { title: 'Official' }],
  ['organizer', { title: 'Organizer' }],
  ['council member', { title: 'Council Member' }],
  ['councilmember', { title: 'Council Member' }],
  ['councilman', { title: 'Councilman' }],
  ['councilwoman', { title: 'Councilwoman' }],
  ['city attorney', { title: 'City Attorney' }],
  ['district attorney', { title: 'District Attorney' }],
  ['u.s. attorney', { title: 'U.S. Attorney', orgHint: { name: 'Department of Justice', kind: 'agency' } }],
  ['prosecutor', { title: 'Prosecutor' }],
  ['founder', { title: 'Founder' }],
  ['co-founder', { title: 'Co-Founder' }],
  ['ceo', { title: 'CEO' }],
  ['head', { title: 'Head' }],
  ['leader', { title: 'Leader' }],
  ['administrator', { title: 'Administrator' }],
  ['speaker', { title: 'Speaker' }],
  ['attorney', { title: 'Attorney' }],
  ['lawyer', { title: 'Lawyer' }],
  ['professor', { title: 'Professor' }],
  ['superintendent', { title: 'Superintendent' }],
  ['manager', { title: 'Manager' }],
  ['city manager', { title: 'City Manager' }],
];
export const TITLES: ReadonlyMap<string, TitleInfo> = new Map(TITLE_LIST);
/** The longest title has this many words; title matching looks no further. */
export const MAX_TITLE_WORDS = Math.max(...TITLE_LIST.map(([t]) => t.split(' ').length));
