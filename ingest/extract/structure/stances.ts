/**
 * Stances read from structure: the subject of an evaluative verb (sue, criticize, praise, defend, ...) toward
 * its object; the parties of a court case toward the ruling (those on the side it favours support it, those
 * it rules against oppose it); and what follows from opposing or supporting a ruling that blocks a program.
 * A lawsuit's plaintiff opposes the act or program sued over, never the reverse.
 */

import type { RoleAnnotation } from '../../annotation/format';
import type { Statement } from '../attribution';
import type { ArticleContext } from '../context';
import type { ExtractedEvent } from '../events';
import type { ExtractedStance, StanceKind } from '../stances';
import { CONTESTED_TYPES, lawsuitTarget, OPPOSE_VERB, SUPPORT_VERB } from '../stances';
import type { EntityTable, ResolvedEntity } from '../resolve';
import type { ArgumentReader, Clause } from './svo';

const key = (s: ExtractedStance): string =>
  `${s.actor.id}|${s.kind}|${'event' in s.target ? s.target.event.id : s.target.entity.id}`;

/** Stances of the subjects of evaluative verbs toward what the clause is about. */
export function verbStances(reader: ArgumentReader, events: ExtractedEvent[]): ExtractedStance[] {
  const out: ExtractedStance[] = [];
  for (const clause of reader.clauses()) {
    const sentence = reader.ruleSentence(clause);
    if (sentence === undefined || clause.agents.length === 0) continue;
    const kind: StanceKind | undefined = OPPOSE_VERB.test(clause.word)
      ? 'OPPOSED'
      : SUPPORT_VERB.test(clause.word)
        ? 'SUPPORTED'
        : undefined;
    if (!kind) continue;
    const target = clauseTarget(clause, events, sentence, clause.lemma === 'sue', reader.objectIsNamed(clause));
    if (!target) continue;
    // The collective node of sanctuary places is what the debate is about, not someone who takes a side.
    for (const actor of clause.agents)
      if (!('entity' in target && target.entity === actor) && actor.name !== 'Sanctuary jurisdictions')
        out.push({ actor, kind, target, sentence, confidence: 0.65 });
  }
  return out;
}

/**
 * What an evaluative clause is about: a program it names; for a lawsuit, the act of the party sued; an act of
 * the party when the object is a noun about it ("Gimenez's action"); else the party itself.
 */
function clauseTarget(
  clause: Clause,
  events: ExtractedEvent[],
  sentence: number,
  lawsuit: boolean,
  named: boolean,
): ExtractedStance['target'] | undefined {
  const args = [...clause.patients, ...clause.obliques];
  const program = args.find((e) => e.kind === 'program');
  if (program) return { entity: program };
  const party = args.find((e) => e.kind !== 'program');
  if (!party) return undefined;
  const acts = events.filter((e) => e.by.includes(party) && (e.sentences[0] ?? Infinity) <= sentence + 2);
  const contested = acts.filter((e) => !lawsuit || CONTESTED_TYPES.has(e.type));
  const act = contested.find((e) => e.concerns.length > 0) ?? contested[0];
  if (lawsuit) return act?.concerns[0] ? { entity: act.concerns[0] } : act ? { event: act } : { entity: party };
  // "praised Gimenez's swift action": a noun about the party's doing is the party's act.
  return !named && acts[0] ? { event: acts[acts.length - 1] as ExtractedEvent } : { entity: party };
}

/**
 * The parties' stances toward each ruling, for those who speak after it: the plaintiffs of the article's
 * lawsuits and whoever holds office in them support a ruling that is not against them; the ruling's targets
 * (and those the plaintiffs sued) and their officials oppose it.
 */
export function rulingStances(
  events: ExtractedEvent[],
  statements: Statement[],
  roles: RoleAnnotation[],
  entity: (id: string) => ResolvedEntity | undefined,
): ExtractedStance[] {
  const out: ExtractedStance[] = [];
  const plaintiffs = new Set(events.filter((e) => e.type === 'lawsuit').flatMap((e) => e.by));
  const sued = new Set(events.filter((e) => e.type === 'lawsuit').flatMap((e) => e.targets));
  const sideOf = (who: ResolvedEntity): ResolvedEntity[] => [
    who,
    ...roles.filter((r) => r.person === who.id).flatMap((r) => entity(r.org) ?? []),
  ];
  for (const ruling of events.filter((e) => e.type === 'ruling')) {
    const at = ruling.sentences[0] ?? 0;
    const against = new Set([...ruling.targets, ...(ruling.targets.some((t) => plaintiffs.has(t)) ? [] : sued)]);
    const favoured = new Set([...plaintiffs].filter((p) => !ruling.targets.includes(p)));
    const speakers = new Set(statements.filter((s) => s.sentence >= at).map((s) => s.speaker));
    for (const who of speakers) {
      if (ruling.by.includes(who) || who.name === 'Sanctuary jurisdictions') continue;
      const side = sideOf(who);
      const kind: StanceKind | undefined = side.some((e) => favoured.has(e))
        ? 'SUPPORTED'
        : side.some((e) => against.has(e))
          ? 'OPPOSED'
          : undefined;
      if (kind) out.push({ actor: who, kind, target: { event: ruling }, sentence: at, confidence: 0.55 });
    }
  }
  return out;
}

/** Opposing a ruling that blocks a program is supporting the program, and supporting it opposing the program. */
export function impliedStances(stances: ExtractedStance[]): ExtractedStance[] {
  const out: ExtractedStance[] = [];
  for (const s of stances) {
    if (!('event' in s.target) || s.target.event.type !== 'ruling') continue;
    for (const program of s.target.event.concerns)
      out.push({
        actor: s.actor,
        kind: s.kind === 'OPPOSED' ? 'SUPPORTED' : 'OPPOSED',
        target: { entity: program },
        sentence: s.sentence,
        confidence: 0.5,
      });
  }
  return out;
}

/** The stances of `first` and those of `more` that add an actor, kind and target not there yet. */
export function mergeStances(first: ExtractedStance[], more: ExtractedStance[]): ExtractedStance[] {
  const out = [...first];
  const seen = new Set(out.map(key));
  for (const s of more) {
    // One actor does not both support and oppose one target in an article.
    const opposite = out.some(
      (o) => o.actor === s.actor && key(o).split('|')[2] === key(s).split('|')[2] && o.kind !== s.kind,
    );
    if (!seen.has(key(s)) && !opposite) {
      out.push(s);
      seen.add(key(s));
    }
  }
  return out;
}

/**
 * A plaintiff opposes what the suit is brought over: the program the lawsuit concerns, else the program the
 * article names most (the policy in dispute), else the sued party's act; never the sued party itself, and
 * never the other way round. Replaces the rules' stances of the plaintiff toward the party sued.
 */
export function lawsuitStances(
  events: ExtractedEvent[],
  stances: ExtractedStance[],
  table: EntityTable,
  ctx?: ArticleContext,
): ExtractedStance[] {
  let out = [...stances];
  for (const suit of events.filter((e) => e.type === 'lawsuit')) {
    const sentence = suit.sentences[0] ?? 0;
    const target = lawsuitTarget(suit, events, table, ctx);
    out = out.filter(
      (s) => !(suit.by.includes(s.actor) && 'entity' in s.target && suit.targets.includes(s.target.entity)),
    );
    // Those sued do not oppose what they are sued over.
    out = out.filter(
      (s) => !(suit.targets.includes(s.actor) && s.kind === 'OPPOSED' && target && key(s) === key({ ...s, target })),
    );
    if (!target) continue;
    for (const actor of suit.by)
      out = mergeStances(out, [{ actor, kind: 'OPPOSED', target, sentence, confidence: 0.6 }]);
  }
  return out;
}
