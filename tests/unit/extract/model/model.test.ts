/**
 * How the trained model joins an extractor's annotation, with a hand-written model so that each expectation
 * follows from its weights: a stance stated where the weights say so, beside the extractor's or in their place,
 * its target the candidate ranked first, the collectives kept only when used, and events added only where the
 * extractor told no act of that family by that actor.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnnotationSchema, type AnnotationInput } from '../../../../ingest/annotation/format';
import type { LinearModel } from '../../../../ingest/extract/model/linear';
import { applyModel, loadModel, MODEL_FILE, type ExtractionModel } from '../../../../ingest/extract/model/model';
import { EVENT_CLASSES } from '../../../../ingest/extract/model/train';

const TEXT =
  'Governor Ada Brandt condemned the sanctuary policy of Millbrook on Friday. ' +
  'The Millbrook council filed a lawsuit against the state. Weather was mild.';

const linear = (classes: string[], weights: Record<string, number[]>, bias?: number[]): LinearModel => ({
  classes,
  bias: bias ?? classes.map((_, i) => (i === 0 ? 3 : 0)),
  weights,
});
const model = (mode: 'union' | 'replace' = 'union'): ExtractionModel => ({
  version: 1,
  trainedOn: { sets: ['test'], articles: 0, settings: { l2: 0, epochs: 0, rate: 0, positiveWeight: 1, seed: 1 } },
  stance: {
    threshold: 0.5,
    mode,
    // "condemned" (the oppose-verb lexicon) makes a person's sentence an opposition.
    actor: linear(['none', 'SUPPORTED', 'OPPOSED'], { 'klex:person:opposeVerb': [0, 0, 8] }),
    // A program whose name says sanctuary is the likeliest target.
    target: linear(['no', 'yes'], { 't:entity:program': [0, 2], 'tn:sanctuary': [0, 3] }, [0, 0]),
  },
  event: {
    threshold: 0.5,
    actor: linear(
      EVENT_CLASSES.slice(),
      { 'w:lawsuit': EVENT_CLASSES.map((c) => (c === 'lawsuit' ? 12 : 0)) },
      EVENT_CLASSES.map((_, i) => (i === 0 ? 6 : 0)),
    ),
  },
});
const extracted = (extra: Partial<AnnotationInput> = {}): AnnotationInput => ({
  article: { file: 't.txt', id: 't', title: 'T' },
  origin: 'extracted',
  entities: [
    { id: 'ada-brandt', kind: 'person', name: 'Ada Brandt', aliases: [], confidence: 0.9 },
    { id: 'millbrook', kind: 'jurisdiction', type: 'city', name: 'Millbrook', aliases: [], confidence: 0.9 },
    { id: 'millbrook-council', kind: 'agency', name: 'Millbrook council', aliases: [], confidence: 0.9 },
  ],
  roles: [],
  relations: [],
  events: [],
  stances: [],
  ...extra,
});
const stances = (a: AnnotationInput): string[] => (a.stances ?? []).map((s) => `${s.actor} ${s.kind} ${s.target}`);

describe('applyModel', () => {
  it('states the stance its weights read, about the candidate ranked first, quoting the sentence', () => {
    const out = applyModel(TEXT, extracted(), model());
    expect(stances(out)).toEqual(['ada-brandt OPPOSED sanctuary-policies']);
    expect(out.stances?.[0]?.quote).toBe('Governor Ada Brandt condemned the sanctuary policy of Millbrook on Friday.');
    expect(() => AnnotationSchema.parse(out)).not.toThrow();
  });

  it('adds the collective target it chose, and leaves out the one no fact uses', () => {
    const ids = (applyModel(TEXT, extracted(), model()).entities ?? []).map((e) => e.id);
    expect(ids).toContain('sanctuary-policies');
    expect(ids).not.toContain('sanctuary-jurisdictions');
  });

  it('keeps the extractor’s stances in union mode and drops them in replace mode', () => {
    const mine = {
      actor: 'millbrook',
      kind: 'SUPPORTED' as const,
      target: 'millbrook-council',
      quote: 'x',
      confidence: 0.6,
    };
    expect(stances(applyModel(TEXT, extracted({ stances: [mine] }), model('union')))).toEqual([
      'millbrook SUPPORTED millbrook-council',
      'ada-brandt OPPOSED sanctuary-policies',
    ]);
    expect(stances(applyModel(TEXT, extracted({ stances: [mine] }), model('replace')))).toEqual([
      'ada-brandt OPPOSED sanctuary-policies',
    ]);
  });

  it('states nothing under its threshold', () => {
    const strict = model();
    strict.stance.threshold = 0.99999;
    strict.event.threshold = 0.99999;
    const out = applyModel(TEXT, extracted(), strict);
    expect(out.stances).toEqual([]);
    expect(out.events).toEqual([]);
  });

  it('adds an event of the type its weights read, with the sentence as its quote and the actors named in it', () => {
    const events = applyModel(TEXT, extracted(), model()).events ?? [];
    expect(events.map((e) => [e.type, e.by, e.quotes])).toEqual([
      ['lawsuit', ['millbrook-council'], ['The Millbrook council filed a lawsuit against the state.']],
    ]);
  });

  it('adds no event where the extractor told an act of the same family by the same actor', () => {
    const told = {
      id: 'council-sues',
      type: 'lawsuit' as const,
      name: 'The council sues',
      by: ['millbrook-council'],
      targets: [],
      concerns: [],
      quotes: ['The Millbrook council filed a lawsuit against the state.'],
      confidence: 0.7,
    };
    const events = applyModel(TEXT, extracted({ events: [told] }), model()).events ?? [];
    expect(events.map((e) => e.id)).toEqual(['council-sues']);
  });
});

describe('loadModel', () => {
  it('reads the project’s trained model', () => {
    const m = loadModel(MODEL_FILE);
    // fresh7 is the split chosen after this model (v5) was frozen: it must never be trained on.
    expect(m.trainedOn.sets).not.toContain('fresh7');
    expect(m.trainedOn.sets).toContain('fresh6');
    expect(Object.keys(m.stance.actor.weights).length).toBeGreaterThan(100);
  });

  it('names the file and what is wrong with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 2 }));
    expect(() => loadModel(bad)).toThrow(/bad\.json/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => loadModel(broken)).toThrow(/broken\.json/);
  });
});
