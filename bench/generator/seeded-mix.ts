import { type Random, seededRandom } from '../../packages/server/src/registers/demo/seeded-random.ts';

// Random access to deterministic randomness: the person, unit or errand number `index` always
// gets the same draws for the same seed, whichever process asks (the generator writes them, the
// benchmark server's register answers for them) and in whatever order.

/** A 32-bit hash of (seed, stream, index), good enough to seed mulberry32 independently per item. */
export function mixSeed(seed: number, stream: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(index, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export function randomFor(seed: number, stream: number, index: number): Random {
  return seededRandom(mixSeed(seed, stream, index));
}

/** Streams keep the draws for different purposes apart. */
export const STREAM = {
  organisation: 1,
  staff: 2,
  citizen: 3,
  errand: 4,
  shuffle: 5,
  answers: 6,
  errandCount: 7,
} as const;

/** Picks an index with probability proportional to its weight, from cumulative weights. */
export function pickWeighted(cumulative: Float64Array, random: Random): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = random.next() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (const [i, w] of weights.entries()) {
    sum += w;
    out[i] = sum;
  }
  return out;
}

/** A log-normal draw: unit sizes and waiting times are skewed like that (many small, a few large). */
export function logNormal(random: Random, median: number, sigma: number): number {
  // Box–Muller; 1 - next() keeps the logarithm finite.
  const u = 1 - random.next();
  const v = random.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}

/** An exponential draw with the given mean. */
export function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random.next()) * mean;
}
