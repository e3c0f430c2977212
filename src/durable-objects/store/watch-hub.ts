import type { KubeObject } from "../../api/object";
import type { StoreEvent } from "./store";
import type { Predicate } from "./selection";

/** A watcher whose unsent bytes pass this is too slow: it is dropped, never buffered without bound. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
const encoder = new TextEncoder();

export interface WatchOptions {
  matches: Predicate | null;
  namespace?: string;
  bookmarks: boolean;
  apiVersion: string;
  kind: string;
  deadline: number;
}

/** Whether an event concerns a watch, and as what: selections turn edits into ADDED or DELETED. */
export function eventTypeFor(opts: WatchOptions, event: StoreEvent): StoreEvent["type"] | null {
  if (opts.namespace && event.namespace !== opts.namespace) return null;
  const { matches } = opts;
  if (!matches) return event.type;
  const now = matches(JSON.parse(event.value) as KubeObject);
  if (event.type !== "MODIFIED") return now ? event.type : null;
  const before = event.prev !== null && matches(JSON.parse(event.prev) as KubeObject);
  if (before && now) return "MODIFIED";
  if (now) return "ADDED";
  return before ? "DELETED" : null;
}

class Watcher {
  private queued = 0;
  closed = false;

  constructor(
    private readonly writer: WritableStreamDefaultWriter<Uint8Array>,
    readonly opts: WatchOptions,
    private readonly onClose: (w: Watcher) => void,
  ) {}

  /** `catchUp` events are already in memory and are the client's start: they never count as backlog. */
  send(text: string, catchUp = false): void {
    if (this.closed) return;
    const bytes = encoder.encode(text);
    if (!catchUp && this.queued + bytes.length > MAX_QUEUED_BYTES) return this.close(true);
    if (catchUp) {
      this.writer.write(bytes).catch(() => this.close(false));
      return;
    }
    this.queued += bytes.length;
    this.writer.write(bytes).then(
      () => (this.queued -= bytes.length),
      () => this.close(false),
    );
  }

  sendEvent(type: string, value: string, catchUp = false): void {
    this.send(`{"type":"${type}","object":${value}}\n`, catchUp);
  }

  /** Keeps idle clients alive and finds dead ones: a write to a gone client fails. */
  heartbeat(rv: number): void {
    if (!this.opts.bookmarks) return this.send("\n");
    const { apiVersion, kind } = this.opts;
    this.sendEvent("BOOKMARK", JSON.stringify({ kind, apiVersion, metadata: { resourceVersion: String(rv) } }));
  }

  close(abort: boolean): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    (abort ? this.writer.abort("watcher too slow") : this.writer.close()).catch(() => {});
  }
}

/** Fans store events out to open watch streams. */
export class WatchHub {
  private readonly watchers = new Set<Watcher>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly currentRevision: () => number,
    private readonly heartbeatMs = 10_000,
  ) {}

  get size(): number {
    return this.watchers.size;
  }

  /** Opens a stream; `catchUp` events are written first, then live events follow with no gap. */
  open(opts: WatchOptions, catchUp: { type: string; value: string }[]): ReadableStream<Uint8Array> {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const watcher = new Watcher(writable.getWriter(), opts, (w) => this.remove(w));
    this.watchers.add(watcher);
    for (const e of catchUp) watcher.sendEvent(e.type, e.value, true);
    this.ensureTimer();
    return readable;
  }

  publish(event: StoreEvent): void {
    for (const w of this.watchers) {
      const type = eventTypeFor(w.opts, event);
      if (type) w.sendEvent(type, event.value);
    }
  }

  private remove(w: Watcher): void {
    this.watchers.delete(w);
    if (this.watchers.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private ensureTimer(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), Math.min(this.heartbeatMs, 1000));
  }

  private lastBeat = 0;
  private tick(): void {
    const now = Date.now();
    const beat = now - this.lastBeat >= this.heartbeatMs;
    if (beat) this.lastBeat = now;
    for (const w of this.watchers) {
      if (now >= w.opts.deadline) w.close(false);
      else if (beat) w.heartbeat(this.currentRevision());
    }
  }
}
