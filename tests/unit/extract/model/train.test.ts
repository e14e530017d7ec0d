/**
 * The model's training data and its file: candidates are labelled by the curated stance whose quote covers
 * their sentence, and the committed model is exactly what `npm run train:extract` makes of its recorded sets
 * and settings, so the file cannot drift from the code and data that claim to produce it.
 */
import { resolve } from 'node:path';
import type { Annotation, AnnotationInput } from '../../../../ingest/annotation/format';
import { loadEvalSet, type EvalSet } from '../../../../ingest/extract/eval-set';
import { rulesExtractor } from '../../../../ingest/extract/extractor';
import { loadModel, MODEL_FILE } from '../../../../ingest/extract/model/model';
import { examplesOf, trainModel, type TrainingArticle } from '../../../../ingest/extract/model/train';

const TEXT = 'Mayor Lena Ivers praised the ruling. Sheriff Otto Crane said nothing. Ivers later sued the state.';
const extracted: AnnotationInput = {
  article: { file: 't.txt', id: 't', title: 'T' },
  origin: 'extracted',
  entities: [
    { id: 'lena-ivers', kind: 'person', name: 'Lena Ivers', aliases: [], confidence: 0.9 },
    { id: 'otto-crane', kind: 'person', name: 'Otto Crane', aliases: [], confidence: 0.9 },
    { id: 'program-x', kind: 'program', name: 'Program X', aliases: [], confidence: 0.9 },
  ],
  roles: [],
  relations: [],
  events: [],
  stances: [],
};
const gold: Annotation = {
  article: { file: 't.txt', id: 't', title: 'T' },
  origin: 'curated',
  entities: [
    { id: 'ivers', kind: 'person', name: 'Lena Ivers', aliases: [], confidence: 1 },
    { id: 'crane', kind: 'person', name: 'Otto Crane', aliases: [], confidence: 1 },
    { id: 'x', kind: 'program', name: 'Program X', aliases: [], confidence: 1 },
  ],
  roles: [],
  relations: [],
  events: [
    {
      id: 'ivers-sues',
      type: 'lawsuit',
      name: 'Ivers sues',
      aliases: [],
      by: ['ivers'],
      targets: [],
      concerns: [],
      quotes: ['Ivers later sued the state.'],
      confidence: 1,
    },
  ],
  stances: [
    { actor: 'ivers', kind: 'SUPPORTED', target: 'x', quote: 'Mayor Lena Ivers praised the ruling.', confidence: 1 },
  ],
} as Annotation;

describe('examplesOf', () => {
  const x = examplesOf({ id: 't', text: TEXT, extracted, gold });
  const labelled = (list: { features: readonly string[]; label: number }[]) => list.map((e) => e.label);

  it('labels the actor of a curated stance in the sentence its quote covers, and no one else', () => {
    // Candidates in text order: Ivers (sentence 0), Crane (1), Ivers (2).
    expect(labelled(x.actor)).toEqual([1, 0, 0]);
    expect(x.goldStances).toBe(1);
    expect(x.reachable).toBe(1);
  });

  it('marks the curated target among the target candidates of that stance', () => {
    expect(x.target.filter((e) => e.label === 1)).toHaveLength(1);
    expect(x.target.find((e) => e.label === 1)?.features).toContain('t:entity:program');
  });

  it('labels the initiator of a curated event with its type in the sentence the event quotes', () => {
    expect(labelled(x.event).map((l) => (l === 0 ? 'none' : 'event'))).toEqual(['none', 'none', 'event']);
  });
});

describe('the committed model file', () => {
  it('is what training on its recorded sets with its recorded settings gives', async () => {
    const committed = loadModel(MODEL_FILE);
    const articles: TrainingArticle[] = [];
    const root = resolve(__dirname, '../../../..');
    for (const set of committed.trainedOn.sets as EvalSet[]) {
      const items = await loadEvalSet(set, {
        corpus: resolve(root, 'ingest/corpus'),
        annotations: resolve(root, 'ingest/annotations'),
        devset: resolve(root, 'ingest/devset'),
      });
      for (const item of items)
        articles.push({
          id: item.id,
          text: item.doc.text,
          extracted: await rulesExtractor.extract(item.doc, item.gazetteer),
          gold: item.gold,
        });
    }
    const retrained = trainModel(articles.map(examplesOf), {
      ...committed.trainedOn.settings,
      threshold: committed.stance.threshold,
      eventThreshold: committed.event.threshold,
      mode: committed.stance.mode,
      sets: committed.trainedOn.sets,
    });
    expect(retrained.trainedOn.articles).toBe(committed.trainedOn.articles);
    expect(retrained).toEqual(committed);
  }, 120_000);
});
