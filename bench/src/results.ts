import { writeFileSync } from 'node:fs';

/** One figure over repeated rounds of the same run: its value in each round, and their median. */
export interface Repeated {
  rounds: number[];
  median: number;
}

export function repeated(rounds: number[]): Repeated {
  return { rounds: rounds.map((value) => Math.round(value * 1000) / 1000), median: Math.round(median(rounds) * 1000) / 1000 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** A suite's figures, for `npm run bench` to put into BENCHMARKS.md (BENCH_OUT names the file); a run by hand skips this. */
export function writeSuiteResult(result: unknown): void {
  const out = process.env.BENCH_OUT;
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
}
