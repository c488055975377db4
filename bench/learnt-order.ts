/**
 * `npm run bench:learnt-order`: learns the weights of src/faq/learnt-order.ts, and shows what they do
 * on policies left out of the learning.
 *
 * Over every question set (bench/question-sets.ts), each covered question is searched with the learnt
 * order off; where the first few candidates our ranking matched (FIRST_FEW) hold some entries the
 * question accepts and some it does not, they are one example: which of them is right. A conditional
 * logistic regression (the chance that a candidate is the right one grows with e^(w·features), shared
 * out among the few) with a small ridge, fitted by Newton's method. Then, policy fold by policy fold
 * (ten folds, each policy in one), weights learnt on the other folds order each held-out example:
 * counted is the first candidate changed from wrong to right, and from right to wrong. Beside them,
 * the weights the bot uses now, on every example.
 *
 * This counts the order only. Whether the bot then answers or asks "Did you mean…" is for
 * bench:faq, which runs the bot's whole path. Informational: it never fails on a score.
 */
import { createFaqService } from '../src/faq/faq-service';
import { candidateFeatures, FIRST_FEW, NO_LEARNT_ORDER } from '../src/faq/learnt-order';
import { DEFAULT_TUNING } from '../src/faq/tuning';
import { defaultSetFiles, readSet } from './question-sets';
import { TINY } from './size';

const FOLDS = 10;
/** Ridge on the weights: keeps a weight the examples barely speak to near 0. */
const RIDGE = 1;
const NEWTON_STEPS = 30;
const NAMES = ['orderHeading', 'orderCloseness', 'orderMatch', 'orderPlain'] as const;

interface Example {
  policy: string;
  /** Per candidate, in the fused order: its features, and whether the question accepts it. */
  candidates: Array<{ features: number[]; right: boolean }>;
}

function examples(): Example[] {
  const found: Example[] = [];
  const files = defaultSetFiles();
  for (const file of TINY ? files.slice(0, 2) : files) {
    const set = readSet(file, undefined);
    const faq = createFaqService(set.entries, { tuning: NO_LEARNT_ORDER });
    for (const { q, accepts } of set.faq) {
      const few = faq.explain(q).candidates.slice(0, FIRST_FEW);
      const unmatched = few.findIndex((candidate) => candidate.score <= 0);
      const matched = unmatched < 0 ? few : few.slice(0, unmatched);
      const candidates = matched.map((candidate) => ({ features: candidateFeatures(candidate), right: accepts(candidate.entry.title) }));
      const rights = candidates.filter((candidate) => candidate.right).length;
      if (rights > 0 && rights < candidates.length) found.push({ policy: set.name, candidates });
    }
  }
  return found;
}

/** Solves m x = v (m symmetric positive definite, small) by Gaussian elimination. */
function solve(m: number[][], v: number[]): number[] {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i]]);
  for (let col = 0; col < n; col++) {
    const pivot = a.reduce((best, row, i) => (i >= col && Math.abs(row[col]) > Math.abs(a[best][col]) ? i : best), col);
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let row = col + 1; row < n; row++) {
      const factor = a[row][col] / a[col][col];
      for (let k = col; k <= n; k++) a[row][k] -= factor * a[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row][n];
    for (let k = row + 1; k < n; k++) sum -= a[row][k] * x[k];
    x[row] = sum / a[row][row];
  }
  return x;
}

const dot = (w: readonly number[], x: readonly number[]) => x.reduce((sum, xi, i) => sum + xi * w[i], 0);

/** The chance of each candidate under the weights: e^(w·x), shared out among the few. */
function chances(w: readonly number[], features: ReadonlyArray<readonly number[]>, only?: readonly boolean[]): number[] {
  const values = features.map((x) => dot(w, x));
  const top = Math.max(...values);
  const raw = values.map((value, i) => (only && !only[i] ? 0 : Math.exp(value - top)));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => value / total);
}

/**
 * Conditional logistic regression with a ridge: the weights w that make the right candidates likely
 * (-log of their summed chance, plus the ridge). Newton's method, with the spread of the features
 * under the chances as the curvature.
 */
function fit(data: readonly Example[]): number[] {
  const n = NAMES.length;
  let w = new Array<number>(n).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = w.map((wi) => RIDGE * wi);
    const curvature = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? RIDGE : 0)));
    for (const { candidates } of data) {
      const features = candidates.map((candidate) => candidate.features);
      const p = chances(w, features);
      const q = chances(
        w,
        features,
        candidates.map((candidate) => candidate.right),
      );
      const mean = Array.from({ length: n }, (_, i) => features.reduce((sum, x, c) => sum + p[c] * x[i], 0));
      features.forEach((x, c) => {
        for (let i = 0; i < n; i++) {
          gradient[i] += (p[c] - q[c]) * x[i];
          for (let j = 0; j < n; j++) curvature[i][j] += p[c] * (x[i] - mean[i]) * (x[j] - mean[j]);
        }
      });
    }
    const delta = solve(curvature, gradient);
    w = w.map((wi, i) => wi - delta[i]);
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** Where the weights put another candidate first: how often it turns a wrong first into a right one, and the other way. */
function changes(data: readonly Example[], weightsOf: (example: Example) => readonly number[]): { fixed: number; broken: number } {
  let fixed = 0;
  let broken = 0;
  for (const example of data) {
    const w = weightsOf(example);
    const values = example.candidates.map((candidate) => dot(w, candidate.features));
    // The first of the highest, as the bot sorts (a tie keeps the fused order).
    const first = values.indexOf(Math.max(...values));
    if (first === 0) continue;
    const [was, now] = [example.candidates[0].right, example.candidates[first].right];
    if (now && !was) fixed++;
    if (was && !now) broken++;
  }
  return { fixed, broken };
}

function main(): void {
  const data = examples();
  const policies = [...new Set(data.map((example) => example.policy))].sort();
  const foldOf = new Map(policies.map((policy, i) => [policy, i % FOLDS]));
  const foldWeights = Array.from({ length: FOLDS }, (_, fold) => fit(data.filter((example) => foldOf.get(example.policy) !== fold)));
  const heldOut = changes(data, (example) => foldWeights[foldOf.get(example.policy)!]);
  const learnt = fit(data);
  const now = NAMES.map((name) => DEFAULT_TUNING[name]);
  const current = changes(data, () => now);
  const wrongFirst = data.filter((example) => !example.candidates[0].right).length;
  console.log(
    `${data.length} questions of ${policies.length} policies where the first ${FIRST_FEW} hold right and wrong entries (the first wrong for ${wrongFirst})`,
  );
  console.log(`held out (${FOLDS} policy folds): first changed to right ${heldOut.fixed}, to wrong ${heldOut.broken}, net ${heldOut.fixed - heldOut.broken}`);
  console.log(
    `weights the bot uses (tuning.ts), on every question: to right ${current.fixed}, to wrong ${current.broken}, net ${current.fixed - current.broken}`,
  );
  console.log(`learnt on every policy: ${NAMES.map((name, i) => `${name}: ${learnt[i].toFixed(2)}`).join(', ')}`);
  console.log(`now in tuning.ts:       ${NAMES.map((name, i) => `${name}: ${now[i]}`).join(', ')}`);
}

main();
