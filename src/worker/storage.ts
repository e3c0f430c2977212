import { errors } from "../api/errors";
import type { KubeObject } from "../api/object";
import type { ResourceDef } from "../api/registry/types";
import { qualifiedName, storageName } from "../api/registry/registry";
import type { ListRequest, Selection, WatchRequest, WriteResult } from "../durable-objects/store/contract";
import { storeKey } from "../durable-objects/store/contract";
import { unwrap } from "../durable-objects/rpc-result";
import { shardOf, shardsFor, storeStub } from "../durable-objects/router";
import type { Env } from "./env";

export type Written = { ok: true; object: KubeObject } | { ok: false; reason: "AlreadyExists" | "NotFound" | "Conflict" };

/** Told of every successful write through this isolate (caches that must not go stale here). */
export const writeListeners: ((def: ResourceDef, obj: KubeObject) => void)[] = [];

/** Typed access to one resource's store(s): JSON in and out, shards resolved through the router. */
export class ResourceStorage {
  private readonly resource: string;

  constructor(
    private readonly env: Env,
    readonly def: ResourceDef,
  ) {
    this.resource = storageName(def);
  }

  private stub(namespace: string | undefined) {
    return storeStub(this.env, this.resource, shardOf(namespace));
  }

  private single(namespace: string | undefined) {
    const shards = shardsFor(namespace);
    // Lists and watches across shards need a merge; until the router shards, there is one.
    if (shards.length !== 1) throw errors.internal("cross-shard reads are not supported yet");
    return storeStub(this.env, this.resource, shards[0]);
  }

  async get(namespace: string | undefined, name: string): Promise<KubeObject | null> {
    const text = await this.stub(namespace).get(storeKey(namespace, name));
    return text === null ? null : (JSON.parse(text) as KubeObject);
  }

  selection(namespace: string | undefined, q: { labelSelector?: string; fieldSelector?: string }): Selection {
    const sel: Selection = { resource: qualifiedName(this.def), namespaced: this.def.namespaced };
    if (namespace) sel.namespace = namespace;
    if (q.labelSelector) sel.labelSelector = q.labelSelector;
    if (q.fieldSelector) sel.fieldSelector = q.fieldSelector;
    return sel;
  }

  /**
   * One page when the caller set a limit; otherwise every page at the first page's revision (a
   * store caps each answer's size, so unpaged lists arrive in several).
   */
  async list(req: ListRequest) {
    const stub = this.single(req.namespace);
    const first = unwrap(await stub.list(req));
    const items = first.items.map((t) => JSON.parse(t) as KubeObject);
    if (req.limit) return { ...first, items };
    let next = first.continue;
    while (next) {
      const page = unwrap(await stub.list({ ...req, resourceVersion: undefined, resourceVersionMatch: undefined, continue: next }));
      for (const t of page.items) items.push(JSON.parse(t) as KubeObject);
      next = page.continue;
    }
    return { resourceVersion: first.resourceVersion, items };
  }

  async create(obj: KubeObject): Promise<Written> {
    const { namespace, name } = obj.metadata;
    const key = storeKey(namespace, name!);
    return this.written(await this.stub(namespace).create(this.resource, key, namespace ?? "", name!, JSON.stringify(obj)));
  }

  async update(obj: KubeObject, expectedRV: number | null): Promise<Written> {
    const { namespace, name } = obj.metadata;
    return this.written(await this.stub(namespace).update(this.resource, storeKey(namespace, name!), JSON.stringify(obj), expectedRV));
  }

  /** `obj` is the final state the DELETED event carries (e.g. with its deletionTimestamp). */
  async delete(obj: KubeObject, expectedRV: number | null): Promise<Written> {
    const { namespace, name } = obj.metadata;
    return this.written(await this.stub(namespace).delete(this.resource, storeKey(namespace, name!), expectedRV, JSON.stringify(obj)));
  }

  private written(result: WriteResult): Written {
    if (!result.ok) return { ok: false, reason: result.reason };
    const object = JSON.parse(result.value) as KubeObject;
    for (const listen of writeListeners) listen(this.def, object);
    return { ok: true, object };
  }

  watch(req: WatchRequest): Promise<Response> {
    return this.single(req.namespace).fetch("https://store/watch", { method: "POST", body: JSON.stringify(req) });
  }
}
