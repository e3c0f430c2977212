/** Runs `op` `total` times with `clients` concurrent callers; returns throughput and latency quantiles. */
export async function measure(total: number, clients: number, op: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { opsPerSec: total / seconds, p50: q(0.5), p99: q(0.99) };
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** One JSON line per figure, as every bench in this repo prints. */
export function report(fig: Record<string, unknown>): void {
  console.log(JSON.stringify(fig));
}
