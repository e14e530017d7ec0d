/**
 * The statistical event model: a logistic regression over the same actor candidates as the stance model,
 * saying whether a sentence tells an act of that actor and of which type. Its events are added to the
 * extractor's where no event of the same family already has that actor, so that it lifts recall without
 * telling an act twice.
 */
import type { AnnotationInput } from '../../annotation/format';
import { sameEventFamily } from '../events';
import { slugify } from '../names';
import { predict, type LinearModel } from './linear';
import { actorCandidates, type ArticleView } from './stance-features';

type EventInput = NonNullable<AnnotationInput['events']>[number];

/** The event part of a trained model: its classes are "none" and event types. */
export interface EventModel {
  /** An event is told when the chance of any type reaches this. */
  threshold: number;
  actor: LinearModel;
}

/** Other entities of these kinds named in the event's sentence are its targets. */
const TARGET_KINDS = new Set(['jurisdiction', 'agency', 'organization', 'program']);
const MAX_TARGETS = 3;

/** The events the model reads in an article that the extractor did not already tell. */
export function predictEvents(a: ArticleView, model: EventModel): EventInput[] {
  const id = (l: string | { id: string }): string => (typeof l === 'string' ? l : l.id);
  const existing = (a.annotation.events ?? []).map((e) => ({
    type: e.type,
    participants: [...(e.by ?? []), ...(e.targets ?? [])].map(id),
  }));
  const taken = new Set((a.annotation.events ?? []).map((e) => e.id));
  const out: EventInput[] = [];
  for (const c of actorCandidates(a)) {
    const probs = predict(model.actor, c.features);
    if (1 - (probs[0] ?? 1) < model.threshold) continue;
    let best = 1;
    for (let k = 2; k < probs.length; k++) if ((probs[k] ?? 0) > (probs[best] ?? 0)) best = k;
    const type = model.actor.classes[best] as EventInput['type'] | undefined;
    if (!type) continue;
    const quote = a.view.sentences[c.sentence]?.text ?? '';
    // One event per actor and family: a later sentence about it is another quote of the same act, and
    // another actor of the same act in the same sentence ("Chicago and Philadelphia sued") a co-initiator.
    const same = out.find(
      (e) => sameEventFamily(e.type, type) && ((e.by ?? []).includes(c.actor) || e.quotes.includes(quote)),
    );
    if (same) {
      if (!same.quotes.includes(quote)) same.quotes.push(quote);
      if (!(same.by ?? []).includes(c.actor)) {
        same.by = [...(same.by ?? []), c.actor];
        same.targets = (same.targets ?? []).filter((t) => t !== c.actor);
      }
      continue;
    }
    if (existing.some((e) => sameEventFamily(e.type, type) && e.participants.includes(c.actor))) continue;
    const actor = a.entities.get(c.actor);
    const targets = [
      ...new Set(
        a.mentions
          .filter((m) => m.sentence === c.sentence && m.entity !== c.actor)
          .filter((m) => TARGET_KINDS.has(a.entities.get(m.entity)?.kind ?? ''))
          .map((m) => m.entity),
      ),
    ].slice(0, MAX_TARGETS);
    let eventId = slugify(`${c.actor}-${type}-${c.sentence}`);
    while (taken.has(eventId)) eventId = `${eventId}-x`;
    taken.add(eventId);
    out.push({
      id: eventId,
      type,
      name: `${actor?.name ?? c.actor}: ${type} (${quote.split(/\s+/).slice(0, 10).join(' ')})`,
      by: [c.actor],
      targets,
      concerns: [],
      quotes: [quote],
      confidence: Math.round((1 - (probs[0] ?? 1)) * 100) / 100,
    });
  }
  return out;
}
