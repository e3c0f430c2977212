// A tiny API + kubelet stand-in for reconciler tests: applies a Result's actions to a MemoryCache
// (uids, resourceVersions, generations, conflicts, graceful pod deletion), marks pods Running/Ready,
// and drives controllers until nothing changes.

import { expect } from "vitest";
import { StatusError } from "../../../src/api/errors";
import type { KubeObject } from "../../../src/api/object";
import { mergePatch } from "../../../src/api/patch/merge";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import { keyOf, type Action, type Controller, type Result } from "../../../src/controllers/types";

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const specOf = ({ metadata: _m, status: _s, ...rest }: KubeObject) => JSON.stringify(rest);

export class Sim {
  readonly cache = new MemoryCache();
  readonly events: KubeObject[] = [];
  conflicts = 0;
  private rv = 0;
  now = new Date("2025-01-01T00:00:00Z");

  advance(seconds: number): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
  }

  /** Stores an object as the API would on create. */
  put(resource: string, obj: KubeObject): KubeObject {
    const o = structuredClone(obj);
    o.metadata.uid ??= `uid-${resource}-${o.metadata.name}-${this.rv + 1}`;
    o.metadata.resourceVersion = String(++this.rv);
    o.metadata.creationTimestamp ??= iso(this.now);
    if (resource !== "pods" && resource !== "events") o.metadata.generation ??= 1;
    this.cache.put(resource, o);
    return o;
  }

  get(resource: string, key: string): KubeObject {
    const [ns, name] = key.split("/");
    const o = this.cache.get(resource, ns, name);
    if (!o) throw new Error(`${resource} ${key} not found`);
    return o;
  }

  list(resource: string): KubeObject[] {
    return this.cache.list(resource);
  }

  /** A client-side edit (kubectl edit/set/scale): spec changes bump the generation. */
  edit(resource: string, key: string, change: (o: KubeObject) => void): void {
    const next = structuredClone(this.get(resource, key));
    change(next);
    this.store(resource, next, this.get(resource, key));
  }

  private store(resource: string, next: KubeObject, current: KubeObject): KubeObject {
    if (specOf(next) !== specOf(current) && current.metadata.generation !== undefined) next.metadata.generation = current.metadata.generation + 1;
    next.metadata.resourceVersion = String(++this.rv);
    this.cache.put(resource, next);
    return next;
  }

  apply(result: Result): void {
    for (const a of result.actions) {
      try {
        this.run(a);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        this.conflicts++;
      }
    }
  }

  /** Performs one action as the API would, answering with the object written (an Executor's run). */
  run(a: Action): KubeObject | undefined {
    const conflict = () => new StatusError(409, "Conflict", `${a.verb} ${a.resource}: conflict`);
    if (a.verb === "create") {
      if (a.resource === "events") return void this.events.push(a.object);
      const o = structuredClone(a.object);
      o.metadata.name ??= `${o.metadata.generateName}${String(this.rv).padStart(5, "x")}`;
      if (this.cache.get(a.resource, o.metadata.namespace, o.metadata.name!)) throw conflict();
      return this.put(a.resource, o);
    }
    if (a.verb === "delete") {
      const cur = this.cache.get(a.resource, a.namespace, a.name);
      if (!cur || (a.preconditions?.uid && a.preconditions.uid !== cur.metadata.uid)) throw conflict();
      // Pods terminate gracefully: they stay, marked, until the kubelet is done with them.
      if (a.resource === "pods") return this.store(a.resource, { ...structuredClone(cur), metadata: { ...cur.metadata, deletionTimestamp: iso(this.now) } }, cur);
      this.cache.remove(a.resource, a.namespace, a.name);
      return undefined;
    }
    if (a.verb === "update") {
      const cur = this.cache.get(a.resource, a.object.metadata.namespace, a.object.metadata.name!);
      if (!cur || cur.metadata.resourceVersion !== a.object.metadata.resourceVersion) throw conflict();
      const next = structuredClone(a.subresource === "status" ? { ...cur, status: a.object.status } : { ...a.object, status: cur.status });
      if (next.status === undefined) delete next.status;
      return this.store(a.resource, next, cur);
    }
    const cur = this.cache.get(a.resource, a.namespace, a.name);
    const patch = structuredClone(a.patch) as KubeObject;
    if (!cur || (patch.metadata?.uid && patch.metadata.uid !== cur.metadata.uid)) throw conflict();
    let next: KubeObject;
    if (a.patchType === "strategic" && patch.metadata?.ownerReferences) {
      // ownerReferences merge by uid; {"$patch":"delete"} removes one.
      let refs = [...(cur.metadata.ownerReferences ?? [])];
      for (const r of patch.metadata.ownerReferences as any[]) {
        refs = refs.filter((x) => x.uid !== r.uid);
        if (r.$patch !== "delete") refs.push(r);
      }
      delete patch.metadata.ownerReferences;
      next = mergePatch(cur, patch) as KubeObject;
      if (refs.length) next.metadata.ownerReferences = refs;
      else delete next.metadata.ownerReferences;
    } else next = mergePatch(cur, patch) as KubeObject;
    return this.store(a.resource, next, cur);
  }

  /** The kubelet: pods being deleted go away; the rest get a node, run and (unless held back) turn Ready. */
  kubelet(opts: { ready?: (pod: KubeObject) => boolean } = {}): number {
    let changes = 0;
    for (const pod of this.list("pods")) {
      if (pod.metadata.deletionTimestamp) {
        this.cache.remove("pods", pod.metadata.namespace, pod.metadata.name!);
        changes++;
        continue;
      }
      if (pod.status?.phase === "Running") continue;
      const ready = opts.ready?.(pod) ?? true;
      if (!ready && pod.spec?.nodeName) continue;
      const next = structuredClone(pod);
      next.spec.nodeName = "node-1";
      next.status = ready
        ? { phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: iso(this.now) }] }
        : { phase: "Pending", conditions: [{ type: "Ready", status: "False", lastTransitionTime: iso(this.now) }] };
      this.store("pods", next, pod);
      changes++;
    }
    return changes;
  }

  /** Reconciles one key, applies the writes, and checks that a second pass would write nothing. */
  reconcile(controller: Controller, obj: KubeObject): Result {
    const result = controller.reconcile(keyOf(obj), this.cache, this.now);
    this.apply(result);
    const again = controller.reconcile(keyOf(obj), this.cache, this.now);
    expect(again.actions, `${controller.name} ${keyOf(obj)} not idempotent`).toEqual([]);
    return result;
  }

  eventMessages(reason?: string): string[] {
    return this.events.filter((e) => !reason || e.reason === reason).map((e) => e.message);
  }
}

export interface Round {
  deployment: Controller;
  replicaset: Controller;
  /** Called after every applied result, to check invariants that must hold at every step. */
  check?: () => void;
  ready?: (pod: KubeObject) => boolean;
  /** Seconds of simulated time per round. */
  tick?: number;
}

/** Deployments, then replica sets (oldest first: deletes before creates), then the kubelet, until quiet. */
export function settle(sim: Sim, r: Round, maxRounds = 60): number {
  for (let round = 1; round <= maxRounds; round++) {
    let writes = 0;
    for (const d of sim.list("deployments.apps")) {
      writes += sim.reconcile(r.deployment, d).actions.length;
      r.check?.();
    }
    const created = (o: KubeObject) => `${o.metadata.creationTimestamp}/${o.metadata.name}`;
    const sets = sim.list("replicasets.apps").sort((a, b) => created(a).localeCompare(created(b)));
    for (const rs of sets) {
      writes += sim.reconcile(r.replicaset, rs).actions.length;
      r.check?.();
    }
    writes += sim.kubelet({ ready: r.ready });
    r.check?.();
    sim.advance(r.tick ?? 1);
    if (writes === 0) return round;
  }
  throw new Error(`no convergence in ${maxRounds} rounds`);
}

/** kubectl's DeploymentStatusViewer, to check `kubectl rollout status` would finish. */
export function rolloutStatus(d: KubeObject): { done: boolean; message: string } {
  const s = d.status ?? {};
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { done: false, message: "Waiting for deployment spec update to be observed..." };
  const cond = (s.conditions ?? []).find((c: any) => c.type === "Progressing");
  if (cond?.reason === "ProgressDeadlineExceeded") return { done: false, message: `deployment "${name}" exceeded its progress deadline` };
  const want = d.spec.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const waiting = (what: string) => ({ done: false, message: `Waiting for deployment "${name}" rollout to finish: ${what}...` });
  if (updated < want) return waiting(`${updated} out of ${want} new replicas have been updated`);
  if ((s.replicas ?? 0) > updated) return waiting(`${(s.replicas ?? 0) - updated} old replicas are pending termination`);
  if ((s.availableReplicas ?? 0) < updated) return waiting(`${s.availableReplicas ?? 0} of ${updated} updated replicas are available`);
  return { done: true, message: `deployment "${name}" successfully rolled out` };
}

export function deployment(name: string, spec: Record<string, any> = {}): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "nginx:1.25" }] } },
      ...spec,
    },
  };
}
