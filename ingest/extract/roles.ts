import type { RoleAnnotation } from '../annotation/format';
import type { ArticleContext } from './context';
import { JURISDICTION_OFFICES, MAX_TITLE_WORDS, TITLES, type TitleInfo } from './lexicon';
import type { Mention } from './mentions';
import type { EntityTable, ResolvedEntity } from './resolve';

/**
 * Roles from two constructions: a title before the name ("LA Mayor Eric Garcetti", "Attorney
 * General Jeff Sessions", "jail spokeswoman Candace Hopkins") and an apposition after it
 * ("Maggie Hart Stebbins, chairwoman of the Bernalillo County Commission", "Tom Manger, who
 * serves as the president of ... and chief of police in ...").
 */
export function extractRoles(ctx: ArticleContext, mentions: Mention[], table: EntityTable): RoleAnnotation[] {
  const roles: RoleAnnotation[] = [];
  const add = (role: RoleAnnotation): void => {
    if (!roles.some((r) => r.person === role.person && r.org === role.org)) roles.push(role);
  };
  for (const m of mentions) {
    const person = table.of(m);
    if (!person || person.kind !== 'person') continue;
    if (m.title) {
      let org = titleOrg(ctx, mentions, table, m, m.title.info);
      // One federal office per article: a second "Attorney General" with no body named is a state's.
      const hint = m.title.info.orgHint;
      if (
        org &&
        hint &&
        !m.title.org &&
        roles.some((r) => r.org === org?.id && r.title === m.title?.info.title && r.person !== person.id)
      )
        org = mainJurisdiction(table, 'state') ?? org;
      if (org) {
        add({
          person: person.id,
          title: m.title.info.title,
          org: org.id,
          quote: ctx.text.slice(m.title.start, m.end),
          confidence: 0.9,
        });
      }
    }
    for (const role of appositionRoles(ctx, mentions, table, m, person)) add(role);
  }
  return roles;
}

/** The body of a title written before a name: named before it, implied by it, or the noun before it ("jail"). */
function titleOrg(
  ctx: ArticleContext,
  mentions: Mention[],
  table: EntityTable,
  m: Mention,
  info: TitleInfo,
): ResolvedEntity | undefined {
  const title = m.title;
  if (!title) return undefined;
  // "United States Attorney General": the country is not the office's body, the Justice Department is.
  if (title.org && !(info.orgHint && title.org.type === 'country')) return table.of(title.org);
  // "city solicitor Sozi Pedro Tulante", "state Attorney General Maura Healey": the city or state of the
  // story, before any federal body the bare title would imply.
  const noun = title.precedingNoun;
  if (noun === 'city' || noun === 'county' || noun === 'state')
    return mainJurisdiction(table, noun) ?? hinted(table, info);
  const body = title.org ? undefined : bodyOfOffice(mentions, table, m, info.title);
  if (body) return body;
  // A bare "Attorney General" whom no curated file knows is a state's when the story is about a state: the
  // federal one is a known name ("Attorney General Jeff Sessions") far more often than a new one.
  const state = info.title === 'Attorney General' && !table.of(m)?.known ? mainJurisdiction(table, 'state') : undefined;
  if (state) return state;
  if (info.orgHint) return hinted(table, info);
  if (noun) return recentBodyNamed(mentions, table, m, noun);
  const office = JURISDICTION_OFFICES.get(info.title);
  return office ? mainJurisdiction(table, office) : undefined;
}

function hinted(table: EntityTable, info: TitleInfo): ResolvedEntity | undefined {
  return info.orgHint ? table.ensure(info.orgHint.name, info.orgHint.kind, info.orgHint.type) : undefined;
}

/**
 * Offices held in a body of many members, and how that body's name ends: a supervisor sits on the Board of
 * Supervisors, a judge on a court, a representative in a House. The annotation guide gives such a role to
 * the body when the article names it, not to the county or the state around it.
 */
const BODY_OFFICES: readonly (readonly [RegExp, RegExp])[] = [
  [/^supervisor$/i, /\bboard of supervisors$/i],
  [/^(?:council member|councilman|councilwoman|alderman|alderwoman)$/i, /\b(?:council|board of aldermen)$/i],
  [/^(?:u\.s\. |district |circuit |chief |magistrate )?judge$|^(?:chief )?justice$/i, /\b(?:court|circuit)\b/i],
  [
    /^(?:state |u\.s\. )?representative$|^congress(?:man|woman)$|^delegate$|^assembly(?:man|woman| member)$/i,
    /\bhouse of (?:representatives|delegates)$|\b(?:general )?assembly$/i,
  ],
  [/^(?:state )?senator$/i, /\bsenate$/i],
  [/^(?:county )?commissioner$/i, /\b(?:commission|commissioners court|board of commissioners)$/i],
];

/** The body an office of many members belongs to, when the article names one: the nearest before the name. */
function bodyOfOffice(mentions: Mention[], table: EntityTable, m: Mention, title: string): ResolvedEntity | undefined {
  const names = BODY_OFFICES.find(([office]) => office.test(title))?.[1];
  if (!names) return undefined;
  const fits = (e: ResolvedEntity | undefined): e is ResolvedEntity =>
    e !== undefined && (e.kind === 'agency' || e.kind === 'organization') && names.test(e.name);
  const at = mentions.indexOf(m);
  const before = mentions.slice(0, Math.max(at, 0)).reverse();
  const after = mentions.slice(at + 1).filter((x) => x.sentence === m.sentence);
  for (const x of [...after.slice(0, 3), ...before]) {
    const e = table.of(x);
    if (fits(e)) return e;
  }
  return [...table.entities.values()].find((e) => fits(e) && e.mentions.length > 0);
}

/**
 * The jurisdiction of a type the article is about: the one of that type mentioned most often (the first on
 * a tie). "Gov. Greg Abbott" in a story about Texas governs Texas; "Mayor Kenney" in a Philadelphia story is
 * Philadelphia's.
 */
export function mainJurisdiction(table: EntityTable, type: 'city' | 'state' | 'county'): ResolvedEntity | undefined {
  const candidates = [...table.entities.values()].filter(
    (e) =>
      e.kind === 'jurisdiction' &&
      e.mentions.length > 0 &&
      (e.type === type || new RegExp(`\\b${type}$`, 'i').test(e.name)),
  );
  const first = (e: ResolvedEntity): number => Math.min(...e.mentions.map((x) => x.start));
  return candidates.sort((a, b) => b.mentions.length - a.mentions.length || first(a) - first(b))[0];
}

/** The latest body before `m` whose name ends in `noun`: "jail" is the Bernalillo County jail named earlier. */
function recentBodyNamed(
  mentions: Mention[],
  table: EntityTable,
  m: Mention,
  noun: string,
): ResolvedEntity | undefined {
  const singular = noun.replace(/s$/, '');
  for (let i = mentions.indexOf(m) - 1; i >= 0; i--) {
    const entity = table.of(mentions[i] as Mention);
    const last = entity?.name.toLowerCase().split(/\s+/).pop()?.replace(/s$/, '');
    if (entity && entity.kind !== 'person' && last === singular) return entity;
  }
  return undefined;
}

const TITLE_WORD = String.raw`[a-z][a-z.-]*`;
/** ", [who serves as|who is] [the|an] <title words> <of|for|with|at|in> [the] [lowercase descriptors]" */
const APPOSITION = new RegExp(
  String.raw`^,?\s+(?:who\s+(?:serves|served|is|was)\s+(?:as\s+)?)?(?:the\s+|an?\s+)?((?:${TITLE_WORD}\s+){0,${MAX_TITLE_WORDS - 1}}${TITLE_WORD})\s+(?:of|for|with|at|in)\s+(?:the\s+)?`,
  'i',
);
const CONTINUED = new RegExp(
  String.raw`^,?\s+and\s+(?:the\s+|an?\s+)?((?:${TITLE_WORD}\s+){0,${MAX_TITLE_WORDS - 1}}${TITLE_WORD})\s+(?:of|for|with|at|in)\s+(?:the\s+)?`,
  'i',
);

/** Roles stated by an apposition after the name, chained with "and": "president of X and chief of police in Y". */
function appositionRoles(
  ctx: ArticleContext,
  mentions: Mention[],
  table: EntityTable,
  m: Mention,
  person: ResolvedEntity,
): RoleAnnotation[] {
  const roles: RoleAnnotation[] = [];
  let cursor = m.end;
  let pattern = APPOSITION;
  for (;;) {
    const rest = ctx.text.slice(cursor, cursor + 160);
    const match = pattern.exec(rest);
    const info = match ? titleOf(match[1] ?? '') : undefined;
    if (!match || !info) return roles;
    const orgStart = cursor + match[0].length;
    const orgMention = mentions
      .filter(
        (o) =>
          o.start >= orgStart &&
          o.start <= orgStart + 40 &&
          !/[,;.]/.test(ctx.text.slice(orgStart, o.start)) &&
          table.of(o)?.kind !== 'person',
      )
      .sort((a, b) => a.start - b.start || b.end - a.end)[0];
    const org = orgMention ? table.of(orgMention) : undefined;
    if (!orgMention || !org) return roles;
    roles.push({
      person: person.id,
      title: info.title,
      org: org.id,
      quote: ctx.text.slice(m.start, orgMention.end),
      confidence: 0.85,
    });
    cursor = orgMention.end;
    pattern = CONTINUED;
  }
}

/** The title at the end of a run of words ("immigrant-rights organization director" has none; "executive director" is one). */
function titleOf(words: string): TitleInfo | undefined {
  const list = words.toLowerCase().split(/\s+/);
  for (let start = 0; start < list.length; start++) {
    const info = TITLES.get(list.slice(start).join(' '));
    if (info) return { ...info, title: capitalizeTitle(list.slice(start).join(' '), info.title) };
  }
  return undefined;
}

/** Keeps the canonical title, but "Southwest Organizer" keeps its qualifier when the text has one. */
function capitalizeTitle(written: string, canonical: string): string {
  return written.split(/\s+/).length > canonical.split(/\s+/).length
    ? written.replace(/(^|[\s-])\p{Ll}/gu, (c) => c.toUpperCase())
    : canonical;
}
