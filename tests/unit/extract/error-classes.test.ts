/**
 * One test per class of extraction error fixed for issue 14, each on short synthetic text written for it
 * (names invented or generic), so that a fix is general and a regression shows which class came back.
 */
import type { AnnotationInput } from '../../../ingest/annotation/format';
import type { Gazetteer } from '../../../ingest/extract';
import { extractAnnotation } from '../../../ingest/extract';
import { articleOf } from './support';

const empty: Gazetteer = { entities: [], events: [] };
const extract = (text: string, meta = {}, g: Gazetteer = empty): AnnotationInput =>
  extractAnnotation(articleOf(text, meta), g);
const names = (a: AnnotationInput): string[] => (a.entities ?? []).map((e) => e.name);
const people = (a: AnnotationInput): string[] =>
  (a.entities ?? []).filter((e) => e.kind === 'person').map((e) => e.name);
const stances = (a: AnnotationInput): string[] => (a.stances ?? []).map((s) => `${s.actor} ${s.kind} ${s.target}`);
const events = (a: AnnotationInput) => a.events ?? [];

describe('junk entities', () => {
  it('drops photo credits, credit lines and bylines, but keeps the article author', () => {
    const text = [
      'Mayor Tom Ridley spoke in Springfield on Monday. (Photo: Marta Quill)',
      'Protesters gathered outside City Hall. Jon Vasko/AP',
      'Arlo Dunne',
      'Photo by Bea Sorrel',
      'Nina Petrak',
      'Ridley said the city would not change its policy.',
    ].join('\n');
    const found = people(extract(text, { author: 'Nina Petrak' }));
    expect(found).toEqual(expect.arrayContaining(['Tom Ridley', 'Nina Petrak']));
    for (const credit of ['Marta Quill', 'Jon Vasko', 'Arlo Dunne', 'Bea Sorrel']) expect(found).not.toContain(credit);
    expect(names(extract(text))).not.toContain('AP');
  });

  it('takes no capitalized common words, weekdays or exclamations for people or bodies', () => {
    const text =
      'UPDATE: The order, titled Enhancing Public Safety, was signed. Senator Lena Ward will be in Sacramento Wednesday. "SAD!" she wrote.';
    const found = names(extract(text));
    expect(found).not.toEqual(expect.arrayContaining(['UPDATE']));
    expect(found).not.toContain('Enhancing Public Safety');
    expect(found).not.toContain('SAD');
    expect(found).not.toContain('Sacramento Wednesday');
    expect(found).toContain('Sacramento');
  });

  it('reads a bill number as a program, whatever its spelling, never as an acronym and a number', () => {
    const a = extract(
      'The governor signed SB 4 in May. Critics said SB4 goes too far. Senate Bill 4 takes effect soon.',
    );
    const bills = (a.entities ?? []).filter((e) => e.kind === 'program');
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({ name: 'SB 4', type: 'bill' });
    expect(bills[0]?.aliases).toEqual(expect.arrayContaining(['SB4', 'Senate Bill 4']));
  });

  it('keeps an ordinal inside a name and takes a place before a mayor for the place', () => {
    const a = extract(
      'Ada Kroll appealed to the U.S. 9th Circuit Court of Appeals. Harbor-Vale Mayor Ines Calder objected.',
    );
    expect(names(a)).toContain('U.S. 9th Circuit Court of Appeals');
    expect(a.roles).toContainEqual(
      expect.objectContaining({ person: 'ines-calder', title: 'Mayor', org: 'harbor-vale' }),
    );
  });
});

describe('duplicates', () => {
  it('makes one person of a nickname and a full first name, and of a middle name left out', () => {
    const a = extract(
      'County Supervisor Dave Merrin praised the ruling. David Merrin said it was a relief. Sozi Ann Pelt agreed, and Sozi Pelt spoke last.',
    );
    expect(people(a).sort()).toEqual(['Dave Merrin', 'Sozi Ann Pelt']);
  });

  it('makes one program of its singular and plural, and one body of an acronym told before its name', () => {
    const a = extract(
      'The city lost its Harbor Safety Grant. Two Harbor Safety Grants were cut. The PSO objected. The Port Safety Office said so.',
    );
    const programs = (a.entities ?? []).filter((e) => e.kind === 'program');
    expect(programs).toHaveLength(1);
    const office = (a.entities ?? []).filter((e) =>
      /PSO|Port Safety Office/.test([e.name, ...(e.aliases ?? [])].join()),
    );
    expect(office).toHaveLength(1);
    expect(office[0]?.name).toBe('Port Safety Office');
  });

  it('refers a first name alone and a place name alone back to the entity of the article', () => {
    const a = extract(
      'Governor Rhea Stanton of Ohio criticized Attorney General Jeff Sessions. "Jeff, go home," she wrote. Harbor-Vale Mayor Ines Calder agreed. Harbor-Vale stopped holding inmates.',
    );
    expect(people(a)).not.toContain('Jeff');
    expect(names(a).filter((n) => n === 'Harbor-Vale')).toHaveLength(1);
  });
});

describe('wrong facts', () => {
  it('gives a lawsuit to the city that sues, named by a common noun, not to the agency it sues', () => {
    const a = extract(
      'Mayor Ines Calder leads Denver. The Justice Department threatened its grants. The city sued the Justice Department on Monday.',
    );
    const suit = events(a).find((e) => e.type === 'lawsuit');
    expect(suit?.by).toEqual(['denver']);
    expect(stances(a)).not.toContain('department-of-justice OPPOSED department-of-justice');
  });

  it('takes a noun phrase right before the verb as its subject, not a name before it', () => {
    const a = extract('In a new fight with Ohio, the federal government announced a lawsuit on Tuesday.');
    expect(events(a).some((e) => (e.by ?? []).includes('ohio'))).toBe(false);
  });

  it('records a federal official who attacks sanctuary policies as opposing them', () => {
    const a = extract(
      'Attorney General Jeff Sessions spoke in Ohio. "These sanctuary policies are reckless and they hurt families," Sessions said.',
    );
    expect(stances(a)).toContain('jeff-sessions OPPOSED sanctuary-policies');
    expect(stances(a)).not.toContain('jeff-sessions SUPPORTED sanctuary-policies');
  });

  it('records a governor who signs a law as supporting it', () => {
    const a = extract('Governor Rhea Stanton signed SB 54 into law on Monday.');
    expect(stances(a)).toContain('rhea-stanton SUPPORTED sb-54');
  });

  it('takes the act a speaker names as the target: a ruling called a danger is opposed', () => {
    const a = extract(
      'U.S. District Judge Omar Fenn blocked the state law on Monday. "Today\'s decision makes our communities less safe," Governor Rhea Stanton said.',
    );
    const ruling = events(a).find((e) => e.type === 'ruling');
    expect(ruling?.by).toEqual(['omar-fenn']);
    expect(stances(a)).toContain(`rhea-stanton OPPOSED ${ruling?.id}`);
  });
});

describe('missing events', () => {
  it('finds a ruling whose subject is "the judge" or "a federal judge", and an injunction issued', () => {
    const a = extract(
      'U.S. District Judge Omar Fenn heard the case. On Monday the judge ruled for the city. Later, Fenn issued a preliminary injunction.',
    );
    expect(events(a).filter((e) => e.type === 'ruling' && (e.by ?? []).includes('omar-fenn')).length).toBeGreaterThan(
      0,
    );
  });

  it('finds a signed executive order with modifiers, letters sent to several places, and an appeal', () => {
    const a = extract(
      'President Lena Ward signed a wide-ranging executive order on Jan. 25, 2017. The Justice Department sent nine local governments letters on Friday. Attorney General Jeff Sessions appealed the ruling.',
    );
    const types = events(a).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['order', 'letter', 'lawsuit']));
  });

  it('does not take a ruling verb for a ruling when no judge or court acts', () => {
    const a = extract('The council blocked the proposal on Monday.');
    expect(events(a).some((e) => e.type === 'ruling')).toBe(false);
  });
});

describe('places the lexicon does not know', () => {
  it('reads names after "the city of" / "the cities of", and each name of the list, as jurisdictions', () => {
    const a = extract(
      'The city of Los Brazos and Kern County sued on Monday. The cities of Tucson, Yuma and Mesa filed lawsuits, too.',
    );
    const places = (a.entities ?? []).filter((e) => e.kind === 'jurisdiction').map((e) => e.name);
    expect(places).toEqual(expect.arrayContaining(['Los Brazos', 'Kern County', 'Tucson', 'Yuma', 'Mesa']));
    expect(people(a)).toEqual([]);
    expect(events(a).find((e) => e.type === 'lawsuit')?.by).toEqual(['los-brazos', 'kern-county']);
  });

  it('takes every place of "X County and the cities of Y and Z" as a subject of the verb after them', () => {
    const a = extract('Yavapai County and the cities of Tolleson and Avondale sued the Justice Department on Monday.');
    const by = events(a).find((e) => e.type === 'lawsuit')?.by ?? [];
    expect(by).toEqual(expect.arrayContaining(['yavapai-county', 'tolleson', 'avondale']));
  });
});

describe('lawsuits told in the plural or with co-plaintiffs', () => {
  it('reads "filed lawsuits" as a lawsuit, and who "joined" it as bringing it too', () => {
    const a = extract(
      'The city of Tolleson filed lawsuits on Monday, joined by the American Civil Liberties Union and the National Immigration Law Center.',
    );
    const suit = events(a).find((e) => e.type === 'lawsuit');
    expect(suit).toBeDefined();
    expect(suit?.by).toEqual(
      expect.arrayContaining(['tolleson', 'american-civil-liberties-union', 'national-immigration-law-center']),
    );
  });

  it('does not make a co-plaintiff of a name after the clause that "joined by" opens', () => {
    const a = extract(
      'The city of Tolleson sued on Monday, joined by the American Civil Liberties Union; the National Immigration Law Center declined to comment.',
    );
    const by = events(a).find((e) => e.type === 'lawsuit')?.by ?? [];
    expect(by).toContain('american-civil-liberties-union');
    expect(by).not.toContain('national-immigration-law-center');
  });
});

describe('stance targets: the rule a suit is brought over', () => {
  const program = (a: AnnotationInput, id: string) => (a.entities ?? []).find((e) => e.id === id);
  const targetsOf = (a: AnnotationInput, actor: string): string[] =>
    (a.stances ?? []).filter((s) => s.actor === actor && s.kind === 'OPPOSED').map((s) => s.target);

  it('"sued ... over the federal requirements": the plaintiff opposes the requirements, not the grant', () => {
    const text =
      'The Justice Department tied the Harbor Safety Grant to immigration checks. ' +
      'The city of Lornavale sued the Justice Department on Monday over the federal requirements, which conditioned the Harbor Safety Grant on jail access.';
    const a = extract(text);
    const [target] = targetsOf(a, 'lornavale');
    expect(target).toBeDefined();
    // Requirements on grant money are the Justice Department's grant conditions, one program however told.
    expect(program(a, target as string)?.name).toBe('Byrne JAG immigration conditions');
    expect(program(a, target as string)?.mention).toBe('the federal requirements');
  });

  it('"a lawsuit against X challenging ... conditions on grants": the grant conditions, told with their modifier', () => {
    const text =
      'Marden County filed a lawsuit against the Justice Department on Tuesday challenging efforts to put new immigration-related conditions on federal police grants, officials said.';
    const a = extract(text);
    const [target] = targetsOf(a, 'marden-county');
    expect(program(a, target as string)?.name).toBe('Byrne JAG immigration conditions');
    expect(program(a, target as string)?.mention).toBe('new immigration-related conditions');
  });

  it('"a lawsuit against Y over his requirements" names the rule after "over", not the party sued', () => {
    const text =
      'Mayor Ida Brandt of Fennick filed a lawsuit against the Justice Department over its new rules in May.';
    const a = extract(text);
    const found = (a.stances ?? []).map((s) => program(a, s.target)?.name);
    expect(found).toContain('new rules');
  });
});

describe('stance targets: a passive suit', () => {
  it('"X is being sued by the city over the conditions": the city sues and opposes the conditions; X does not', () => {
    const a = extract(
      'Attorney General Jeff Sessions is being sued by the city of Lornavale over conditions related to immigration enforcement that the department placed on a grant.',
    );
    const suit = events(a).find((e) => e.type === 'lawsuit');
    expect(suit?.by).toEqual(['lornavale']);
    expect(suit?.targets).toContain('jeff-sessions');
    expect(stances(a)).toEqual(['lornavale OPPOSED byrne-jag-immigration-conditions']);
  });
});

describe('duplicates: a bill by its number and by its name', () => {
  const programs = (a: AnnotationInput) => (a.entities ?? []).filter((e) => e.kind === 'program');

  it('"Senate Bill 12, known as the Safe Harbor Act": one program, the name with the number as alias', () => {
    const a = extract(
      'Governor Ada Morrow signed Senate Bill 12, known as the Safe Harbor Act, on Friday. The Safe Harbor Act takes effect in June.',
    );
    const found = programs(a).filter((e) =>
      /Safe Harbor|SB 12|Senate Bill 12/.test([e.name, ...(e.aliases ?? [])].join('|')),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.name).toBe('Safe Harbor Act');
    expect(found[0]?.aliases).toEqual(expect.arrayContaining(['SB 12']));
  });

  it('"the Open Door Act (HB 7)" and "the Open Door Act, HB 7": the number in apposition is the same bill', () => {
    for (const text of [
      'Lawmakers passed the Open Door Act (HB 7) on Tuesday. HB 7 now goes to the governor.',
      'Lawmakers passed the Open Door Act, HB 7, on Tuesday. HB 7 now goes to the governor.',
    ]) {
      const found = programs(extract(text)).filter((e) =>
        /Open Door|HB 7/.test([e.name, ...(e.aliases ?? [])].join('|')),
      );
      expect(found.map((e) => e.name)).toEqual(['Open Door Act']);
    }
  });

  it('keeps two bills apart when the text only lists them', () => {
    const a = extract('The Senate passed the Open Door Act and SB 9 on Tuesday.');
    expect(programs(a).map((e) => e.name)).toEqual(expect.arrayContaining(['Open Door Act', 'SB 9']));
  });
});

describe('stance recall: plaintiffs given as a list', () => {
  it('"Three states—A, B and C—along with the city of D, had sued": every place of the list sues and opposes', () => {
    const a = extract(
      'Three states—Oregon, Vermont and Maine—along with the city of Tolleson, had sued the Justice Department in 2017 over the federal requirements.',
    );
    const by = events(a).find((e) => e.type === 'lawsuit')?.by ?? [];
    expect(by).toEqual(expect.arrayContaining(['oregon', 'vermont', 'maine', 'tolleson']));
    const opposing = (a.stances ?? []).filter((s) => s.kind === 'OPPOSED').map((s) => s.actor);
    expect(opposing).toEqual(expect.arrayContaining(['oregon', 'vermont', 'maine', 'tolleson']));
  });
});

describe('stance recall: a side said in the passive', () => {
  it('"It is supported by A and by B": both support the bill named last before; "was opposed by" opposes it', () => {
    const a = extract(
      'Senate Bill 77, the Open Harbor Act, would limit what police share with federal agents. ' +
        'It is sponsored by Sen. Mara Lind. It is supported by Gov. Tobias Wren and by the American Civil Liberties Union. ' +
        'The bill was opposed by the Fraternal Order of Police.',
    );
    const bill = (a.entities ?? []).find((e) => e.name === 'Open Harbor Act')?.id;
    expect(bill).toBeDefined();
    expect(stances(a)).toEqual(
      expect.arrayContaining([
        `mara-lind SUPPORTED ${bill}`,
        `tobias-wren SUPPORTED ${bill}`,
        `american-civil-liberties-union SUPPORTED ${bill}`,
        `fraternal-order-of-police OPPOSED ${bill}`,
      ]),
    );
  });
});

describe('stance targets: the law signed or vetoed', () => {
  it('"signed the bill that ...": the governor supports the law named by its number, not the description', () => {
    const a = extract(
      'SB 31 bans sanctuary cities in the state. Gov. Tobias Wren was so pleased with the bill that he signed it into law on a Sunday night. Critics said SB 31 goes too far.',
    );
    expect(stances(a)).toContain('tobias-wren SUPPORTED sb-31');
  });

  it('a governor who vetoes a bill opposes it, whether the bill is named there or before', () => {
    for (const text of [
      'Gov. Tobias Wren vetoed the Open Harbor Act on Friday. Supporters of the Open Harbor Act were angry.',
      'The Open Harbor Act would limit police cooperation with federal agents. Gov. Tobias Wren vetoed the bill on Friday.',
    ]) {
      const found = stances(extract(text));
      expect(found).toContain('tobias-wren OPPOSED open-harbor-act');
      expect(found).not.toContain('tobias-wren SUPPORTED open-harbor-act');
    }
  });
});

describe('stance recall: a side on a ruling that blocked a law', () => {
  it('who vows to appeal the ruling that blocked a law supports the law; who hails it opposes the law', () => {
    const a = extract(
      'SB 31 bans sanctuary cities. U.S. District Judge Omar Fenn blocked the state law on Monday. ' +
        '"Today\'s decision makes our communities less safe," Governor Rhea Stanton said. ' +
        '"The ruling is a victory for every family," Mayor Ines Calder said.',
    );
    expect(stances(a)).toEqual(expect.arrayContaining(['rhea-stanton SUPPORTED sb-31', 'ines-calder OPPOSED sb-31']));
  });

  it('implies nothing on the law from a ruling that let it go on', () => {
    const a = extract(
      'SB 31 bans sanctuary cities. U.S. District Judge Omar Fenn on Monday lifted the injunction that had blocked the state law. ' +
        '"Today\'s decision makes our communities less safe," Mayor Ines Calder said.',
    );
    expect(stances(a)).not.toContain('ines-calder SUPPORTED sb-31');
  });
});

describe('stance targets: the law a speaker calls "this bill"', () => {
  it('a speaker for "this bill" supports the named law, not sanctuary policies; rule-of-law framing stays put', () => {
    const a = extract(
      'Gov. Tobias Wren signed the Open Harbor Act on Monday. ' +
        '"Our state has been welcoming of newcomers, and this bill will keep it so," said Mayor Ines Calder. ' +
        '"The bill is about the rule of law," said Sheriff Dale Korver.',
    );
    expect(stances(a)).toContain('ines-calder SUPPORTED open-harbor-act');
    expect(stances(a)).not.toContain('ines-calder SUPPORTED sanctuary-policies');
    // Framing against sanctuary places said of the bill is no opposition to the bill.
    expect(stances(a)).not.toContain('dale-korver OPPOSED open-harbor-act');
  });
});

describe('polarity: who presses the places that refuse', () => {
  it('"sued the agency over its plan to sanction cities that refuse to cooperate": the agency does not support them', () => {
    const a = extract(
      'Last month, the city of Tolleson sued the Justice Department over its plan to sanction cities that refuse to cooperate with immigration agents.',
    );
    expect(stances(a).filter((s) => s.endsWith('SUPPORTED sanctuary-policies'))).toEqual([]);
  });

  it('still reads a named place that refuses, with the relative clause on its name, as supporting', () => {
    const a = extract(
      'The city of Tolleson, which refuses to cooperate with immigration agents, lost a grant on Monday.',
    );
    expect(stances(a)).toContain('tolleson SUPPORTED sanctuary-policies');
  });
});

describe('stance recall: who sponsors or introduces the bill', () => {
  it('"bill sponsor Sen. X" and "Rep. Y, who introduced the companion bill" both support the named law', () => {
    const a = extract(
      'Gov. Tobias Wren signed SB 31 on Monday, joined by bill sponsor state Sen. Mara Lind. ' +
        '"We need everyone to feel safe," said Rep. Ines Calder, who introduced the House companion bill.',
    );
    expect(stances(a)).toEqual(expect.arrayContaining(['mara-lind SUPPORTED sb-31', 'ines-calder SUPPORTED sb-31']));
  });
});

describe('events without a trigger verb of the first lexicon', () => {
  const dated = { published: '2019-08-09' };

  it('"A U.S. judge ruled": the judge named later is the actor, the place in the description is not', () => {
    const a = extract(
      'A U.S. judge ruled that the agency cannot withhold the grants from Corlen. U.S. District Judge Ivo Marsh said in his ruling that the agency lacks the authority.',
      dated,
    );
    const ruling = events(a).find((e) => e.type === 'ruling');
    expect(ruling?.by).toEqual(['ivo-marsh']);
    expect(ruling?.date).toBe('2019-08');
  });

  it('"In response to a lawsuit brought by the city, a judge ruled": the ruling, not the suit, and not by the city', () => {
    const a = extract(
      'U.S. District Judge Ivo Marsh heard the case. In response to a lawsuit brought by the city of Corlen, a federal judge has ruled that the grants must be paid.',
      dated,
    );
    const ruling = events(a).find((e) => e.type === 'ruling');
    expect(ruling?.by).toEqual(['ivo-marsh']);
    expect(events(a).some((e) => e.type === 'lawsuit' && (e.by ?? []).includes('ivo-marsh'))).toBe(false);
  });

  it('a judge who denied a request or ordered an agency to act has ruled', () => {
    for (const verb of ['denied the agency’s request to halt the law', 'ordered the agency to release the funds']) {
      const a = extract(`U.S. District Judge Ivo Marsh on Wednesday ${verb}.`, dated);
      expect(events(a).find((e) => e.type === 'ruling')?.by).toEqual(['ivo-marsh']);
    }
  });

  it('ending or leaving a program is a policy act of whoever ends it', () => {
    for (const text of [
      'Corlen County Sheriff Ada Vey has ended the 287(g) program.',
      'Sheriff Ada Vey withdrew Corlen County from the 287(g) program in January.',
      'In January, Sheriff Ada Vey stopped honoring federal immigration holds.',
    ]) {
      const policy = events(extract(text, dated)).find((e) => e.type === 'policy');
      expect(policy?.by).toEqual(['ada-vey']);
    }
  });

  it('"A bill passed today by the county council": a vote of the body named after "by"', () => {
    const a = extract('A bill passed today by the Corlen County Council would limit the jail’s cooperation.', {
      published: '2019-03-07',
    });
    const vote = events(a).find((e) => e.type === 'vote');
    expect(vote?.by).toEqual(['corlen-county-council']);
    expect(vote?.date).toBe('2019-03-07');
  });
});

describe('datelines are not subjects', () => {
  it('"CORLEN COUNTY, MI – In a statement ..., the agency said": the agency acts, not the place of the dateline', () => {
    for (const dateline of ['CORLEN COUNTY, MI –', 'CORLEN (KXAB/AP) –']) {
      const a = extract(
        `${dateline} In a statement shared by the White House, Immigration and Customs Enforcement accused the sheriff of shielding inmates.`,
        { published: '2019-03-01' },
      );
      const statement = events(a).find((e) => e.type === 'statement');
      expect(statement?.by).toEqual(['immigration-and-customs-enforcement']);
    }
  });
});

describe('entity precision: credits, labels and words that name no one', () => {
  it('drops a bracketed caption credit, a "Name, Associated Press file" line, a name after a caption and a dateline wire', () => {
    const text = [
      'CORLEN, Ore. (AP) — Mayor Tom Ridley sued the state on Monday.',
      'Mayor Tom Ridley speaks outside City Hall. [AP / Jon Vasko]',
      'Bea Sorrel, Associated Press file',
      'Attorney General Rhea Stanton. Arlo Dunne',
      'Ridley said the city would not change its policy.',
    ].join('\n\n');
    const a = extract(text);
    expect(people(a)).toContain('Tom Ridley');
    for (const credit of ['Jon Vasko', 'Bea Sorrel', 'Arlo Dunne']) expect(people(a)).not.toContain(credit);
    expect(names(a)).not.toContain('AP');
  });

  it('reads a prefixed surname ("McTavish", "DeLuca") as the person named in full, not as a brand', () => {
    const a = extract('Sheriff Garry McTavish met Governor Ron DeLuca on Monday. McTavish said DeLuca was wrong.');
    expect(a.entities?.filter((e) => e.kind === 'organization').map((e) => e.name)).toEqual([]);
    expect(people(a)).toEqual(expect.arrayContaining(['Garry McTavish', 'Ron DeLuca']));
    expect(people(a)).toHaveLength(2);
  });

  it('takes no party-and-district label for a person', () => {
    const a = extract('Rep. Lena Ward (D-Mercer Island) introduced the bill.');
    expect(people(a)).toEqual(['Lena Ward']);
  });

  it('leaves out a country named only as a modifier, and never makes it the target of an act', () => {
    const a = extract(
      'Corlen sued the U.S. Department of Justice on Monday. The city will not help U.S. immigration agents.',
      { published: '2019-03-01' },
    );
    expect(names(a)).not.toContain('United States');
    expect(events(a).find((e) => e.type === 'lawsuit')?.targets ?? []).not.toContain('united-states');
  });
});

describe('the debate’s national programs, however the copy writes them', () => {
  const programs = (a: AnnotationInput): string[] =>
    (a.entities ?? []).filter((e) => e.kind === 'program').map((e) => e.name);

  it('makes one 287(g) program of "287(g) agreements", "the 287(g) program" and "known as “287(g)”"', () => {
    const a = extract(
      'Corlen County signed 287(g) agreements in 2017. The sheriff ended the 287(g) program. A contract known as “287(g)” lets deputies act as agents.',
    );
    expect(programs(a)).toEqual(['287(g) program']);
  });

  it('makes one law of "Section 1373" and "8 U.S.C. § 1373"', () => {
    const a = extract('The city complies with Section 1373, the department said. Its lawyers cited 8 U.S.C. § 1373.');
    expect(programs(a)).toEqual(['Section 1373 (8 U.S.C. 1373)']);
  });

  it('gives Byrne JAG and COPS grants their programs’ names', () => {
    const a = extract(
      'Corlen lost its Byrne JAG grants. The Justice Assistance Grant program funds police. Community Oriented Policing Services (COPS) grants pay for officers.',
    );
    expect(programs(a).sort()).toEqual([
      'Community Oriented Policing Services grant program',
      'Edward Byrne Memorial Justice Assistance Grant',
    ]);
  });

  it('takes "the executive order" for the sanctuary order only in a sentence about sanctuary funding, never the travel ban', () => {
    const order = 'Executive order barring sanctuary cities from federal funds';
    expect(
      programs(extract('A judge blocked the executive order that threatened funds for sanctuary cities.')),
    ).toContain(order);
    expect(programs(extract('A judge blocked the executive order on travel from seven countries.'))).not.toContain(
      order,
    );
    expect(programs(extract('The mayor signed an executive order on parking.'))).not.toContain(order);
  });

  it('names the conditions on grant money the grant conditions, and leaves the grant its own name', () => {
    const conditions = 'Byrne JAG immigration conditions';
    const a = extract('Corlen County challenged the immigration-related conditions on its Byrne JAG grants.');
    expect(programs(a).sort()).toEqual([conditions, 'Edward Byrne Memorial Justice Assistance Grant']);
    expect(programs(extract('The strings tied to a federal policing grant are unlawful, the mayor said.'))).toContain(
      conditions,
    );
    expect(programs(extract('The judge set conditions of release for the defendant, who had no grant.'))).toEqual([]);
    expect(programs(extract('Officers said the conditions on the road were poor.'))).toEqual([]);
  });
});

describe('roles: the body an office belongs to', () => {
  const roles = (text: string): string[] => (extract(text).roles ?? []).map((r) => `${r.person} ${r.org}`);

  it('gives a state attorney general the state, whether "state" is written or the story is the state’s', () => {
    expect(roles('In Corlen, Ore., state Attorney General Rhea Stanton sued. Oregon officials agreed.')).toEqual([
      'rhea-stanton oregon',
    ]);
    expect(roles('Oregon sued on Monday. Attorney General Rhea Stanton said Oregon would win.')).toEqual([
      'rhea-stanton oregon',
    ]);
  });

  it('keeps a bare attorney general with the Justice Department when no state is in the story', () => {
    expect(roles('Attorney General Rhea Stanton told cities to cooperate.')).toEqual([
      'rhea-stanton department-of-justice',
    ]);
  });

  it('gives a supervisor, a council member and a judge the board, council or court the article names', () => {
    expect(
      roles('The Corlen County Board of Supervisors voted 4-1. Supervisor Ada Vey voted no. Corlen County lost funds.'),
    ).toEqual(['ada-vey corlen-county-board-of-supervisors']);
    expect(roles('The Corlen City Council met. Council Member Lena Ward spoke.')).toEqual([
      'lena-ward corlen-city-council',
    ]);
    expect(roles('The Corlen County Superior Court ruled. Judge Milo Hart wrote the opinion.')).toEqual([
      'milo-hart corlen-county-superior-court',
    ]);
  });
});

describe('a president’s administration', () => {
  it('names "the Donald Trump administration" and "Trump’s administration" by the surname, as one agency', () => {
    const a = extract(
      'The Donald Trump administration sued Corlen. President Trump’s administration said the city broke the law.',
    );
    const agencies = (a.entities ?? []).filter((e) => e.kind === 'agency').map((e) => e.name);
    expect(agencies).toEqual(['Trump administration']);
  });
});

describe('datelines name no entity', () => {
  it('drops the place of "SALEM, Ore. (AP) —", "AUSTIN (KXAN) —" and "RICHMOND—" unless the body names it', () => {
    for (const dateline of ['CORLEN, Ore. (AP) —', 'CORLEN (KXAB) —', 'CORLEN, Ore. —', 'CORLEN—', 'NEW CORLEN --']) {
      const a = extract(`${dateline} Mayor Tom Ridley sued the state on Monday.`);
      expect(names(a)).not.toContain('Corlen');
      expect(names(a).filter((n) => /corlen/i.test(n))).toEqual([]);
    }
  });
});

describe('names that are labels, abbreviations and ballot numbers', () => {
  it('takes a party label after a name for what the person is, not a body: "a Corlen County Democrat"', () => {
    const a = extract('“It is a compromise,” said Del. Ada Vey, a Corlen County Democrat who sponsored the bill.');
    expect(names(a)).toEqual(['Ada Vey']);
  });

  it('reads abbreviated titles ("City Atty.", "Del.") as titles, never as part of the name', () => {
    const a = extract('Corlen City Atty. Milo Hart said the city was not suing the state.');
    expect(people(a)).toEqual(['Milo Hart']);
    expect((a.roles ?? []).map((r) => `${r.person} ${r.title} ${r.org}`)).toEqual(['milo-hart City Attorney corlen']);
  });

  it('keeps "Washington State" the state, apart from the capital', () => {
    const a = extract('Washington State sued first. Officials in Washington, D.C., said nothing.');
    expect(names(a)).toEqual(expect.arrayContaining(['Washington State', 'Washington, D.C.']));
  });

  it('makes one program of a ballot measure however its number is written', () => {
    const a = extract('Corlen voters rejected Proposition 205 on Tuesday. Prop. 205 would have limited the police.');
    expect((a.entities ?? []).filter((e) => e.kind === 'program').map((e) => e.name)).toEqual(['Proposition 205']);
  });
});

describe('local acts named by their kind, and acts called by their kind later', () => {
  it('makes one program of "a resolution" and "the resolution", named after the place, and points the stances at it', () => {
    const a = extract(
      [
        'The Corlen City Council voted on Monday to approve a resolution on immigration agents.',
        'Council member Ada Kroll sponsored the resolution.',
        'Mayor Ines Calder said she supports the resolution.',
      ].join(' '),
    );
    const programs = (a.entities ?? []).filter((e) => e.kind === 'program');
    expect(programs.map((e) => e.name)).toEqual(['Corlen resolution']);
    const act = programs[0]?.id;
    expect(stances(a)).toEqual(expect.arrayContaining([`ines-calder SUPPORTED ${act}`]));
  });

  it('keeps the name of an act already named: "an ordinance that would ..." is then "the ordinance"', () => {
    const a = extract(
      'The Harbor-Vale council weighed an ordinance that would bar police from asking about immigration status. Sheriff Jon Vasko opposed the ordinance.',
    );
    const programs = (a.entities ?? []).filter((e) => e.kind === 'program').map((e) => e.name);
    expect(programs).toHaveLength(1);
    expect(programs[0]).toMatch(/^Ordinance that would bar police/);
  });

  it('takes "the bill" for the bill the article named, not for a new program', () => {
    const a = extract(
      'Governor Lena Ward signed SB 90 on Friday. Police chiefs in Corlen said the bill would hurt families.',
    );
    expect((a.entities ?? []).filter((e) => e.kind === 'program').map((e) => e.name)).toEqual(['SB 90']);
  });

  it('names no act when the article names no place for it', () => {
    const a = extract('Ada Kroll said a resolution was coming. She did not say when the resolution would be voted on.');
    expect((a.entities ?? []).filter((e) => e.kind === 'program')).toEqual([]);
  });
});

describe('local bodies named without their place', () => {
  it('gives "the City Council" and "the Board of Supervisors" the city and the county the article names most', () => {
    const a = extract(
      [
        'The city of Corlen lies in Vey County. Officials in Corlen met on Monday.',
        'The City Council voted 5-2 to approve the measure.',
        'The Board of Supervisors in Vey County will take it up next week.',
      ].join(' '),
    );
    expect(names(a)).toEqual(expect.arrayContaining(['Corlen City Council', 'Vey County Board of Supervisors']));
    expect(names(a)).not.toContain('City Council');
  });

  it('reads "Council Members A, D-5th Ward, and B" as two council members, the ward label no name', () => {
    const a = extract(
      'Mayor Ines Calder co-sponsored the resolution along with Council Members Ada Kroll, D-5th Ward, and Jon Vasko, D-4th Ward, in Corlen.',
    );
    expect(people(a)).toEqual(expect.arrayContaining(['Ada Kroll', 'Jon Vasko']));
    expect(names(a).filter((n) => /Ward|Council Members/.test(n))).toEqual([]);
  });
});

describe('acts of sponsoring, adopting and voting', () => {
  it('gives who pushed for or voted for a named act support, and who voted against it opposition', () => {
    const a = extract(
      [
        'Governor Lena Ward and Senator Ada Kroll pushed for SB 90 in Corlen.',
        'Senator Jon Vasko voted against SB 90 on Tuesday.',
      ].join(' '),
    );
    const bill = (a.entities ?? []).find((e) => e.name === 'SB 90')?.id;
    expect(stances(a)).toEqual(
      expect.arrayContaining([
        `lena-ward SUPPORTED ${bill}`,
        `ada-kroll SUPPORTED ${bill}`,
        `jon-vasko OPPOSED ${bill}`,
      ]),
    );
  });
});
