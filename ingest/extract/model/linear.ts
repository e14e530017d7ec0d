import { mulberry32 } from '../../../src/core/random';

/**
 * A multinomial logistic regression over sparse binary features: small, dependency-free and fast enough
 * to train on every run of `npm run train:extract`. Weights are kept per feature string, so a model file is
 * readable JSON and features never seen in training simply weigh nothing.
 */

/** One training example: its features (present = 1) and the index of its class. */
export interface Example {
  features: readonly string[];
  label: number;
  /** Weight of the example in the loss (default 1). */
  weight?: number;
}

/** A trained model: class names, one weight per class for each feature, a bias per class. */
export interface LinearModel {
  classes: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

/** Training settings; the defaults are those the cross-validation of train-extract chose. */
export interface TrainOptions {
  epochs?: number;
  /** AdaGrad's base learning rate. */
  rate?: number;
  /** L2 penalty per update, scaled by the example count. */
  l2?: number;
  /** Seed of the example order, so that a training run is reproducible. */
  seed?: number;
}

/** The settings a training run uses where its options say nothing. */
export const TRAIN_DEFAULTS: Required<TrainOptions> = { epochs: 30, rate: 0.2, l2: 1e-4, seed: 1 };

/** The probabilities of each class for a feature set. */
export function predict(model: LinearModel, features: readonly string[]): number[] {
  const scores = model.bias.slice();
  for (const f of new Set(features)) {
    const w = model.weights[f];
    if (!w) continue;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) + (w[c] ?? 0);
  }
  return softmax(scores);
}

/** Trains a model by AdaGrad on the log loss with an L2 penalty; deterministic for a given seed. */
export function train(
  examples: readonly Example[],
  classes: readonly string[],
  options: TrainOptions = {},
): LinearModel {
  const { epochs, rate, l2, seed } = { ...TRAIN_DEFAULTS, ...options };
  const k = classes.length;
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  const bias = new Float64Array(k);
  const biasSquares = new Float64Array(k);
  const random = mulberry32(seed);
  const order = examples.map((_, i) => i);
  const rowOf = (map: Map<string, Float64Array>, f: string): Float64Array => {
    let row = map.get(f);
    if (!row) {
      row = new Float64Array(k);
      map.set(f, row);
    }
    return row;
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const example = examples[i];
      if (!example) continue;
      const features = [...new Set(example.features)];
      const scores = Array.from(bias);
      for (const f of features) {
        const w = weights.get(f);
        if (w) for (let c = 0; c < k; c++) scores[c] = (scores[c] ?? 0) + (w[c] ?? 0);
      }
      const probs = softmax(scores);
      const weight = example.weight ?? 1;
      for (let c = 0; c < k; c++) {
        const g = weight * ((probs[c] ?? 0) - (c === example.label ? 1 : 0));
        biasSquares[c] = (biasSquares[c] ?? 0) + g * g;
        bias[c] = (bias[c] ?? 0) - (rate * g) / Math.sqrt((biasSquares[c] ?? 0) + 1e-8);
        for (const f of features) {
          const w = rowOf(weights, f);
          const s = rowOf(squares, f);
          const grad = g + l2 * (w[c] ?? 0);
          s[c] = (s[c] ?? 0) + grad * grad;
          w[c] = (w[c] ?? 0) - (rate * grad) / Math.sqrt((s[c] ?? 0) + 1e-8);
        }
      }
    }
  }

  const out: Record<string, number[]> = {};
  for (const [f, w] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Three places, no near-zero rows and no -0 (JSON cannot keep it): the file stays small and reads back equal.
    if (w.some((x) => Math.abs(x) >= 1e-3)) out[f] = Array.from(w, (x) => Math.round(x * 1e3) / 1e3 || 0);
  }
  return { classes: [...classes], bias: Array.from(bias, (x) => Math.round(x * 1e3) / 1e3 || 0), weights: out };
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = a;
  }
}

/** Every training setting, as recorded in a model file so that it can be trained again to the same weights. */
export type TrainSettings = Required<TrainOptions> & { positiveWeight: number };
