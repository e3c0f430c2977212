// A work queue of keys, as client-go's: a key is queued at most once, never processed twice at the
// same time, and processed again if it was added while running (the newest state always wins).
export class KeyQueue {
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private active = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly work: (key: string) => Promise<void>,
    private readonly concurrency = 8,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.queued.add(key);
    this.pump();
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.active === 0 && this.queued.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops queued keys and waits for the running ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queued.clear();
    this.dirty.clear();
    await this.idle();
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queued.size > 0) {
      const key = this.queued.values().next().value as string;
      this.queued.delete(key);
      this.running.add(key);
      this.active++;
      // The worker reports its own failures; a rejection here must not become an unhandled one.
      void this.work(key)
        .catch(() => {})
        .finally(() => {
          this.running.delete(key);
          this.active--;
          if (this.dirty.delete(key)) this.add(key);
          this.pump();
          if (this.active === 0 && this.queued.size === 0) this.idleWaiters.splice(0).forEach((r) => r());
        });
    }
  }
}
