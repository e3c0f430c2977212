import { DurableObject } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/durable-sqlite";
import { migrate } from "drizzle-orm/durable-sqlite/migrator";
import { StatusError, errors } from "../api/errors";
import migrations from "../../migrations/migrations.js";
import type { Env } from "../worker/env";
import type { ListRequest, ListResult, WatchRequest, WriteResult } from "./store/contract";
import { compileSelection } from "./store/selection";
import { Store, type StoreEvent } from "./store/store";
import { WatchHub, eventTypeFor, type WatchOptions } from "./store/watch-hub";
import { rpc, type Rpc } from "./rpc-result";
import type { Change } from "./control-loop-host";
import { notificationTargets } from "./router";

/** Upstream's default watch lifetime: a random time between 30 and 60 minutes spreads reconnects. */
const MIN_WATCH_SECONDS = 1800;

/**
 * The etcd replacement: one instance per (cluster, resource, shard). This class only adapts RPC and
 * fetch to the synchronous Store and the WatchHub.
 */
export class ResourceStore extends DurableObject<Env> {
  private store!: Store;
  private readonly hub: WatchHub;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const db = drizzle(ctx.storage);
    void ctx.blockConcurrencyWhile(async () => {
      await migrate(db, migrations);
      this.store = new Store(db, Number(env.STORE_RETAIN_EVENTS) || undefined);
    });
    this.hub = new WatchHub(() => this.store.revision, Number(env.WATCH_HEARTBEAT_MS) || undefined);
  }

  get(key: string): string | null {
    return this.store.get(key);
  }

  list(req: ListRequest): Rpc<ListResult> {
    return rpc(() => this.store.list(req, compileSelection(req)));
  }

  // Writes name their resource so the change can be told to the control loops that watch it.
  create(resource: string, key: string, namespace: string, name: string, value: string): WriteResult {
    return this.publish(resource, this.store.create(key, namespace, name, value));
  }

  update(resource: string, key: string, value: string, expectedRV: number | null): WriteResult {
    return this.publish(resource, this.store.update(key, value, expectedRV));
  }

  delete(resource: string, key: string, expectedRV: number | null, final?: string): WriteResult {
    return this.publish(resource, this.store.delete(key, expectedRV, final));
  }

  compact(through?: number): number {
    this.store.compact(through);
    return this.store.oldestResumable;
  }

  revision(): number {
    return this.store.revision;
  }

  watcherCount(): number {
    return this.hub.size;
  }

  private publish(resource: string, out: { result: WriteResult; event?: StoreEvent }): WriteResult {
    if (out.event) {
      this.hub.publish(out.event);
      this.notifyLater(resource, out.event);
    }
    return out.result;
  }

  private pending: Change[] = [];

  /** Changes of one turn go out as one batch per host, without holding up the write. */
  private notifyLater(resource: string, event: StoreEvent): void {
    const targets = notificationTargets(this.env, resource);
    if (targets.length === 0) return;
    if (this.pending.length === 0) {
      setTimeout(() => {
        const batch = this.pending;
        this.pending = [];
        for (const host of targets) this.ctx.waitUntil(host.notify(batch).catch((e: unknown) => console.error(`notify: ${String(e)}`)));
      }, 0);
    }
    this.pending.push({ resource, type: event.type, object: event.value });
  }

  /** Watch streams go through fetch: a ReadableStream returned over RPC leaks on this workerd. */
  override async fetch(request: Request): Promise<Response> {
    const req = (await request.json()) as WatchRequest;
    try {
      return this.watch(req);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return Response.json(e.toStatus(), { status: e.code });
    }
  }

  private watch(req: WatchRequest): Response {
    const timeout = req.timeoutSeconds && req.timeoutSeconds > 0
      ? req.timeoutSeconds
      : MIN_WATCH_SECONDS * (1 + Math.random());
    const opts: WatchOptions = {
      matches: compileSelection(req),
      namespace: req.namespace,
      bookmarks: !!req.allowWatchBookmarks,
      apiVersion: req.apiVersion,
      kind: req.kind,
      deadline: Date.now() + timeout * 1000,
    };
    const headers = { "content-type": "application/json", "content-encoding": "identity" };
    const first = this.catchUp(req, opts);
    // An ERROR event ends a watch, as upstream: the client re-lists.
    if (first[0]?.type === "ERROR") {
      return new Response(`{"type":"ERROR","object":${first[0].value}}\n`, { headers });
    }
    return new Response(this.hub.open(opts, first), { headers });
  }

  /** What a new watch is sent before live events: current objects, or the log after its revision. */
  private catchUp(req: WatchRequest, opts: WatchOptions): { type: string; value: string }[] {
    const rv = req.resourceVersion ? Number(req.resourceVersion) : 0;
    if (req.resourceVersion && (!Number.isInteger(rv) || rv < 0)) {
      throw errors.badRequest(`invalid resource version: ${req.resourceVersion}`);
    }
    const initial = !req.resourceVersion || req.resourceVersion === "0" || req.sendInitialEvents;
    if (initial) {
      const listed = this.store.list({ ...req, resourceVersion: undefined, limit: undefined }, opts.matches);
      const out = listed.items.map((value) => ({ type: "ADDED", value }));
      if (req.sendInitialEvents && req.allowWatchBookmarks) {
        const end = { kind: req.kind, apiVersion: req.apiVersion, metadata: {
          resourceVersion: listed.resourceVersion,
          annotations: { "k8s.io/initial-events-end": "true" },
        } };
        out.push({ type: "BOOKMARK", value: JSON.stringify(end) });
      }
      return out;
    }
    if (rv < this.store.oldestResumable) {
      return [errorEvent(errors.gone(`too old resource version: ${rv} (${this.store.oldestResumable + 1})`))];
    }
    if (rv > this.store.revision) {
      return [errorEvent(errors.timeout(`Too large resource version: ${rv}, current: ${this.store.revision}`))];
    }
    return this.store
      .eventsAfter(rv, req.namespace)
      .flatMap((e) => {
        const type = eventTypeFor(opts, e);
        return type ? [{ type, value: e.value }] : [];
      });
  }
}

function errorEvent(e: StatusError): { type: string; value: string } {
  return { type: "ERROR", value: JSON.stringify(e.toStatus()) };
}
