import { extractAnnotation, type Gazetteer } from '../../../ingest/extract';
import { articleOf } from './support';

/** Stance classes on short synthetic articles: none of these sentences occurs in the corpus or the dev set. */
const gazetteer: Gazetteer = {
  entities: [
    { id: 'sanctuary-policies', kind: 'program', name: 'Sanctuary policies', aliases: [], type: 'policy' },
    { id: 'senate-bill-9', kind: 'program', name: 'Senate Bill 9', aliases: ['SB 9'], type: 'law' },
  ],
  events: [],
};
const extract = (lines: string[]) =>
  extractAnnotation(articleOf(lines.join('\n'), { title: lines[0], published: '2019-03-06' }), gazetteer);

describe('stance classes', () => {
  it('hails a ruling while condemning what it struck: supports the ruling, opposes the act, not the ruling', () => {
    const a = extract([
      'Judge Halts Funding Cuts',
      'U.S. District Judge Mark Hale on Monday blocked an order that cut grants to sanctuary cities.',
      '“This is a great victory against an unconstitutional order,” said Mayor Ana Ruiz.',
    ]);
    const ruling = (a.events ?? []).find((e) => e.type === 'ruling');
    expect(ruling).toBeDefined();
    const ruiz = (a.stances ?? []).filter((s) => s.actor === 'ana-ruiz');
    expect(ruiz).toContainEqual(expect.objectContaining({ kind: 'SUPPORTED', target: ruling?.id }));
    expect(ruiz).not.toContainEqual(expect.objectContaining({ kind: 'OPPOSED', target: ruling?.id }));
  });

  it('reads condemnation of "these policies" / "this law" as opposing the program the article is about', () => {
    const a = extract([
      'State Law Debated',
      'Lawmakers passed SB 9 last year. SB 9 limits what jails tell federal agents.',
      '“This law is not a good law, and it is unfair to victims,” said Sheriff Paul Brandt.',
    ]);
    expect(a.stances).toContainEqual(
      expect.objectContaining({ actor: 'paul-brandt', kind: 'OPPOSED', target: 'senate-bill-9' }),
    );
  });

  it('does not read a policy named with "the" by a speaker as condemned', () => {
    const a = extract([
      'State Law Debated',
      'Lawmakers passed SB 9 last year. SB 9 limits what jails tell federal agents.',
      '“It is hard to win the policy when racism remains,” said organizer Rosa Lind.',
    ]);
    expect(a.stances ?? []).not.toContainEqual(
      expect.objectContaining({ actor: 'rosa-lind', target: 'senate-bill-9' }),
    );
  });

  it('reads a plaintiff as opposing the program in dispute, never the party it sues', () => {
    const a = extract([
      'City Sues',
      'SB 9 has divided the state since lawmakers passed SB 9.',
      'The city of Fresno sued Governor Tom Avery on Tuesday.',
    ]);
    const fresno = (a.stances ?? []).filter((s) => s.actor === 'fresno');
    expect(fresno).toContainEqual(expect.objectContaining({ kind: 'OPPOSED', target: 'senate-bill-9' }));
    expect(fresno).not.toContainEqual(expect.objectContaining({ target: 'tom-avery' }));
  });

  it.each([
    ['appealed', 'OPPOSED'],
    ['disputed', 'OPPOSED'],
    ['praised', 'SUPPORTED'],
    ['applauded', 'SUPPORTED'],
  ])('reads "X %s SB 9" as %s', (verb, kind) => {
    const a = extract(['Reaction', `Mayor Lena Ortiz ${verb} SB 9 on Friday.`]);
    expect(a.stances).toContainEqual(expect.objectContaining({ actor: 'lena-ortiz', kind, target: 'senate-bill-9' }));
  });

  it('gives the judge of a ruling no stance', () => {
    const a = extract([
      'Ruling',
      'U.S. District Judge Mark Hale on Monday struck down SB 9 and rejected SB 9 as vague.',
    ]);
    expect((a.stances ?? []).filter((s) => s.actor === 'mark-hale')).toEqual([]);
  });

  it('reads a resolution declaring a place no sanctuary as opposing the sanctuary law in force', () => {
    const a = extract([
      'County Vote',
      'SB 9 made the whole state a sanctuary. SB 9 took effect in January.',
      'Kern County passed a resolution on Tuesday to declare it not a sanctuary county.',
    ]);
    const resolution = (a.events ?? []).find((e) => e.type === 'resolution');
    expect(resolution?.by).toEqual(['kern-county']);
    expect(a.stances).toContainEqual(
      expect.objectContaining({ actor: 'kern-county', kind: 'OPPOSED', target: 'senate-bill-9' }),
    );
  });

  it('takes a shouted quote as a statement of its speaker', () => {
    const a = extract([
      'Protest',
      'Governor Carl Boone on Monday threatened to cut funds to sanctuary cities.',
      '“Shame on you, Boone!” organizer Rita Vance shouted.',
    ]);
    expect((a.stances ?? []).filter((s) => s.actor === 'rita-vance')).toEqual([
      expect.objectContaining({ kind: 'OPPOSED' }),
    ]);
  });

  it('reads the speaker after a quote opened straight and closed curly ("...,” X said) as outside the quote', () => {
    const a = extract([
      'Chief Speaks',
      'Police Chief Dora Quist spoke on Friday.',
      '"Sanctuary policies make our towns less safe,” Quist said at a briefing.',
    ]);
    expect(a.stances).toContainEqual(
      expect.objectContaining({ actor: 'dora-quist', kind: 'OPPOSED', target: 'sanctuary-policies' }),
    );
  });

  it('reads "a <body> spokesperson said" as the body speaking', () => {
    const a = extract([
      'Agency Answers',
      'The ruling came on Monday.',
      '“Sanctuary policies make our towns less safe,” a Federal Bureau of Prisons spokesperson said.',
    ]);
    expect(a.stances).toContainEqual(
      expect.objectContaining({
        actor: expect.stringMatching(/bureau-of-prisons$/),
        kind: 'OPPOSED',
        target: 'sanctuary-policies',
      }),
    );
  });

  it('reads a threat aimed at sanctuary places as opposing sanctuary policies, an order as not', () => {
    const threat = extract([
      'Funds At Risk',
      'The Department of Homeland Security threatened to cut grants to sanctuary cities on Tuesday.',
    ]);
    expect(threat.stances).toContainEqual(
      expect.objectContaining({
        actor: 'department-of-homeland-security',
        kind: 'OPPOSED',
        target: 'sanctuary-policies',
      }),
    );
    const order = extract([
      'Order Signed',
      'Governor Lena Ortiz issued an executive order barring sanctuary cities from state grants on Tuesday.',
    ]);
    expect(order.stances ?? []).not.toContainEqual(
      expect.objectContaining({ actor: 'lena-ortiz', target: 'sanctuary-policies' }),
    );
  });
});
