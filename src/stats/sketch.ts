// Attempt latency as a fixed log-scale histogram: buckets grow by 2^(1/4) (about 19 %) from 1 ms
// to past two minutes (the longest attempt timeout), so a minute's sketch is a fixed-size array
// that adds element by element (in PostgreSQL too) and a percentile read off it is within one
// bucket's width of the truth.

const GROWTH = 2 ** 0.25;
/** Upper bounds in ms; the last bucket takes everything above the one before it. */
export const BUCKET_BOUNDS: readonly number[] = Array.from({ length: 70 }, (_, i) => GROWTH ** i);
export const BUCKETS = BUCKET_BOUNDS.length;

export const emptySketch = (): number[] => new Array<number>(BUCKETS).fill(0);

export function bucketOf(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.min(BUCKETS - 1, Math.ceil(Math.log(ms) / Math.log(GROWTH)));
}

export function addTo(sketch: number[], ms: number): void {
  sketch[bucketOf(ms)]++;
}

export function merge(into: number[], other: readonly number[]): number[] {
  for (let i = 0; i < BUCKETS; i++) into[i] += other[i] ?? 0;
  return into;
}

/** The q-quantile (0–1) in ms, interpolated within its bucket; undefined for an empty sketch. */
export function quantile(sketch: readonly number[], q: number): number | undefined {
  const total = sketch.reduce((a, b) => a + b, 0);
  if (total === 0) return undefined;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < BUCKETS; i++) {
    if (sketch[i] === 0) continue;
    if (seen + sketch[i] >= rank) {
      const low = i === 0 ? 0 : BUCKET_BOUNDS[i - 1];
      const high = BUCKET_BOUNDS[i];
      return round(low + ((rank - seen) / sketch[i]) * (high - low));
    }
    seen += sketch[i];
  }
  return round(BUCKET_BOUNDS[BUCKETS - 1]);
}

const round = (ms: number) => Math.round(ms * 10) / 10;
