/**
 * Roles from CoreNLP's KBP relations: per:title gives a person's title, and the body is the one that
 * org:top_members_employees or per:employee_or_member_of ties to the same person in the sentence, else the
 * body the title implies (the lexicon's federal offices). Residence slots are never read.
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
      const info = TITLES.get(rel.object.toLowerCase());
      const person = entityOf(rel.subjectSpan);
      if (!info || person?.kind !== 'person') continue;
      const org =
        bodyOf(sentence.kbp, entityOf, person) ??
        (info.orgHint ? table.ensure(info.orgHint.name, info.orgHint.kind, info.orgHint.type) : undefined);
      if (!org || org === person) continue;
      const [start] = view.span(s, 1, 1);
      const index = view.ruleSentenceAt(start);
      const quote = index === undefined ? undefined : ctx.sentences[index]?.text;
      if (!quote || quote.trim().length < 3) continue;
      roles.push({ person: person.id, title: info.title, org: org.id, quote, confidence: 0.7 });
    }
  }
  return roles;
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

/** The rules' roles, then the KBP roles for a person and body they do not have. */
export function mergeRoles(rules: RoleAnnotation[], extra: RoleAnnotation[]): RoleAnnotation[] {
  const out = [...rules];
  for (const r of extra) if (!out.some((o) => o.person === r.person && o.org === r.org)) out.push(r);
  return out;
}
