/** Latency figures, in milliseconds, from a set of samples. */
export interface Latency {
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: number[], wallMs: number): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    perSecond: Math.round((sorted.length / wallMs) * 1000),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

/** Runs `task` from `clients` concurrent loops until `total` calls have been made. */
export async function closedLoop(
  clients: number,
  total: number,
  task: (i: number) => Promise<void>,
) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await task(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  return summarise(samples, performance.now() - started);
}
