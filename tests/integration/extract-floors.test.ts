import { loadConfig } from '../../src/core/config';
import { PROJECT_ROOT } from '../../src/core/paths';
import { lineProgress } from '../../src/core/progress';
import { setUpExtractor, type ExtractorSetup } from '../../src/cli/extractor-choice';
import { type Floors, scoreSplit, underFloors } from '../support/extraction-floors';

/**
 * The CoreNLP extractor (a real Stanford CoreNLP: the launcher starts one unless CORENLP_URL names one; parses
 * cached in .data/corenlp/cache): F1 per class may not fall under these floors, a little under what
 * docs/extraction-quality.md reports.
 */
jest.setTimeout(900_000);

// Measured on ingest/devset/fresh7, chosen after the rules and model v5 were frozen at ede2659, with the model:
// 0.82 / 0.74 / 0.55 / 0.46 / 0.25 (without it: 0.82 / 0.74 / 0.43 / 0.34 / 0.17). Every earlier split is the
// model's training data now (their out-of-sample figures are in docs/extraction-quality.md).
const FRESH7: Floors = { entities: 0.78, roles: 0.7, events: 0.51, stances: 0.42, targetedStances: 0.21 };
// Measured on ingest/devset/fresh at the freeze (7bc7979): 0.72 / 0.70 / 0.45 / 0.34 / 0.00; tuned on since, and
// the model's training data: a regression guard.
const FRESH: Floors = { entities: 0.68, roles: 0.64, events: 0.4, stances: 0.29 };
// ingest/devset/test is tuning material now: a regression guard, not a test.
const TEST: Floors = { entities: 0.75, roles: 0.58, events: 0.45, stances: 0.39, targetedStances: 0.21 };

let setup: ExtractorSetup;

beforeAll(async () => {
  // The pipeline as shipped: CoreNLP followed by the trained model.
  const config = loadConfig({ ...process.env, INGEST_MODEL: 'on' }, PROJECT_ROOT);
  setup = await setUpExtractor('corenlp', config, lineProgress());
});

afterAll(async () => {
  await setup?.close();
});

describe('the CoreNLP extractor', () => {
  it('keeps every class at or above its floor on the fresh7 split (chosen after the freeze)', async () => {
    expect(setup.extractor.name).toBe('corenlp');
    const report = await scoreSplit('fresh7', setup.extractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(13);
    expect(underFloors(report, FRESH7)).toEqual([]);
  });

  it('keeps every class at or above its floor on the fresh split (tuned on since its scores at the freeze were taken)', async () => {
    expect(setup.extractor.name).toBe('corenlp');
    const report = await scoreSplit('fresh', setup.extractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(12);
    expect(underFloors(report, FRESH)).toEqual([]);
  });

  it('keeps what it learnt on the split it was tuned on', async () => {
    const report = await scoreSplit('test', setup.extractor);
    expect(report.articles.length).toBeGreaterThanOrEqual(8);
    expect(underFloors(report, TEST)).toEqual([]);
  });
});
