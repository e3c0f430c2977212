// A tiny API stand-in for reconciler tests: applies a Result's actions to a MemoryCache the way
// the API server would (uids, resourceVersions, graceful pod deletion, finalizers, patches), plus
// a "kubelet" that finishes deletions and a background garbage collector.
import type { KubeObject } from "../../../src/api/object";
import { defaultJob } from "../../../src/api/defaults/batch";
import { jsonPatch } from "../../../src/api/patch/json-patch";
import { mergePatch } from "../../../src/api/patch/merge";
import { strategicMergePatch } from "../../../src/api/patch/strategic";
import { generateJobSelector } from "../../../src/api/strategies/workloads";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import { ControlLoop, target, type Executor } from "../../../src/controllers/runtime/loop";
import type { Action, Controller, Result } from "../../../src/controllers/types";

const noSchemas = { named: () => undefined };
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

export class Cluster {
  readonly cache = new MemoryCache();
  readonly events: KubeObject[] = [];
  rv = 0;
  private uids = 0;
  writes = 0;

  constructor(public now = Date.parse("2024-05-01T10:00:00Z")) {}

  get date(): Date {
    return new Date(this.now);
  }

  advance(ms: number): void {
    this.now += ms;
  }

  /** Stores an object as a create would: uid, resourceVersion, creationTimestamp, generation. */
  add(resource: string, input: KubeObject): KubeObject {
    const obj = structuredClone(input);
    const m = obj.metadata;
    m.uid ??= `uid-${++this.uids}`;
    m.resourceVersion = String(++this.rv);
    m.creationTimestamp ??= iso(this.now);
    m.generation ??= 1;
    if (resource === "jobs.batch") {
      defaultJob(obj);
      generateJobSelector(obj);
    }
    if (resource === "pods") obj.status ??= { phase: "Pending" };
    this.cache.put(resource, obj);
    return obj;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.cache.get(resource, namespace, name);
  }

  list(resource: string, namespace?: string): KubeObject[] {
    return this.cache.list(resource, namespace).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  }

  /** Replaces an object in place (a status write by someone else), bumping its resourceVersion. */
  edit(resource: string, namespace: string | undefined, name: string, mutate: (o: KubeObject) => void): KubeObject {
    const obj = structuredClone(this.get(resource, namespace, name));
    if (!obj) throw new Error(`${resource} ${name} not found`);
    mutate(obj);
    obj.metadata.resourceVersion = String(++this.rv);
    this.cache.put(resource, obj);
    return obj;
  }

  apply(actions: Action[]): void {
    for (const a of actions) {
      this.writes++;
      if (a.resource === "events") this.events.push(structuredClone((a as { object: KubeObject }).object));
      else this.perform(a);
    }
  }

  private perform(a: Action): void {
    switch (a.verb) {
      case "create": {
        const obj = structuredClone(a.object);
        obj.metadata.namespace ??= a.namespace;
        obj.metadata.name ??= `${obj.metadata.generateName}${(++this.uids).toString(36)}`;
        if (this.get(a.resource, obj.metadata.namespace, obj.metadata.name!)) return; // 409
        this.add(a.resource, obj);
        return;
      }
      case "update": {
        const cur = this.get(a.resource, a.object.metadata.namespace, a.object.metadata.name!);
        if (!cur || cur.metadata.resourceVersion !== a.object.metadata.resourceVersion) return; // 409
        const next = structuredClone(a.subresource === "status" ? { ...cur, status: a.object.status } : { ...a.object, status: cur.status });
        next.metadata.resourceVersion = String(++this.rv);
        this.cache.put(a.resource, next);
        return;
      }
      case "patch": {
        const cur = this.get(a.resource, a.namespace, a.name);
        if (!cur) return; // 404
        const apply = { merge: mergePatch, json: jsonPatch, strategic: (t: unknown, p: unknown) => strategicMergePatch(t, p, undefined, noSchemas) }[a.patchType];
        const next = apply(structuredClone(cur), a.patch) as KubeObject;
        next.metadata.resourceVersion = String(++this.rv);
        this.cache.put(a.resource, next);
        this.finishDeletion(a.resource, next);
        return;
      }
      case "delete": {
        const cur = this.get(a.resource, a.namespace, a.name);
        if (!cur) return;
        if (a.preconditions?.uid && a.preconditions.uid !== cur.metadata.uid) return;
        // Pods terminate gracefully; anything with finalizers waits for them.
        if (a.resource === "pods" || cur.metadata.finalizers?.length) {
          if (!cur.metadata.deletionTimestamp) this.edit(a.resource, a.namespace, a.name, (o) => (o.metadata.deletionTimestamp = iso(this.now)));
        } else {
          this.cache.remove(a.resource, a.namespace, a.name);
        }
      }
    }
  }

  private finishDeletion(resource: string, obj: KubeObject): void {
    if (obj.metadata.deletionTimestamp && !obj.metadata.finalizers?.length && resource !== "pods") {
      this.cache.remove(resource, obj.metadata.namespace, obj.metadata.name!);
    }
  }

  /**
   * The kubelet and the garbage collector: terminating pods stop (Failed unless they finished) and
   * go once their finalizers are gone; objects whose owner is gone are deleted (background).
   */
  settle(): void {
    for (const pod of this.cache.list("pods")) {
      if (!pod.metadata.deletionTimestamp) continue;
      if (pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed") {
        this.edit("pods", pod.metadata.namespace, pod.metadata.name!, (p) => (p.status = { ...p.status, phase: "Failed" }));
      }
      const now = this.get("pods", pod.metadata.namespace, pod.metadata.name!)!;
      if (!now.metadata.finalizers?.length) this.cache.remove("pods", pod.metadata.namespace, pod.metadata.name!);
    }
    for (const resource of ["pods", "jobs.batch", "controllerrevisions.apps", "persistentvolumeclaims"]) {
      for (const o of this.cache.list(resource)) {
        const refs = o.metadata.ownerReferences ?? [];
        const orphaned = refs.length > 0 && refs.every((r) => !this.exists(r.uid));
        if (orphaned) this.perform({ verb: "delete", resource, namespace: o.metadata.namespace, name: o.metadata.name! });
      }
    }
  }

  private exists(uid: string): boolean {
    for (const r of ["jobs.batch", "cronjobs.batch", "daemonsets.apps", "statefulsets.apps", "pods"]) {
      if (this.cache.list(r).some((o) => o.metadata.uid === uid)) return true;
    }
    return false;
  }

  /** One reconcile at the current time, its actions applied. */
  reconcile(c: Controller, key: string): Result {
    const result = c.reconcile(key, this.cache, this.date);
    this.apply(result.actions);
    return result;
  }

  /** Reconciles (settling after each pass) until a pass writes nothing; returns that last result. */
  converge(c: Controller, key: string, maxPasses = 50): Result {
    for (let i = 0; i < maxPasses; i++) {
      const result = this.reconcile(c, key);
      this.settle();
      if (result.actions.length === 0) return result;
    }
    throw new Error(`${c.name} ${key} did not converge in ${maxPasses} passes`);
  }

  /** Pod phase changes a kubelet would report. */
  setPhase(pod: KubeObject, phase: "Running" | "Succeeded" | "Failed", ready = phase === "Running"): void {
    const t = iso(this.now);
    this.edit("pods", pod.metadata.namespace, pod.metadata.name!, (p) => {
      const terminated = phase === "Running" ? undefined : { exitCode: phase === "Failed" ? 1 : 0, finishedAt: t };
      p.status = {
        ...p.status,
        phase,
        conditions: [{ type: "Ready", status: ready ? "True" : "False", lastTransitionTime: t }],
        containerStatuses: [{ name: "c", ready, restartCount: 0, state: terminated ? { terminated } : { running: { startedAt: t } } }],
      };
    });
  }

  eventReasons(): string[] {
    return this.events.map((e) => e.reason as string);
  }
}

/** The Cluster as the runtime's API executor, so controllers can be run by the real ControlLoop. */
export function controlLoop(c: Cluster, controllers: Controller[]): { loop: ControlLoop; sync(): Promise<void> } {
  const api: Executor = {
    async run(action) {
      c.apply([action]);
      if (action.resource === "events") return undefined;
      const { namespace, name } = target(action);
      return c.get(action.resource, namespace ?? (action.verb === "create" ? action.object.metadata.namespace : undefined), name);
    },
    async get(resource, namespace, name) {
      return c.get(resource, namespace, name);
    },
    async list(resource) {
      return { items: c.cache.list(resource), resourceVersion: String(c.rv) };
    },
  };
  const loop = new ControlLoop(controllers, api, () => c.now);
  // What the store's notifications and the cron resync bring: everything re-listed, every key queued.
  const sync = async () => {
    c.settle();
    await loop.resync();
    await loop.drain(10_000);
  };
  return { loop, sync };
}
