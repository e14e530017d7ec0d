/**
 * Training data for the stance model from curated articles: every actor candidate of the extractor's
 * annotation labelled by the curated stances whose quote covers its sentence and whose actor it is (through
 * the evaluation's entity matching), and every target candidate of a labelled stance marked right or wrong.
 */
import { AnnotationSchema, type Annotation, type AnnotationInput } from '../../annotation/format';
import { matchEntities, matchEvents } from '../evaluate';
import { train, TRAIN_DEFAULTS, type Example, type TrainOptions } from './linear';
import { EVENT_TYPES } from '../../../src/core/vocabulary';
import type { ExtractionModel } from './model';
import { STANCE_CLASSES, viewArticle, withCollectives, type StanceModel } from './stance-model';
import { actorCandidates, targetCandidates } from './stance-features';
import { sentencesOfQuote } from './text-view';

/** The event model's classes: no event, or one of the vocabulary's types. */
export const EVENT_CLASSES: readonly string[] = ['none', ...EVENT_TYPES];
const linkId = (l: string | { id: string }): string => (typeof l === 'string' ? l : l.id);

/** One curated article with what an extractor made of it. */
export interface TrainingArticle {
  id: string;
  text: string;
  extracted: AnnotationInput;
  gold: Annotation;
}

/** The examples of one article, and how many curated stances any candidate could have matched. */
export interface ArticleExamples {
  actor: Example[];
  target: Example[];
  event: Example[];
  goldStances: number;
  reachable: number;
}

/** Labels the candidates of one article from its curated annotation. */
export function examplesOf(article: TrainingArticle): ArticleExamples {
  const { annotation } = withCollectives(article.text, article.extracted);
  const a = viewArticle(article.text, annotation);
  const parsed = AnnotationSchema.parse(annotation);
  const entityMap = matchEntities(parsed.entities, article.gold.entities, article.text);
  const mapEntity = (id: string): string => entityMap.get(id) ?? `?${id}`;
  const eventMap = matchEvents(parsed.events, article.gold.events, mapEntity);
  const mapTarget = (id: string): string => eventMap.get(id) ?? mapEntity(id);
  const gold = article.gold.stances.map((g) => ({ g, sentences: sentencesOfQuote(a.view, g.quote) }));
  const reached = new Set<number>();
  const goldEvents = article.gold.events.map((e) => ({
    e,
    sentences: e.quotes.flatMap((q) => sentencesOfQuote(a.view, q)),
  }));
  const actor: Example[] = [];
  const target: Example[] = [];
  const event: Example[] = [];
  for (const c of actorCandidates(a)) {
    const told = goldEvents.find(
      (x) => x.sentences.includes(c.sentence) && x.e.by.map(linkId).includes(mapEntity(c.actor)),
    );
    event.push({ features: c.features, label: told ? EVENT_CLASSES.indexOf(told.e.type) : 0 });
    const hit = gold.findIndex((x) => x.sentences.includes(c.sentence) && x.g.actor === mapEntity(c.actor));
    const g = gold[hit]?.g;
    const label = g ? STANCE_CLASSES.indexOf(g.kind) : 0;
    actor.push({ features: c.features, label });
    if (!g) continue;
    reached.add(hit);
    const candidates = targetCandidates(a, c.sentence, c.actor, g.kind);
    if (!candidates.some((t) => mapTarget(t.target) === g.target)) continue;
    for (const t of candidates) target.push({ features: t.features, label: mapTarget(t.target) === g.target ? 1 : 0 });
  }
  return { actor, target, event, goldStances: gold.length, reachable: reached.size };
}

/** Settings of a stance model beyond its weights. */
export interface ModelOptions extends TrainOptions {
  threshold: number;
  mode: StanceModel['mode'];
  eventThreshold: number;
  sets: string[];
  /** Weight of the examples that state a stance, against the many that do not (default 1). */
  positiveWeight?: number;
}

/** Trains every part of the model on the examples of the given articles. */
export function trainModel(examples: readonly ArticleExamples[], options: ModelOptions): ExtractionModel {
  const weight = options.positiveWeight ?? 1;
  const actor = train(
    examples.flatMap((x) => x.actor).map((e) => (e.label > 0 ? { ...e, weight } : e)),
    STANCE_CLASSES,
    options,
  );
  // Classes in STANCE_CLASSES order after "none": SUPPORTED = 0, OPPOSED = 1.
  const polarity = train(
    examples
      .flatMap((x) => x.actor)
      .filter((e) => e.label > 0)
      .map((e) => ({ ...e, label: e.label - 1 })),
    ['SUPPORTED', 'OPPOSED'],
    options,
  );
  const target = train(
    examples.flatMap((x) => x.target),
    ['no', 'yes'],
    options,
  );
  const event = train(
    examples.flatMap((x) => x.event),
    EVENT_CLASSES,
    options,
  );
  return {
    version: 1,
    trainedOn: {
      sets: options.sets,
      articles: examples.length,
      settings: {
        l2: options.l2 ?? TRAIN_DEFAULTS.l2,
        epochs: options.epochs ?? TRAIN_DEFAULTS.epochs,
        rate: options.rate ?? TRAIN_DEFAULTS.rate,
        positiveWeight: weight,
        seed: options.seed ?? TRAIN_DEFAULTS.seed,
      },
    },
    stance: { threshold: options.threshold, mode: options.mode, actor, target, polarity },
    event: { threshold: options.eventThreshold, actor: event },
  };
}
