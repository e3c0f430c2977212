// client-go's shared informer, small: list (paged), then watch from the list's resourceVersion into a
// local store; handlers hear add/update/delete. A compacted resume point (410) or a broken watch means
// a fresh list, diffed against the store so deletions missed meanwhile are still reported.
import type { KubeObject } from "../api/object";
import type { KubeClient } from "./client";
import { isGone, isRetriable } from "./errors";
import type { ResourceRef } from "./paths";
import { sleep } from "./watch";

export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Replays every stored object to `update(obj, obj)` this often (level-triggered safety net). */
  resyncMs?: number;
  pageSize?: number;
  idleTimeoutMs?: number;
  onError?: (e: unknown) => void;
}

export interface Handlers<T> {
  add?(obj: T): void;
  update?(old: T, obj: T): void;
  delete?(obj: T): void;
}

export const keyOf = (o: KubeObject): string => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : `${o.metadata.name}`);

export class Informer<T extends KubeObject = KubeObject> {
  private readonly store = new Map<string, T>();
  private readonly handlers = new Set<Handlers<T>>();
  private readonly ctrl = new AbortController();
  private resync: ReturnType<typeof setInterval> | undefined;
  private loop: Promise<void> | undefined;
  private synced = false;
  /** How many full lists ran (the first one plus re-lists after 410 or errors). */
  lists = 0;

  constructor(
    private readonly client: KubeClient,
    private readonly ref: ResourceRef,
    private readonly opts: InformerOptions = {},
  ) {}

  on(h: Handlers<T>): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }

  get hasSynced(): boolean {
    return this.synced;
  }

  get(name: string, namespace?: string): T | undefined {
    return this.store.get(namespace ? `${namespace}/${name}` : name);
  }

  list(): T[] {
    return [...this.store.values()];
  }

  /** Resolves once the first list is in the store; rejects if that list fails for good (e.g. 403). */
  start(): Promise<void> {
    if (this.loop) throw new Error("informer already started");
    return new Promise((resolve, reject) => {
      this.loop = this.run(resolve, reject);
      if (this.opts.resyncMs) {
        this.resync = setInterval(() => this.store.forEach((o) => this.emit("update", o, o)), this.opts.resyncMs);
      }
    });
  }

  async stop(): Promise<void> {
    this.ctrl.abort();
    if (this.resync !== undefined) clearInterval(this.resync);
    await this.loop;
  }

  private async run(synced: () => void, failed: (e: unknown) => void): Promise<void> {
    const signal = this.ctrl.signal;
    let delay = 250;
    while (!signal.aborted) {
      try {
        const rv = await this.relist();
        this.synced = true;
        synced();
        delay = 250;
        const { namespace, labelSelector, fieldSelector, idleTimeoutMs } = this.opts;
        for await (const ev of this.client.watch<T>(this.ref, { namespace, labelSelector, fieldSelector, idleTimeoutMs, resourceVersion: rv, signal })) {
          if (ev.type === "ADDED" || ev.type === "MODIFIED") this.put(ev.object);
          else if (ev.type === "DELETED") this.remove(keyOf(ev.object), ev.object);
        }
      } catch (e) {
        if (signal.aborted) break;
        if (isGone(e)) continue; // re-list at once: the events in between are gone for good
        if (!this.synced && !isRetriable(e)) {
          this.ctrl.abort();
          failed(e);
          return;
        }
        this.opts.onError?.(e);
        await sleep(delay, signal);
        delay = Math.min(delay * 2, 10_000);
      }
    }
    failed(new Error("informer stopped before it synced"));
  }

  /** A full paged list, diffed into the store; answers the list's resourceVersion to watch from. */
  private async relist(): Promise<string> {
    const { namespace, labelSelector, fieldSelector } = this.opts;
    const seen = new Map<string, T>();
    let cont: string | undefined;
    let rv = "";
    do {
      const page = await this.client.list<T>(this.ref, { namespace, labelSelector, fieldSelector, limit: this.opts.pageSize ?? 500, continue: cont });
      for (const item of page.items) seen.set(keyOf(item), item);
      cont = page.metadata.continue || undefined;
      rv = page.metadata.resourceVersion ?? rv;
    } while (cont);
    this.lists++;
    for (const [key, old] of this.store) if (!seen.has(key)) this.remove(key, old);
    for (const obj of seen.values()) this.put(obj);
    return rv;
  }

  private put(obj: T): void {
    const key = keyOf(obj);
    const old = this.store.get(key);
    this.store.set(key, obj);
    if (!old) this.emit("add", obj);
    else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.emit("update", old, obj);
  }

  private remove(key: string, last: T): void {
    const had = this.store.get(key);
    this.store.delete(key);
    if (had) this.emit("delete", last);
  }

  /** A failing handler must not stop the informer, nor keep the other handlers from hearing it. */
  private emit(kind: "add" | "update" | "delete", a: T, b?: T): void {
    for (const h of this.handlers) {
      try {
        if (kind === "add") h.add?.(a);
        else if (kind === "update") h.update?.(a, b!);
        else h.delete?.(a);
      } catch (e) {
        this.opts.onError?.(e);
      }
    }
  }
}
