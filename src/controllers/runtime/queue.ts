/**
 * A per-key work queue, as client-go's delaying, rate-limited queue: a key runs once however often
 * it was queued for now, a later requeue survives an earlier run, and failures back off
 * exponentially (5 ms doubling to 5 min). Time is passed in.
 */
export class WorkQueue {
  /** Each key's pending due times, ascending. */
  private readonly due = new Map<string, number[]>();
  private readonly failures = new Map<string, number>();

  /** Queue `key` to run at `at` (ms). */
  add(key: string, at: number): void {
    const times = this.due.get(key);
    if (!times) return void this.due.set(key, [at]);
    if (times.includes(at)) return;
    times.push(at);
    times.sort((a, b) => a - b);
  }

  /** Keys due at `now`, oldest first; their due times up to `now` collapse into this one run. */
  take(now: number, max: number): string[] {
    const ready = [...this.due].filter(([, times]) => times[0] <= now).sort((a, b) => a[1][0] - b[1][0]).slice(0, max);
    for (const [key, times] of ready) {
      const later = times.filter((t) => t > now);
      if (later.length) this.due.set(key, later);
      else this.due.delete(key);
    }
    return ready.map(([key]) => key);
  }

  /** The earliest due time, if anything is queued. */
  next(): number | undefined {
    let min: number | undefined;
    for (const [first] of this.due.values()) if (min === undefined || first < min) min = first;
    return min;
  }

  /** A failed key returns after its backoff. */
  retry(key: string, now: number): void {
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    this.add(key, now + Math.min(5 * 2 ** (n - 1), 300_000));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  get size(): number {
    return this.due.size;
  }
}
