import type { Database } from '../../../src/core/database';
import { clearGraph } from '../../support/database';

/** The quote of Garcetti's stance, as the seed article words it. */
export const GARCETTI_QUOTE = 'Threaten me all you want. I will stand up for every Angeleno.';

/**
 * A small graph written exactly as docs/model.md describes it (labels, fact relationships with key,
 * evidenceQuotes/evidenceArticles/evidenceConfidence, MENTIONS with quote), so API semantics can be
 * checked against known answers independently of the curated corpus:
 *
 * - Jeff Sessions HOLDS_ROLE Attorney General at the Department of Justice.
 * - He INITIATED the subpoena threat (2018-01-24), which TARGETS Los Angeles and CONCERNS sanctuary policies;
 *   Eric Garcetti (Mayor of Los Angeles) OPPOSED it.
 * - The DOJ itself INITIATED letters (2017-08); Los Angeles OPPOSED them.
 * - Donald Trump (no DOJ role) INITIATED an order (2017) that San Francisco OPPOSED: not a DOJ action.
 * - Garcetti SUPPORTED sanctuary policies (a program, no date).
 */
const NODES = `
CREATE (a004:Article {id: '004_7eba275eeb4bf9d5', file: '004_7eba275eeb4bf9d5.txt', origin: 'curated',
  title: 'Atty. General Sessions warns sanctuary cities repercussions for noncompliance with the federal immigration agencies',
  published: '2018-01', author: 'Klarize Medenilla', source: 'Asian Journal'})
CREATE (a001:Article {id: '001_ff022c1cbb6f11f8', file: '001_ff022c1cbb6f11f8.txt', origin: 'curated',
  title: "Attorney General Sessions Threatens to Punish 'Sanctuary Cities'", published: '2017-08-04'})
CREATE (sessions:Entity:Person {id: 'jeff-sessions', name: 'Jeff Sessions', aliases: ['Sessions', 'Atty. General Sessions'], sources: ['004_7eba275eeb4bf9d5']})
CREATE (trump:Entity:Person {id: 'donald-trump', name: 'Donald Trump', aliases: ['President Trump'], sources: ['004_7eba275eeb4bf9d5']})
CREATE (garcetti:Entity:Person {id: 'eric-garcetti', name: 'Eric Garcetti', aliases: ['Garcetti', 'LA Mayor Eric Garcetti'], sources: ['004_7eba275eeb4bf9d5']})
CREATE (doj:Entity:Agency {id: 'department-of-justice', name: 'Department of Justice', aliases: ['Justice Department', 'DOJ'], sources: ['004_7eba275eeb4bf9d5']})
CREATE (la:Entity:Jurisdiction {id: 'los-angeles', name: 'Los Angeles', aliases: ['LA', 'L.A.'], type: 'city', sources: ['004_7eba275eeb4bf9d5']})
CREATE (sf:Entity:Jurisdiction {id: 'san-francisco', name: 'San Francisco', aliases: [], type: 'city', sources: ['004_7eba275eeb4bf9d5']})
CREATE (policies:Entity:Program {id: 'sanctuary-policies', name: 'Sanctuary policies', aliases: ['sanctuary city practices'], type: 'policy', sources: ['004_7eba275eeb4bf9d5']})
CREATE (threat:Entity:Event {id: 'sessions-subpoena-threat-2018-01-24', name: 'Sessions threatens to subpoena sanctuary cities',
  aliases: [], eventType: 'threat', date: '2018-01-24', datePrecision: 'day', sources: ['004_7eba275eeb4bf9d5']})
CREATE (letters:Entity:Event {id: 'doj-letters-2017-08', name: 'Justice Department letters to four cities',
  aliases: [], eventType: 'letter', date: '2017-08', datePrecision: 'month', sources: ['001_ff022c1cbb6f11f8']})
CREATE (order:Entity:Event {id: 'trump-order-2017', name: 'Trump executive order barring sanctuary cities from federal funds',
  aliases: [], eventType: 'order', date: '2017', datePrecision: 'year', sources: ['004_7eba275eeb4bf9d5']})
`;

/** Writes one fact relationship with its evidence lists, as the ingest does (the type is a constant of FACTS). */
const FACT = (type: string): string => `
MATCH (x:Entity {id: $from}), (y:Entity {id: $to})
CREATE (x)-[r:${type} {key: $key, title: $title, evidenceQuotes: [$quote], evidenceArticles: [$article],
  evidenceConfidence: [1.0], sources: [$article], confidence: 1.0}]->(y)`;

interface FactRow {
  type: string;
  from: string;
  to: string;
  quote: string;
  article: string;
  title?: string;
}

const A004 = '004_7eba275eeb4bf9d5';
const A001 = '001_ff022c1cbb6f11f8';

const FACTS: FactRow[] = [
  {
    type: 'HOLDS_ROLE',
    from: 'jeff-sessions',
    to: 'department-of-justice',
    quote: 'United States Attorney General Jeff Sessions',
    article: A004,
    title: 'Attorney General',
  },
  {
    type: 'HOLDS_ROLE',
    from: 'eric-garcetti',
    to: 'los-angeles',
    quote: 'LA Mayor Eric Garcetti',
    article: A004,
    title: 'Mayor',
  },
  {
    type: 'INITIATED',
    from: 'jeff-sessions',
    to: 'sessions-subpoena-threat-2018-01-24',
    quote:
      'United States Attorney General Jeff Sessions on Wednesday, January 24 threatened to subpoena any sanctuary city.',
    article: A004,
  },
  {
    type: 'TARGETS',
    from: 'sessions-subpoena-threat-2018-01-24',
    to: 'los-angeles',
    quote: 'So far, 23 cities have come out as sanctuary cities, including New York, Chicago and Los Angeles.',
    article: A004,
  },
  {
    type: 'CONCERNS',
    from: 'sessions-subpoena-threat-2018-01-24',
    to: 'sanctuary-policies',
    quote:
      'United States Attorney General Jeff Sessions on Wednesday, January 24 threatened to subpoena any sanctuary city.',
    article: A004,
  },
  {
    type: 'OPPOSED',
    from: 'eric-garcetti',
    to: 'sessions-subpoena-threat-2018-01-24',
    quote: GARCETTI_QUOTE,
    article: A004,
  },
  {
    type: 'SUPPORTED',
    from: 'eric-garcetti',
    to: 'sanctuary-policies',
    quote: 'LA Mayor Eric Garcetti, a firm advocate of sanctuary city practices',
    article: A004,
  },
  {
    type: 'INITIATED',
    from: 'department-of-justice',
    to: 'doj-letters-2017-08',
    quote: 'The Justice Department sent letters to four cities.',
    article: A001,
  },
  {
    type: 'TARGETS',
    from: 'doj-letters-2017-08',
    to: 'los-angeles',
    quote: 'The Justice Department sent letters to four cities.',
    article: A001,
  },
  {
    type: 'OPPOSED',
    from: 'los-angeles',
    to: 'doj-letters-2017-08',
    quote: 'Los Angeles officials rejected the letters.',
    article: A001,
  },
  {
    type: 'INITIATED',
    from: 'donald-trump',
    to: 'trump-order-2017',
    quote: 'Last year, President Donald Trump issued an executive order.',
    article: A004,
  },
  {
    type: 'OPPOSED',
    from: 'san-francisco',
    to: 'trump-order-2017',
    quote: 'San Francisco sued over the order.',
    article: A004,
  },
];

/** Replaces the graph with the fixture. */
export async function loadFixture(db: Database): Promise<void> {
  await clearGraph(db);
  await db.write(NODES);
  for (const fact of FACTS) {
    await db.write(FACT(fact.type), {
      from: fact.from,
      to: fact.to,
      quote: fact.quote,
      article: fact.article,
      title: fact.title ?? null,
      key: `${fact.type}|${fact.from}|${fact.to}|${(fact.title ?? '').toLowerCase()}`,
    });
  }
  // `sources` above only says which articles mention a node; the model keeps that as MENTIONS alone.
  await db.write(
    `MATCH (a:Article), (n:Entity) WHERE a.id IN n.sources MERGE (a)-[m:MENTIONS]->(n) SET m.quote = n.name`,
  );
  await db.write('MATCH (n:Entity) REMOVE n.sources');
}
