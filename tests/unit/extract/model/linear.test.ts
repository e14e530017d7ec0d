/** The logistic regression under the extraction model: it learns, it is reproducible, it ignores the unknown. */
import { predict, train, type Example } from '../../../../ingest/extract/model/linear';

const examples: Example[] = [
  ...Array.from({ length: 20 }, () => ({ features: ['bias', 'w:oppose'], label: 2 })),
  ...Array.from({ length: 20 }, () => ({ features: ['bias', 'w:praise'], label: 1 })),
  ...Array.from({ length: 60 }, (_, i) => ({ features: ['bias', `w:filler${i % 7}`], label: 0 })),
];
const classes = ['none', 'SUPPORTED', 'OPPOSED'];

describe('train and predict', () => {
  it('learns which feature makes which class', () => {
    const model = train(examples, classes, { epochs: 20, seed: 3 });
    const argmax = (p: number[]): number => p.indexOf(Math.max(...p));
    expect(argmax(predict(model, ['bias', 'w:oppose']))).toBe(2);
    expect(argmax(predict(model, ['bias', 'w:praise']))).toBe(1);
    expect(argmax(predict(model, ['bias', 'w:filler3']))).toBe(0);
  });

  it('gives probabilities that sum to one', () => {
    const model = train(examples, classes, { epochs: 5 });
    const p = predict(model, ['bias', 'w:oppose', 'w:praise']);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('trains to the same weights for the same seed, and to others for another', () => {
    const a = train(examples, classes, { epochs: 3, seed: 7 });
    expect(train(examples, classes, { epochs: 3, seed: 7 })).toEqual(a);
    expect(train(examples, classes, { epochs: 3, seed: 8 })).not.toEqual(a);
  });

  it('weighs a feature never seen in training as nothing', () => {
    const model = train(examples, classes, { epochs: 5 });
    expect(predict(model, ['bias', 'w:never-seen'])).toEqual(predict(model, ['bias']));
  });

  it('lets the L2 penalty shrink the weights', () => {
    const size = (l2: number): number =>
      Object.values(train(examples, classes, { epochs: 10, l2 }).weights)
        .flat()
        .reduce((s, w) => s + Math.abs(w), 0);
    expect(size(0.1)).toBeLessThan(size(0));
  });
});
