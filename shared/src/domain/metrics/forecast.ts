/**
 * Monte Carlo forecasts from daily throughput history. Each trial draws days
 * at random (with replacement) from the history, so quiet days and busy days
 * come in the proportions the team actually had. The expected interrupt share
 * is taken out of capacity: only (1 - share) of each day's throughput goes to
 * the forecast work. Seeded, so the same question gives the same answer.
 */

export const FORECAST_TRIALS = 10_000;
export const LIKELIHOODS = [50, 85, 95] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** mulberry32: small, fast, and seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ForecastInput {
  /** Cards finished per calendar day over the history window, zeros included. */
  dailyThroughput: readonly number[];
  /** Expected share of finished work that is interrupts, 0-1. */
  interruptShare: number;
  seed: number;
  trials?: number;
}

export interface Forecast {
  /** The answer at each likelihood; null when the history cannot get there. */
  percentiles: Record<Likelihood, number | null>;
  /** Outcome → number of trials that ended there, ascending by outcome. */
  distribution: { value: number; trials: number }[];
  trials: number;
}

function capacityFactor(share: number): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`interruptShare must be within 0-1, got ${share}.`);
  return 1 - share;
}

function distributionOf(values: readonly number[]): Forecast['distribution'] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, trials]) => ({ value, trials }));
}

/** "How many cards by then?": at L% likelihood at least this many are done in `days` days. */
export function forecastHowMany(input: ForecastInput, days: number): Forecast {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0, got ${days}.`);
  const trials = input.trials ?? FORECAST_TRIALS;
  const factor = capacityFactor(input.interruptShare);
  const samples = input.dailyThroughput;
  const random = seededRandom(input.seed);
  const results = new Array<number>(trials);
  for (let t = 0; t < trials; t++) {
    let sum = 0;
    if (samples.length > 0) for (let d = 0; d < days; d++) sum += samples[Math.floor(random() * samples.length)]!;
    // A hair of tolerance so 10 × 0.7 is 7, not 6.999….
    results[t] = Math.floor(sum * factor + 1e-9);
  }
  results.sort((a, b) => a - b);
  const at = (likelihood: Likelihood) => results[Math.floor(((100 - likelihood) / 100) * trials)] ?? null;
  return { percentiles: { 50: at(50), 85: at(85), 95: at(95) }, distribution: distributionOf(results), trials };
}

/** "When will N cards be done?": at L% likelihood within this many days; null beyond `maxDays`. */
export function forecastWhen(input: ForecastInput, items: number, maxDays = 3650): Forecast {
  if (!Number.isInteger(items) || items < 0) throw new RangeError(`items must be a whole number >= 0, got ${items}.`);
  const trials = input.trials ?? FORECAST_TRIALS;
  const factor = capacityFactor(input.interruptShare);
  const samples = input.dailyThroughput;
  const random = seededRandom(input.seed);
  const neverDone = samples.every((s) => s <= 0) || factor === 0;
  const results = new Array<number>(trials);
  for (let t = 0; t < trials; t++) {
    if (items === 0) {
      results[t] = 0;
      continue;
    }
    if (neverDone) {
      results[t] = Infinity;
      continue;
    }
    let done = 0;
    let day = 0;
    while (done + 1e-9 < items && day <= maxDays) {
      done += samples[Math.floor(random() * samples.length)]! * factor;
      day++;
    }
    results[t] = day > maxDays ? Infinity : day;
  }
  results.sort((a, b) => a - b);
  const at = (likelihood: Likelihood) => {
    const v = results[Math.max(0, Math.ceil((likelihood / 100) * trials) - 1)];
    return v === undefined || v === Infinity ? null : v;
  };
  return {
    percentiles: { 50: at(50), 85: at(85), 95: at(95) },
    distribution: distributionOf(results.filter((v) => v !== Infinity)),
    trials,
  };
}

/** Daily counts over [fromDay, fromDay + days) from finish instants and day starts. */
export function dailyCounts(finishedAt: readonly number[], dayStarts: readonly number[], end: number): number[] {
  const counts = dayStarts.map(() => 0);
  for (const t of finishedAt) {
    if (t >= end) continue;
    let lo = 0;
    let hi = dayStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (dayStarts[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) counts[found]!++;
  }
  return counts;
}
