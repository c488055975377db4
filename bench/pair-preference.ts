/**
 * `npm run bench:pair-preference`: learns the weights of src/faq/pair-preference.ts, and shows what
 * they do on policies left out of the learning.
 *
 * Over every question set (bench/question-sets.ts), each covered question is searched with the
 * preference off; where exactly one of the first two candidates is an entry the question accepts,
 * their difference (pairFeatures) is one example, labelled by which of the two is right. Logistic
 * regression without an intercept (neither place is favoured but by the differences) and a small
 * ridge, fitted by Newton's method. Then, policy fold by policy fold (ten folds, each policy in one),
 * weights learnt on the other folds decide each held-out pair: a swap that puts the right entry
 * first is a fix, one that puts it second is a break. Beside them, the weights the bot uses now.
 *
 * This counts the order only. Whether the bot then answers or asks "Did you mean…" is for
 * bench:faq, which runs the bot's whole path. Informational: it never fails on a score.
 */
import { createFaqService } from '../src/faq/faq-service';
import { NO_PAIR_PREFERENCE, pairFeatures } from '../src/faq/pair-preference';
import { DEFAULT_TUNING } from '../src/faq/tuning';
import { defaultSetFiles, readSet } from './question-sets';
import { TINY } from './size';

const FOLDS = 10;
/** Ridge on the weights: keeps a weight the pairs barely speak to near 0. */
const RIDGE = 1;
const NEWTON_STEPS = 50;
const NAMES = ['pairHeading', 'pairCloseness', 'pairMatch', 'pairPlain'] as const;

interface Example {
  policy: string;
  features: number[];
  /** 1: the first candidate is the right one; 0: the second is. */
  firstRight: 0 | 1;
}

function examples(): Example[] {
  const found: Example[] = [];
  const files = defaultSetFiles();
  for (const file of TINY ? files.slice(0, 2) : files) {
    const set = readSet(file, undefined);
    const faq = createFaqService(set.entries, { tuning: NO_PAIR_PREFERENCE });
    for (const { q, accepts } of set.faq) {
      const [first, second] = faq.explain(q).candidates;
      if (!first || !second || first.score <= 0 || second.score <= 0) continue;
      const [a, b] = [accepts(first.entry.title), accepts(second.entry.title)];
      if (a !== b) found.push({ policy: set.name, features: pairFeatures(first, second), firstRight: a ? 1 : 0 });
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

/** Logistic regression with a ridge, no intercept: the weights w with P(first right) = 1 / (1 + e^-(w·x)). */
function fit(data: readonly Example[]): number[] {
  const n = NAMES.length;
  let w = new Array<number>(n).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = w.map((wi) => RIDGE * wi);
    const hessian = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? RIDGE : 0)));
    for (const { features, firstRight } of data) {
      const p = 1 / (1 + Math.exp(-features.reduce((sum, x, i) => sum + x * w[i], 0)));
      for (let i = 0; i < n; i++) {
        gradient[i] += (p - firstRight) * features[i];
        for (let j = 0; j < n; j++) hessian[i][j] += p * (1 - p) * features[i] * features[j];
      }
    }
    const delta = solve(hessian, gradient);
    w = w.map((wi, i) => wi - delta[i]);
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** What swapping where the weights prefer the second does: fixes (right entry brought first) and breaks. */
function swaps(data: readonly Example[], weightsOf: (example: Example) => readonly number[]): { fixed: number; broken: number } {
  let fixed = 0;
  let broken = 0;
  for (const example of data) {
    const w = weightsOf(example);
    if (example.features.reduce((sum, x, i) => sum + x * w[i], 0) >= 0) continue;
    if (example.firstRight) broken++;
    else fixed++;
  }
  return { fixed, broken };
}

function main(): void {
  const data = examples();
  const policies = [...new Set(data.map((example) => example.policy))].sort();
  const foldOf = new Map(policies.map((policy, i) => [policy, i % FOLDS]));
  const foldWeights = Array.from({ length: FOLDS }, (_, fold) => fit(data.filter((example) => foldOf.get(example.policy) !== fold)));
  const heldOut = swaps(data, (example) => foldWeights[foldOf.get(example.policy)!]);
  const learnt = fit(data);
  const now = NAMES.map((name) => DEFAULT_TUNING[name]);
  const current = swaps(data, () => now);
  const secondRight = data.filter((example) => !example.firstRight).length;
  console.log(`${data.length} questions of ${policies.length} policies where exactly one of the first two is right (the second for ${secondRight})`);
  console.log(`held out (${FOLDS} policy folds): swaps fix ${heldOut.fixed}, break ${heldOut.broken}, net ${heldOut.fixed - heldOut.broken}`);
  console.log(`weights the bot uses (tuning.ts), on every pair: fix ${current.fixed}, break ${current.broken}, net ${current.fixed - current.broken}`);
  console.log(`learnt on every policy: ${NAMES.map((name, i) => `${name}: ${learnt[i].toFixed(2)}`).join(', ')}`);
  console.log(`now in tuning.ts:       ${NAMES.map((name, i) => `${name}: ${now[i]}`).join(', ')}`);
}

main();
