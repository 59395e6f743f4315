// One-vs-rest linear support vector machines (L2-regularised, hinge loss) trained by dual
// coordinate descent, the method of LIBLINEAR (Hsieh et al. 2008). All binary problems (each unit
// against the rest) are solved in lockstep: one pass over an example computes its scores for every
// class once, and then each class's dual variable for that example takes its exact 1-D step. The
// problems are independent, so this is the same as solving them one by one, at a fraction of the
// cost. Every example carries its own upper bound C_i = C · class weight · recency weight, which
// is how class balancing and recency weighting enter. Deterministic: the visiting order comes from
// a seeded generator.
import { seededRandom } from '@bekasi/intake-domain';
import type { SparseRows, SparseVector } from './complaint-features';

export interface LinearSvmOptions {
  /** C: higher fits the training data more closely (less regularisation). */
  cost: number;
  maxEpochs: number;
  /** Stop when every problem's projected-gradient spread falls below this (LIBLINEAR's eps). */
  tolerance: number;
  /** Value of the constant feature that carries each class's bias. */
  biasFeature: number;
  seed: number;
}

/** An inactive constraint whose margin exceeds 1 by this much is set aside until the next full pass. */
const SHRINK_MARGIN = 0.5;

/**
 * 5 epochs, not 8: the tolerance is rarely met on complaint text, so the epochs are the budget; with
 * 5 (the last a full pass) the monthly rolling evaluation of the generated Bekasi and Cimanggala
 * exports came out no worse than with 8 (top-1 54.8 / 57.9 % against 54.4 / 57.3 %, top-3 71.0 /
 * 73.7 % against 69.6 / 72.4 %: fewer epochs regularise) at two thirds of the cost.
 */
export const DEFAULT_SVM_OPTIONS: LinearSvmOptions = { cost: 0.5, maxEpochs: 5, tolerance: 0.1, biasFeature: 1, seed: 17 };

export interface LinearWeights {
  /** Feature-major: weight of feature j for class c at j · classes + c. */
  weights: Float32Array;
  bias: Float32Array;
  classes: number;
  features: number;
  epochs: number;
}

/**
 * @param matrix feature vectors, one row per example
 * @param rows the rows of `matrix` to learn from, example i being row rows[i]
 * @param labels class index of each example
 * @param exampleWeights multiplies C for each example (class balance × recency × pseudo-example weight)
 */
export function trainLinearSvm(
  matrix: SparseRows,
  rows: Int32Array,
  labels: Int32Array,
  exampleWeights: Float64Array,
  classes: number,
  features: number,
  options: LinearSvmOptions = DEFAULT_SVM_OPTIONS,
): LinearWeights {
  const n = rows.length;
  const { offsets, indices, values } = matrix;
  // Float32: half the memory traffic of the weight rows, and the precision the stored model keeps anyway.
  const w = new Float32Array(features * classes);
  const b = new Float64Array(classes);
  const alpha = new Float32Array(n * classes);
  const qii = new Float64Array(n);
  const bias = options.biasFeature;
  for (let i = 0; i < n; i++) {
    let sum = bias * bias;
    for (let k = offsets[rows[i]]; k < offsets[rows[i] + 1]; k++) sum += values[k] * values[k];
    qii[i] = sum;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(options.seed);
  const scores = new Float64Array(classes);
  const maxPG = new Float64Array(classes);
  const minPG = new Float64Array(classes);
  // Shrinking (as LIBLINEAR): a unit an example is far from (alpha 0, margin well met) is skipped
  // until a full pass re-checks everything; most of 100 units are far from most complaints, so the
  // later passes cost a fraction of the first.
  const shrunk = new Uint8Array(n * classes);
  const activeClasses = new Int32Array(classes);
  let fullPass = true;
  let epoch = 0;
  for (; epoch < options.maxEpochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    maxPG.fill(-Infinity);
    minPG.fill(Infinity);
    for (let o = 0; o < n; o++) {
      const i = order[o];
      const from = offsets[rows[i]];
      const to = offsets[rows[i] + 1];
      const upper = options.cost * exampleWeights[i];
      if (!(upper > 0)) continue;
      const label = labels[i];
      const row = i * classes;
      let active = 0;
      for (let c = 0; c < classes; c++) {
        if (fullPass) shrunk[row + c] = 0;
        if (shrunk[row + c] === 0) activeClasses[active++] = c;
      }
      if (active === classes) {
        // Every class active (full passes, early epochs): contiguous rows, no indirection.
        for (let c = 0; c < classes; c++) scores[c] = b[c] * bias;
        addScores(w, classes, indices, values, from, to, scores);
      } else {
        for (let a = 0; a < active; a++) scores[activeClasses[a]] = b[activeClasses[a]] * bias;
        for (let k = from; k < to; k++) {
          const base = indices[k] * classes;
          const x = values[k];
          for (let a = 0; a < active; a++) {
            const c = activeClasses[a];
            scores[c] += w[base + c] * x;
          }
        }
      }
      for (let t = 0; t < active; t++) {
        const c = activeClasses[t];
        const y = c === label ? 1 : -1;
        const g = y * scores[c] - 1;
        const a = alpha[row + c];
        let pg = g;
        if (a === 0) {
          pg = Math.min(g, 0);
          if (g > SHRINK_MARGIN) shrunk[row + c] = 1;
        } else if (a >= upper) pg = Math.max(g, 0);
        if (pg > maxPG[c]) maxPG[c] = pg;
        if (pg < minPG[c]) minPG[c] = pg;
        if (pg === 0) continue;
        const next = Math.min(Math.max(a - g / qii[i], 0), upper);
        const step = (next - a) * y;
        if (step === 0) continue;
        alpha[row + c] = next;
        for (let k = from; k < to; k++) w[indices[k] * classes + c] += step * values[k];
        b[c] += step * bias;
      }
    }
    let converged = true;
    for (let c = 0; c < classes; c++) if (maxPG[c] - minPG[c] >= options.tolerance) converged = false;
    if (converged && fullPass) {
      epoch++;
      break;
    }
    // Converged on the shrunk problem, or the last pass is next: check everything once more.
    fullPass = converged || epoch + 2 >= options.maxEpochs;
  }
  return { weights: w, bias: Float32Array.from(b, (v) => v * bias), classes, features, epochs: epoch };
}

/** Decision values of every class for one vector: w_c · x + b_c. */
export function linearScores(model: Pick<LinearWeights, 'weights' | 'bias' | 'classes'>, x: SparseVector, out = new Float64Array(model.classes)): Float64Array {
  const { weights, bias, classes } = model;
  for (let c = 0; c < classes; c++) out[c] = bias[c];
  addScores(weights, classes, x.indices, x.values, 0, x.indices.length, out);
  return out;
}

/**
 * scores[c] += Σ_k w[indices[k]·classes + c] · values[k] over k in [from, to): four features at a
 * time, so each score is loaded and stored once per four products rather than once per product.
 */
function addScores(w: Float32Array, classes: number, indices: Int32Array, values: Float32Array, from: number, to: number, scores: Float64Array): void {
  let k = from;
  for (; k + 3 < to; k += 4) {
    const b0 = indices[k] * classes;
    const b1 = indices[k + 1] * classes;
    const b2 = indices[k + 2] * classes;
    const b3 = indices[k + 3] * classes;
    const x0 = values[k];
    const x1 = values[k + 1];
    const x2 = values[k + 2];
    const x3 = values[k + 3];
    for (let c = 0; c < classes; c++) scores[c] += w[b0 + c] * x0 + w[b1 + c] * x1 + w[b2 + c] * x2 + w[b3 + c] * x3;
  }
  for (; k < to; k++) {
    const base = indices[k] * classes;
    const x = values[k];
    for (let c = 0; c < classes; c++) scores[c] += w[base + c] * x;
  }
}
