/**
 * The trained extraction model (ingest/extract/model/model.json, written by `npm run train:extract`): a
 * stance and an event part, both logistic regressions over the article's sentences and the entities an
 * extractor found. It is applied to any extractor's annotation, after the extractor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AnnotationInput } from '../../annotation/format';
import { predictEvents, type EventModel } from './event-model';
import type { TrainSettings } from './linear';
import { predictStances, viewArticle, withCollectives, type StanceModel } from './stance-model';

/** A trained model as stored. */
export interface ExtractionModel {
  version: 1;
  /** The sets and article count it was trained on: none of them may be reported as unseen for it. */
  trainedOn: { sets: string[]; articles: number; settings: TrainSettings };
  stance: StanceModel;
  event: EventModel;
}

const LinearSchema = z.object({
  classes: z.array(z.string()).min(2),
  bias: z.array(z.number()),
  weights: z.record(z.string(), z.array(z.number())),
});
const ModelSchema = z.object({
  version: z.literal(1),
  trainedOn: z.object({
    sets: z.array(z.string()),
    articles: z.number().int(),
    settings: z.object({
      l2: z.number(),
      epochs: z.number().int(),
      rate: z.number(),
      positiveWeight: z.number(),
      seed: z.number().int(),
    }),
  }),
  stance: z.object({
    threshold: z.number().min(0).max(1),
    mode: z.enum(['replace', 'union']),
    actor: LinearSchema,
    target: LinearSchema,
    polarity: LinearSchema.optional(),
  }),
  event: z.object({ threshold: z.number().min(0).max(1), actor: LinearSchema }),
});

/** Where the project's trained model is kept. */
export const MODEL_FILE = join(__dirname, 'model.json');

/** Reads and checks a model file; the error names the file and what is wrong. */
export function loadModel(file = MODEL_FILE): ExtractionModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`extraction model ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ModelSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`extraction model ${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data as ExtractionModel;
}

/** The annotation with the model's stances and events added (or its stances in place of the extractor's). */
export function applyModel(text: string, extracted: AnnotationInput, model: ExtractionModel): AnnotationInput {
  const { annotation, added } = withCollectives(text, extracted);
  const a = viewArticle(text, annotation);
  const predicted = predictStances(a, model.stance);
  const events = predictEvents(a, model.event);
  const key = (s: { actor: string; kind: string; target: string }): string => `${s.actor}|${s.kind}|${s.target}`;
  const have = new Set((extracted.stances ?? []).map(key));
  const stances =
    model.stance.mode === 'replace'
      ? predicted
      : [...(extracted.stances ?? []), ...predicted.filter((s) => !have.has(key(s)))];
  const id = (l: string | { id: string }): string => (typeof l === 'string' ? l : l.id);
  const referenced = new Set([
    ...stances.flatMap((s) => [s.actor, s.target]),
    ...events.flatMap((e) => [...(e.by ?? []), ...(e.targets ?? [])].map(id)),
  ]);
  return {
    ...annotation,
    // A collective the model offered but no fact uses is not a finding of the article.
    entities: (annotation.entities ?? []).filter((e) => !added.has(e.id) || referenced.has(e.id)),
    events: [...(extracted.events ?? []), ...events],
    stances,
  };
}
