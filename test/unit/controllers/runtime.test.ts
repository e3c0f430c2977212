import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { StatusError } from "../../../src/api/errors";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import { ControlLoop, type Executor } from "../../../src/controllers/runtime/loop";
import { WorkQueue } from "../../../src/controllers/runtime/queue";
import { keyOf, splitKey, type Action, type Controller } from "../../../src/controllers/types";

/** An API stand-in that stores what actions write, stamping uids and resourceVersions. */
class InMemoryApi implements Executor {
  readonly store = new MemoryCache();
  rv = 0;
  writes = 0;
  failNext = 0;
  async run(action: Action): Promise<KubeObject | undefined> {
    this.writes++;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("transient");
    }
    if (action.verb === "create") {
      const obj = structuredClone(action.object);
      obj.metadata.uid = `uid-${++this.rv}`;
      obj.metadata.resourceVersion = String(this.rv);
      if (this.store.get(action.resource, obj.metadata.namespace, obj.metadata.name!)) throw new StatusError(409, "AlreadyExists", "exists");
      this.store.put(action.resource, obj);
      return obj;
    }
    if (action.verb === "delete") {
      this.store.remove(action.resource, action.namespace, action.name);
      return undefined;
    }
    throw new Error(`unexpected ${action.verb}`);
  }
  async get(resource: string, namespace: string | undefined, name: string) {
    return this.store.get(resource, namespace, name);
  }
  async list(resource: string) {
    return { items: this.store.list(resource), resourceVersion: String(this.rv) };
  }
}

const parent = (name: string): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "ns", uid: `p-${name}`, resourceVersion: "1" } });

/** For each parent configmap, one child secret owned by it. */
const childMaker: Controller = {
  name: "child-maker",
  watches: [
    { resource: "configmaps", keys: (o) => [keyOf(o)] },
    { resource: "secrets", keys: (o) => (o.metadata.ownerReferences ?? []).map((r) => `${o.metadata.namespace}/${r.name}`) },
  ],
  reconcile(key, cache) {
    const { namespace, name } = splitKey(key);
    const p = cache.get("configmaps", namespace, name);
    if (!p) return { actions: [] };
    if (cache.ownedBy("secrets", p.metadata.uid!).length > 0) return { actions: [] };
    const child: KubeObject = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: `${name}-child`, namespace, ownerReferences: [{ apiVersion: "v1", kind: "ConfigMap", name, uid: p.metadata.uid!, controller: true }] },
    };
    return { actions: [{ verb: "create", resource: "secrets", namespace, object: child }], requeueAfter: 60_000 };
  },
};

describe("ControlLoop", () => {
  it("converges, and a second pass over the written state does nothing", async () => {
    const api = new InMemoryApi();
    api.store.put("configmaps", parent("a"));
    api.store.put("configmaps", parent("b"));
    let now = 1000;
    const loop = new ControlLoop([childMaker], api, () => now);
    await loop.resync();
    await loop.drain(1000);
    expect(api.store.list("secrets").map((s) => s.metadata.name).sort()).toEqual(["a-child", "b-child"]);
    // requeueAfter brings the keys back later, not before.
    expect(loop.nextWake()).toBe(1000 + 60_000);
    const writes = api.writes;
    // The written children are already in the loop's cache: reconciling again writes nothing.
    await loop.resync();
    await loop.drain(1000);
    expect(api.writes).toBe(writes);
    now += 60_000;
    await loop.drain(1000);
    expect(api.writes).toBe(writes);
    expect(loop.nextWake()).toBeUndefined();
  });

  it("retries a failed reconcile with backoff", async () => {
    const api = new InMemoryApi();
    api.store.put("configmaps", parent("a"));
    let now = 0;
    const loop = new ControlLoop([childMaker], api, () => now);
    api.failNext = 1;
    await loop.resync();
    await loop.drain(1000);
    expect(api.store.list("secrets")).toHaveLength(0);
    expect(loop.nextWake()).toBe(5);
    now = 5;
    await loop.drain(1000);
    expect(api.store.list("secrets")).toHaveLength(1);
  });

  it("wakes the owner's key when a child changes", async () => {
    const api = new InMemoryApi();
    api.store.put("configmaps", parent("a"));
    const loop = new ControlLoop([childMaker], api, () => 0);
    await loop.resync();
    await loop.drain(1000);
    const child = api.store.list("secrets")[0];
    api.store.remove("secrets", "ns", child.metadata.name!);
    loop.observe("secrets", "DELETED", child);
    await loop.drain(1000);
    expect(api.store.list("secrets")).toHaveLength(1);
  });
});

describe("WorkQueue", () => {
  it("runs a key once per due time, keeps later requeues, and backs off on failure", () => {
    const q = new WorkQueue();
    q.add("k", 10);
    q.add("k", 5);
    q.add("k", 5);
    q.add("j", 7);
    expect(q.size).toBe(2);
    expect(q.take(6, 10)).toEqual(["k"]);
    expect(q.next()).toBe(7);
    expect(q.take(100, 10)).toEqual(["j", "k"]);
    q.retry("k", 0);
    q.take(5, 10);
    q.retry("k", 0);
    expect(q.next()).toBe(10);
    q.forget("k");
  });
});
