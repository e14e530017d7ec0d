/**
 * The statistical stance model: two logistic regressions trained on the curated development articles
 * (`npm run train:extract`), one saying whether a sentence states an actor's support or opposition, one
 * choosing what that stance is about. It works on any extractor's annotation and replaces or adds to the
 * rule stances, as the model file says (the mode its cross-validation chose).
 */
import type { AnnotationInput } from '../../annotation/format';
import { predict, type LinearModel } from './linear';
import { actorCandidates, articleView, targetCandidates, type ArticleView } from './stance-features';
import { normalizeName } from '../names';
import { findEntityMentions, viewOf } from './text-view';

/** The stance kinds, in the order of the actor model's classes after "none". */
export const STANCE_CLASSES = ['none', 'SUPPORTED', 'OPPOSED'] as const;

/** The stance part of a trained model (ingest/extract/model/model.json). */
export interface StanceModel {
  /** A stance is stated when the chance of either kind reaches this. */
  threshold: number;
  /** `replace`: the model's stances stand alone; `union`: they are added to the extractor's. */
  mode: 'replace' | 'union';
  actor: LinearModel;
  target: LinearModel;
  /**
   * Support or opposition, trained on the candidates that state a stance only: the actor model's own
   * choice between the two learns mostly "none" and confused them (13 % of its stances in cross-validation).
   */
  polarity?: LinearModel;
}

type StanceInput = NonNullable<AnnotationInput['stances']>[number];

type EntityInput = NonNullable<AnnotationInput['entities']>[number];

/**
 * The debate's two collective targets, which curators use for what a stance is about when no single law or
 * city is meant. The rule extractor adds them only for its own stances; the model needs them as candidates.
 */
const COLLECTIVES: readonly EntityInput[] = [
  {
    id: 'sanctuary-policies',
    kind: 'program',
    type: 'policy',
    name: 'Sanctuary policies',
    aliases: [],
    confidence: 0.5,
  },
  {
    id: 'sanctuary-jurisdictions',
    kind: 'jurisdiction',
    name: 'Sanctuary jurisdictions',
    aliases: ['sanctuary cities', 'sanctuary jurisdictions'],
    confidence: 0.5,
  },
];

/** The annotation with the collective targets added when the article speaks of sanctuary and lacks them. */
export function withCollectives(
  text: string,
  annotation: AnnotationInput,
): { annotation: AnnotationInput; added: Set<string> } {
  const added = new Set<string>();
  if (!/sanctuar/i.test(text)) return { annotation, added };
  const entities = [...(annotation.entities ?? [])];
  for (const c of COLLECTIVES) {
    const name = normalizeName(c.name);
    const taken = entities.some(
      (e) => e.id === c.id || [e.name, ...(e.aliases ?? [])].some((n) => normalizeName(n) === name),
    );
    if (taken) continue;
    entities.push({ ...c, aliases: [...(c.aliases ?? [])] });
    added.add(c.id);
  }
  return { annotation: { ...annotation, entities }, added };
}

/** The article's view the model works on: sentences, and the annotation's entities found in them. */
export function viewArticle(text: string, annotation: AnnotationInput): ArticleView {
  const view = viewOf(text);
  return articleView(view, annotation, findEntityMentions(view, annotation.entities ?? [], annotation.roles ?? []));
}

/** The stances the model reads in an article, one per actor, kind and target. */
export function predictStances(a: ArticleView, model: StanceModel): StanceInput[] {
  const out: StanceInput[] = [];
  const keys = new Set<string>();
  for (const c of actorCandidates(a)) {
    const [none = 1, supported = 0, opposed = 0] = predict(model.actor, c.features);
    // The chance of any stance decides whether one is stated; which one is the likelier of the two.
    const p = 1 - none;
    if (p < model.threshold) continue;
    const against = model.polarity ? (predict(model.polarity, c.features)[1] ?? 0) >= 0.5 : opposed >= supported;
    const kind = against ? 'OPPOSED' : 'SUPPORTED';
    const target = chooseTarget(a, c.sentence, c.actor, kind, model.target);
    if (!target) continue;
    const key = `${c.actor}|${kind}|${target}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({
      actor: c.actor,
      kind,
      target,
      quote: a.view.sentences[c.sentence]?.text ?? '',
      confidence: Math.round(p * 100) / 100,
    });
  }
  return out;
}

/** The target the model ranks first, or undefined when the article offers none. */
export function chooseTarget(
  a: ArticleView,
  sentence: number,
  actor: string,
  kind: string,
  model: LinearModel,
): string | undefined {
  let best: { target: string; p: number } | undefined;
  for (const t of targetCandidates(a, sentence, actor, kind)) {
    const p = predict(model, t.features)[1] ?? 0;
    if (!best || p > best.p) best = { target: t.target, p };
  }
  return best?.target;
}
