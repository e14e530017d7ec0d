/**
 * Roles from CoreNLP's KBP relations: per:title gives a person's title; the body is a place written right
 * before the title ("Texas Attorney General"), else the one org:top_members_employees ties to the person, else
 * the body the lexicon ties the office to (Attorney General: Justice Department), else for a local office
 * (mayor, governor, city solicitor) the article's most-named jurisdiction of that level. Residence slots and
 * per:employee_or_member_of (which takes any nearby body) are never read.
 */

import type { RoleAnnotation } from '../../annotation/format';
import type { ArticleContext } from '../context';
import { TITLES } from '../lexicon';
import type { Mention } from '../mentions';
import type { EntityTable, ResolvedEntity } from '../resolve';
import type { CoreKbp } from './corenlp-json';
import { inRanges } from './credits';
import type { ParseView } from './parse-view';

const BODY_KINDS = new Set(['agency', 'organization', 'jurisdiction']);

/** Roles stated by KBP relations that the rules did not find. */
export function kbpRoles(
  ctx: ArticleContext,
  view: ParseView,
  mentions: Mention[],
  table: EntityTable,
  credits: [number, number][],
): RoleAnnotation[] {
  const roles: RoleAnnotation[] = [];
  for (const [s, sentence] of view.sentences.entries()) {
    const entityOf = (span: [number, number]): ResolvedEntity | undefined => {
      const [start, end] = view.span(s, span[0] + 1, span[1]);
      if (inRanges(credits, start, end)) return undefined;
      const m = mentions.find((x) => x.entityId !== undefined && start < x.end && x.start < end);
      return m ? table.of(m) : undefined;
    };
    for (const rel of sentence.kbp) {
      if (rel.relation !== 'per:title') continue;
      const person = entityOf(rel.subjectSpan);
      if (person?.kind !== 'person') continue;
      const [titleStart] = view.span(s, rel.objectSpan[0] + 1, rel.objectSpan[0] + 1);
      const info = TITLES.get(rel.object.toLowerCase());
      const written = rel.object.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
      const level = officeLevel(rel.object, ctx.text.slice(Math.max(0, titleStart - 12), titleStart));
      // "Texas Attorney General Ken Paxton": a place written before the title is the office's, not the title's hint.
      // A country before a federal title ("United States Attorney General") is not the office's body.
      const glued = mentions.find(
        (m) =>
          m.entityId !== undefined &&
          m.end <= titleStart &&
          titleStart - m.end <= 1 &&
          BODY_KINDS.has(m.kind) &&
          m.type !== 'country',
      );
      // An office the lexicon ties to a body (Attorney General: Justice Department) is held there when it is
      // written as a title, capitalized; "president of the association" is the association's.
      const hint = info?.orgHint && /^\p{Lu}/u.test(rel.object) ? info.orgHint : undefined;
      const org =
        (glued ? table.of(glued) : undefined) ??
        bodyOf(sentence.kbp, entityOf, person) ??
        (hint ? table.ensure(hint.name, hint.kind, hint.type) : undefined) ??
        (level ? mainJurisdiction(table, level) : undefined);
      if (!org || org === person || (!info && !level)) continue;
      const index = view.ruleSentenceAt(titleStart);
      const quote = index === undefined ? undefined : ctx.sentences[index]?.text;
      if (!quote || quote.trim().length < 3) continue;
      roles.push({ person: person.id, title: info?.title ?? written, org: org.id, quote, confidence: 0.7 });
    }
  }
  return roles;
}

/** Offices of a city, a county or a state, by their title or the word before it ("city solicitor"). */
const LEVEL_OF_TITLE: Readonly<Record<string, 'city' | 'county' | 'state'>> = {
  mayor: 'city',
  'deputy mayor': 'city',
  alderman: 'city',
  councilman: 'city',
  councilwoman: 'city',
  'city council member': 'city',
  sheriff: 'county',
  'county commissioner': 'county',
  'county executive': 'county',
  governor: 'state',
  'gov.': 'state',
  'lieutenant governor': 'state',
  'state attorney general': 'state',
};

function officeLevel(title: string, before: string): 'city' | 'county' | 'state' | undefined {
  const lower = title.toLowerCase();
  const word =
    /\b(city|county|state)\s*$/i.exec(before)?.[1]?.toLowerCase() ?? /^(city|county|state)\b/.exec(lower)?.[1];
  return LEVEL_OF_TITLE[lower] ?? (word as 'city' | 'county' | 'state' | undefined);
}

/** The jurisdiction of a level that the article names most: the city a mayor of the story governs. */
function mainJurisdiction(table: EntityTable, level: 'city' | 'county' | 'state'): ResolvedEntity | undefined {
  const places = [...table.entities.values()].filter(
    (e) => e.kind === 'jurisdiction' && (e.type === level || (level === 'county' && /\bcounty$/i.test(e.name))),
  );
  return places.sort((a, b) => b.mentions.length - a.mentions.length)[0];
}

function bodyOf(
  relations: CoreKbp[],
  entityOf: (span: [number, number]) => ResolvedEntity | undefined,
  person: ResolvedEntity,
): ResolvedEntity | undefined {
  for (const rel of relations) {
    let body: ResolvedEntity | undefined;
    if (rel.relation === 'org:top_members_employees' && entityOf(rel.objectSpan) === person)
      body = entityOf(rel.subjectSpan);
    if (rel.relation === 'per:employee_or_member_of' && entityOf(rel.subjectSpan) === person)
      body = entityOf(rel.objectSpan);
    if (body && BODY_KINDS.has(body.kind)) return body;
  }
  return undefined;
}

/** The rules' roles, then the KBP roles for a person and body, or a person and title, they do not have. */
export function mergeRoles(rules: RoleAnnotation[], extra: RoleAnnotation[]): RoleAnnotation[] {
  const out = [...rules];
  const same = (a: RoleAnnotation, b: RoleAnnotation): boolean =>
    a.person === b.person && (a.org === b.org || a.title.toLowerCase() === b.title.toLowerCase());
  for (const r of extra) if (!out.some((o) => same(o, r))) out.push(r);
  return out;
}
