import { rulesExtractor, withModel } from '../../../ingest/extract/extractor';
import { loadModel } from '../../../ingest/extract/model/model';
import { type Floors, scoreSplit, underFloors } from '../../support/extraction-floors';

/**
 * The rule extractor's F1 per class may not fall under these floors, a little under what
 * docs/extraction-quality.md reports, so that a change that makes extraction worse cannot land silently.
 */
// Measured on ingest/devset/fresh2 at its freeze (99e0c28), out of sample: 0.81 / 0.60 / 0.33 / 0.23 / 0.07 (no
// floor for the last: one under 0.07 could hardly fail).
const FRESH2: Floors = { entities: 0.77, roles: 0.55, events: 0.29, stances: 0.19 };
// Measured on ingest/devset/fresh at the freeze (7bc7979): 0.74 / 0.78 / 0.47 / 0.37 / 0.00; tuned on since
// (tune4a, events without a trigger verb and entity precision; tune4b, stances and their targets).
const FRESH: Floors = { entities: 0.74, roles: 0.72, events: 0.55, stances: 0.53, targetedStances: 0.34 };
// ingest/devset/test is tuning material now (0.78 / 0.57 / 0.44 / 0.60 / 0.42): a regression guard, not a test.
// (targetedStances 0.46 after tune4b's stance fixes.)
const TEST: Floors = { entities: 0.74, roles: 0.52, events: 0.4, stances: 0.55, targetedStances: 0.42 };

// The rules alone on fresh3, chosen after the freeze of 3c57bab and scored then: 0.83 / 0.77 / 0.21 / 0.21 / 0.00.
// (The trained model has been trained on fresh2 and fresh3 since: its floors are on the split chosen after that.)
const FRESH3: Floors = { entities: 0.79, roles: 0.72, events: 0.17, stances: 0.17 };

// The rules followed by model v5 (the default pipeline, INGEST_MODEL=on) on fresh7, chosen and annotated after both
// were frozen at ede2659, measured then: 0.83 / 0.65 / 0.52 / 0.44 / 0.25 (the rules alone: 0.83 / 0.65 / 0.39 /
// 0.33 / 0.18). On every other split the model has been trained: no floor there would say anything. Round 6 tuned
// the rules on fresh7's misses (model v6: 0.84 / 0.65 / 0.53 / 0.47 / 0.25), so this is a guard now, not a test.
const FRESH7_WITH_MODEL: Floors = { entities: 0.79, roles: 0.61, events: 0.48, stances: 0.4, targetedStances: 0.21 };

// The rules alone on fresh6, chosen after the freeze of 3b24799 (then 0.78 / 0.61 / 0.33 / 0.26 / 0.10), tuned on
// since (round 5: 0.80 / 0.67 / 0.33 / 0.36 / 0.18): a regression guard. Model v4 scored 0.78 / 0.61 / 0.45 / 0.45 /
// 0.07 on it before model v5 was trained on it.
const FRESH6: Floors = { entities: 0.76, roles: 0.6, events: 0.29, stances: 0.3 };

// The rules alone on fresh5, chosen after the freeze of e8f003d (then 0.80 / 0.64 / 0.37 / 0.22 / 0.10), tuned on
// since: a regression guard.
const FRESH5: Floors = { entities: 0.76, roles: 0.6, events: 0.33, stances: 0.18 };

// The rules alone on fresh4, chosen after the freeze of 5be2165 (then 0.75 / 0.56 / 0.35 / 0.15 / 0.06 under the
// earlier scoring), tuned on since (e8f003d: 0.80 / 0.71 / 0.38 / 0.15 / 0.06): a regression guard.
const FRESH4: Floors = { entities: 0.76, roles: 0.67, events: 0.34, stances: 0.11 };

describe('the rule extractor with the trained model', () => {
  it('keeps every class at or above its floor on the fresh7 split (chosen after the freeze)', async () => {
    const report = await scoreSplit('fresh7', withModel(rulesExtractor, loadModel()));
    expect(report.articles.length).toBeGreaterThanOrEqual(13);
    expect(underFloors(report, FRESH7_WITH_MODEL)).toEqual([]);
  });
});

describe('the rule extractor', () => {
  it('keeps every class at or above its floor on the fresh6 split (tuned on since its one scoring)', async () => {
    const report = await scoreSplit('fresh6', rulesExtractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(17);
    expect(underFloors(report, FRESH6)).toEqual([]);
  });

  it('keeps every class at or above its floor on the fresh5 split (tuned on since its one scoring)', async () => {
    const report = await scoreSplit('fresh5', rulesExtractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(17);
    expect(underFloors(report, FRESH5)).toEqual([]);
  });

  it('keeps every class at or above its floor on the fresh4 split (tuned on since its one scoring)', async () => {
    const report = await scoreSplit('fresh4', rulesExtractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(16);
    expect(underFloors(report, FRESH4)).toEqual([]);
  });

  it('keeps every class at or above its floor on the fresh3 split', async () => {
    const report = await scoreSplit('fresh3', rulesExtractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(17);
    expect(underFloors(report, FRESH3)).toEqual([]);
  });

  it('keeps every class at or above its floor on the fresh2 split (never tuned on)', async () => {
    const report = await scoreSplit('fresh2', rulesExtractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(15);
    expect(underFloors(report, FRESH2)).toEqual([]);
  });

  it('keeps every class at or above its floor on the fresh split (tuned on since its scores at the freeze were taken)', async () => {
    const report = await scoreSplit('fresh', rulesExtractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(12);
    expect(underFloors(report, FRESH)).toEqual([]);
  });

  it('keeps what it learnt on the split it was tuned on', async () => {
    const report = await scoreSplit('test', rulesExtractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(8);
    expect(underFloors(report, TEST)).toEqual([]);
  });
});
