import { StatusError } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { MemoryCache } from "../memory-cache";
import type { Action, Controller, Resource } from "../types";
import { WorkQueue } from "./queue";

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

/** Performs actions through the API pipeline; reads are direct. */
export interface Executor {
  /** The object the API answered with, if the answer was one (undefined for a Status). */
  run(action: Action): Promise<KubeObject | undefined>;
  get(resource: Resource, namespace: string | undefined, name: string): Promise<KubeObject | undefined>;
  /** Every object of a resource, and the revision the list was taken at. */
  list(resource: Resource): Promise<{ items: KubeObject[]; resourceVersion: string }>;
}

const SEP = "\u0000";

/**
 * The control-loop runtime, hosted by a Durable Object: informer cache, work queue, reconciles.
 * Writes go through the executor and their results go straight back into the cache, so the next
 * reconcile sees them before the store's notification arrives (no expectations needed).
 */
export class ControlLoop {
  readonly cache = new MemoryCache();
  private readonly queue = new WorkQueue();
  private readonly byName = new Map<string, Controller>();
  private readonly watched: Set<Resource>;
  private synced = false;

  constructor(
    controllers: Controller[],
    private readonly executor: Executor,
    private readonly clock: () => number = Date.now,
  ) {
    for (const c of controllers) this.byName.set(c.name, c);
    this.watched = new Set(controllers.flatMap((c) => c.watches.map((w) => w.resource)));
  }

  /** Every resource some controller watches: what the cache must hold. */
  resources(): Resource[] {
    return [...this.watched];
  }

  /** Whether a change to `resource` matters here (checked before parsing it). */
  watches(resource: Resource): boolean {
    return this.watched.has(resource);
  }

  /** Lists every watched resource into the cache and queues every key (cold start, cron resync). */
  async resync(): Promise<void> {
    for (const resource of this.resources()) {
      const { items, resourceVersion } = await this.executor.list(resource);
      this.cache.replace(resource, items, Number(resourceVersion));
    }
    for (const resource of this.resources()) for (const obj of this.cache.list(resource)) this.enqueueFor(resource, obj);
    this.synced = true;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  /** A change from a store notification (or a write of our own). */
  observe(resource: Resource, type: ChangeType, obj: KubeObject): void {
    if (!this.watched.has(resource)) return;
    if (type === "DELETED") this.cache.remove(resource, obj.metadata.namespace, obj.metadata.name!, obj.metadata.resourceVersion);
    else this.cache.put(resource, obj);
    this.enqueueFor(resource, obj);
  }

  private enqueueFor(resource: Resource, obj: KubeObject): void {
    const now = this.clock();
    for (const c of this.byName.values()) {
      for (const w of c.watches) if (w.resource === resource) for (const key of w.keys(obj, this.cache)) this.queue.add(`${c.name}${SEP}${key}`, now);
    }
  }

  /** When the host should wake next (a DO alarm), if anything is queued. */
  nextWake(): number | undefined {
    return this.queue.next();
  }

  /** Runs due reconciles until none are due or the budget is spent. */
  async drain(budgetMs: number): Promise<number> {
    const started = this.clock();
    let runs = 0;
    while (this.clock() - started < budgetMs) {
      const batch = this.queue.take(this.clock(), 64);
      if (batch.length === 0) break;
      for (const item of batch) {
        await this.reconcileOne(item);
        runs++;
      }
    }
    return runs;
  }

  private async reconcileOne(item: string): Promise<void> {
    const [name, key] = item.split(SEP);
    const controller = this.byName.get(name);
    if (!controller) return;
    const now = this.clock();
    try {
      const result = controller.reconcile(key, this.cache, new Date(now));
      for (const action of result.actions) await this.perform(action);
      this.queue.forget(item);
      if (result.requeueAfter !== undefined) this.queue.add(item, now + result.requeueAfter);
    } catch (e) {
      if (!(e instanceof StatusError && e.code === 409)) console.error(`${name} ${key}: ${e instanceof Error ? e.message : String(e)}`);
      this.queue.retry(item, this.clock());
    }
  }

  private async perform(action: Action): Promise<void> {
    try {
      const answer = await this.executor.run(action);
      if (action.verb === "delete") {
        if (answer?.metadata.deletionTimestamp) this.observe(action.resource, "MODIFIED", answer);
        else this.cache.remove(action.resource, action.namespace, action.name);
        return;
      }
      // An answer with a deletionTimestamp may describe an object that is now gone (its last
      // finalizer removed) or one still terminating: only a read can tell.
      if (answer && !answer.metadata.deletionTimestamp) return this.observe(action.resource, "MODIFIED", answer);
      // A subresource answer (a Binding's Status, a Scale) is not the object: read it back.
      const { namespace, name } = target(action);
      const fresh = await this.executor.get(action.resource, namespace, name);
      if (fresh) this.observe(action.resource, "MODIFIED", fresh);
      else this.cache.remove(action.resource, namespace, name);
    } catch (e) {
      // Created by someone else first: nothing left to do. A conflicting update or patch means our
      // copy was stale: the key is retried after a fresh read.
      if (e instanceof StatusError && e.code === 404) {
        // Gone: some writes (events) send no notification, so the cache learns it only here.
        if (action.verb !== "create") this.cache.remove(action.resource, target(action).namespace, target(action).name);
        return;
      }
      if (e instanceof StatusError && e.code === 409 && action.verb === "create") return;
      if (e instanceof StatusError && e.code === 409) {
        const { namespace, name } = target(action);
        const fresh = await this.executor.get(action.resource, namespace, name);
        if (fresh) this.observe(action.resource, "MODIFIED", fresh);
      }
      throw e;
    }
  }
}

/** The object an action writes. */
export function target(action: Action): { namespace?: string; name: string } {
  switch (action.verb) {
    case "update":
      return { namespace: action.object.metadata.namespace, name: action.object.metadata.name! };
    case "create":
      return { namespace: action.namespace ?? action.object.metadata.namespace, name: action.name ?? action.object.metadata.name ?? "" };
    default:
      return { namespace: action.namespace, name: action.name };
  }
}
