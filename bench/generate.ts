import { createHash } from 'node:crypto';
import { mulberry32 } from '../src/core/random';
import { type EntityKind, EVENT_TYPES } from '../src/core/vocabulary';
import type {
  Annotation,
  EntityAnnotation,
  EventAnnotation,
  RelationAnnotation,
  RoleAnnotation,
  StanceAnnotation,
} from '../ingest/annotation/format';
import type { ArticleDocument } from '../ingest/article/read';

/**
 * A deterministic synthetic graph in the project's own model, produced as articles (an ArticleDocument whose
 * text holds every quote, and its Annotation) so that it is loaded through the project's own ingest path.
 * Degrees are heavy-tailed: entity choices follow a power law over a pool whose first members are the hubs
 * (department-of-justice, jeff-sessions, ...), so a few hubs get most edges.
 */

/** An index in [0, n) where low indices are far more likely: u^skew, skew > 1 gives a heavy head. */
export function skewedIndex(rand: () => number, n: number, skew: number): number {
  return Math.min(n - 1, Math.floor(n * Math.pow(rand(), skew)));
}

export interface GenerateOptions {
  /** How many fact rows to generate in all (each becomes one relationship, or evidence on one when repeated). */
  facts: number;
  /** Facts per synthetic article: one article is one transaction of the loader. */
  factsPerArticle?: number;
  seed?: number;
  /** Exponent of the power law; 3 gives the hubs a large share. */
  skew?: number;
}

export interface SyntheticArticle {
  doc: ArticleDocument;
  annotation: Annotation;
}

interface PoolEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  type?: string;
}

/** The hubs, first in their pools: they are the most likely pick. Ids match the seed corpus. */
const HUB_AGENCIES: PoolEntity[] = [
  {
    id: 'department-of-justice',
    kind: 'agency',
    name: 'Department of Justice',
    aliases: ['DOJ', 'Justice Department'],
  },
  { id: 'ice', kind: 'agency', name: 'Immigration and Customs Enforcement', aliases: ['ICE'] },
  { id: 'department-of-homeland-security', kind: 'agency', name: 'Department of Homeland Security', aliases: ['DHS'] },
];
const HUB_PEOPLE: PoolEntity[] = [
  { id: 'jeff-sessions', kind: 'person', name: 'Jeff Sessions', aliases: ['Sessions'] },
  { id: 'eric-garcetti', kind: 'person', name: 'Eric Garcetti', aliases: ['Garcetti'] },
];
const HUB_JURISDICTIONS: PoolEntity[] = [
  { id: 'los-angeles', kind: 'jurisdiction', name: 'Los Angeles', aliases: ['LA'], type: 'city' },
  { id: 'california', kind: 'jurisdiction', name: 'California', aliases: [], type: 'state' },
];
const HUB_PROGRAMS: PoolEntity[] = [
  {
    id: 'public-safety-partnership',
    kind: 'program',
    name: 'Public Safety Partnership',
    aliases: [],
    type: 'partnership',
  },
];

const FIRST = ['Ana', 'Ben', 'Carla', 'Dev', 'Elena', 'Frank', 'Gita', 'Hugo', 'Iris', 'Jon', 'Kira', 'Luis'];
const LAST = ['Alvarez', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hill', 'Ito', 'Jones', 'Khan'];
const PLACES = ['Springfield', 'Riverside', 'Fairview', 'Madison', 'Georgetown', 'Salem', 'Franklin', 'Clinton'];
const TITLES = ['Mayor', 'Police Chief', 'Sheriff', 'Director', 'Attorney General', 'Spokesperson', 'Commissioner'];
const PROGRAM_TYPES = ['grant', 'partnership', 'bill', 'law', 'policy', 'order'];

function words(i: number, list: string[]): string {
  return `${list[i % list.length]!}${i >= list.length ? ` ${Math.floor(i / list.length)}` : ''}`;
}

/** The entity pools of a graph of about `facts` facts: each grows with the size, hubs first. */
export function buildPools(facts: number): Record<'people' | 'agencies' | 'jurisdictions' | 'programs', PoolEntity[]> {
  const n = (ratio: number, min: number) => Math.max(min, Math.round(facts * ratio));
  const make = (hubs: PoolEntity[], count: number, f: (i: number) => PoolEntity) => [
    ...hubs,
    ...Array.from({ length: Math.max(0, count - hubs.length) }, (_, i) => f(i)),
  ];
  return {
    people: make(HUB_PEOPLE, n(0.06, 20), (i) => ({
      id: `person-${i}`,
      kind: 'person',
      name: `${FIRST[i % FIRST.length]!} ${LAST[Math.floor(i / FIRST.length) % LAST.length]!} ${i}`,
      aliases: [],
    })),
    agencies: make(HUB_AGENCIES, n(0.01, 10), (i) => ({
      id: `agency-${i}`,
      kind: 'agency',
      name: `${words(i, PLACES)} Police Department`,
      aliases: [],
      type: 'police',
    })),
    jurisdictions: make(HUB_JURISDICTIONS, n(0.01, 10), (i) => ({
      id: `jurisdiction-${i}`,
      kind: 'jurisdiction',
      name: `${words(i, PLACES)} County`,
      aliases: [],
      type: 'county',
    })),
    programs: make(HUB_PROGRAMS, n(0.002, 5), (i) => ({
      id: `program-${i}`,
      kind: 'program',
      name: `${words(i, PLACES)} Grant Program`,
      aliases: [],
      type: PROGRAM_TYPES[i % PROGRAM_TYPES.length]!,
    })),
  };
}

function dateFor(rand: () => number): string {
  const year = 2016 + Math.floor(rand() * 4);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Yields synthetic articles, deterministic for a seed. Per article: new events (initiated by hubs most of the
 * time, each with a target and often a program), stances on events (new and earlier ones, power law over
 * events), roles and relations. Every quote is a sentence of the article's text.
 */
export function* generateArticles(options: GenerateOptions): Generator<SyntheticArticle> {
  const perArticle = options.factsPerArticle ?? 500;
  const rand = mulberry32(options.seed ?? 42);
  const skew = options.skew ?? 3;
  const pools = buildPools(options.facts);
  const pick = (pool: PoolEntity[]) => pool[skewedIndex(rand, pool.length, skew)]!;
  const pickActor = (): PoolEntity => {
    const r = rand();
    return r < 0.5 ? pick(pools.people) : r < 0.8 ? pick(pools.agencies) : pick(pools.jurisdictions);
  };
  let eventCount = 0;
  let emitted = 0;
  let articleIndex = 0;
  while (emitted < options.facts) {
    const budget = Math.min(perArticle, options.facts - emitted);
    const articleId = `synthetic-${String(articleIndex).padStart(6, '0')}`;
    const sentences: string[] = [];
    const declared = new Map<string, PoolEntity>();
    const use = (e: PoolEntity): string => {
      declared.set(e.id, e);
      return e.id;
    };
    const roles: RoleAnnotation[] = [];
    const relations: RelationAnnotation[] = [];
    const events: EventAnnotation[] = [];
    const stances: StanceAnnotation[] = [];
    const say = (s: string): string => {
      sentences.push(s);
      return s;
    };
    let facts = 0;
    while (facts < budget) {
      const r = rand();
      if (r < 0.1) {
        const person = pick(pools.people);
        const org = rand() < 0.7 ? pick(pools.agencies) : pick(pools.jurisdictions);
        const title = person.id === 'jeff-sessions' ? 'Attorney General' : TITLES[Math.floor(rand() * TITLES.length)]!;
        roles.push({
          person: use(person),
          org: use(org),
          title,
          quote: say(`${person.name} serves as ${title} of ${org.name} (${articleId}, ${facts}).`),
        });
        facts += 1;
      } else if (r < 0.15) {
        const a = pick(pools.agencies);
        const b = rand() < 0.5 ? pick(pools.agencies) : pick(pools.jurisdictions);
        if (a.id === b.id) continue;
        const type = b.kind === 'jurisdiction' ? 'SERVES' : rand() < 0.5 ? 'PART_OF' : 'COOPERATED_WITH';
        relations.push({
          type,
          from: use(a),
          to: use(b),
          quote: say(`${a.name} ${type.toLowerCase().replace(/_/g, ' ')} ${b.name} (${articleId}, ${facts}).`),
        });
        facts += 1;
      } else if (r < 0.35 && budget - facts >= 3) {
        const id = `event-${eventCount}`;
        eventCount += 1;
        const by = pickActor();
        const target = rand() < 0.5 ? pick(pools.jurisdictions) : pickActor();
        const program = rand() < 0.6 ? pick(pools.programs) : null;
        const type = EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)]!;
        const name = `${by.name} ${type} ${eventCount}`;
        const event: EventAnnotation = {
          id,
          type,
          name,
          aliases: [],
          date: dateFor(rand),
          by: [use(by)],
          targets: target.id === by.id ? [] : [use(target)],
          concerns: program ? [use(program)] : [],
          quotes: [say(`${by.name} issued the ${type} ${eventCount} against ${target.name}.`)],
        };
        events.push(event);
        facts += 1 + event.targets.length + event.concerns.length;
      } else if (eventCount > 0) {
        // Stances favour early events (a power law over event numbers): event-0 is the most contested.
        const eventId = `event-${skewedIndex(rand, eventCount, skew)}`;
        const actor = pickActor();
        const kind = rand() < 0.7 ? 'OPPOSED' : 'SUPPORTED';
        stances.push({
          actor: use(actor),
          kind,
          target: eventId,
          quote: say(`${actor.name} ${kind.toLowerCase()} ${eventId} (${articleId}, ${facts}).`),
        });
        facts += 1;
      }
    }
    const entities: EntityAnnotation[] = [...declared.values()].map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      ...(e.type ? { type: e.type } : {}),
    }));
    const text = sentences.join('\n');
    const file = `${articleId}.txt`;
    yield {
      doc: {
        file,
        path: `/synthetic/${file}`,
        format: 'text',
        text,
        meta: { title: `Synthetic article ${articleIndex}` },
        contentHash: createHash('sha256').update(text).digest('hex'),
      },
      annotation: {
        article: { file, id: articleId, title: `Synthetic article ${articleIndex}`, published: dateFor(rand) },
        origin: 'curated',
        entities,
        roles,
        relations,
        events,
        stances,
      },
    };
    emitted += facts;
    articleIndex += 1;
  }
}

/** Parses a size such as seed, 10k, 100k, 1m into a fact count (null for the seed corpus). */
export function parseSize(size: string): number | null {
  if (size === 'seed') return null;
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(size);
  if (!m) throw new Error(`Unknown size "${size}": use seed or a number such as 10k, 100k, 1m`);
  const mult = m[2]?.toLowerCase() === 'k' ? 1e3 : m[2]?.toLowerCase() === 'm' ? 1e6 : 1;
  return Math.round(Number(m[1]) * mult);
}
