// A stand-in API for controller tests: it applies Actions to an in-memory store with the server's
// deletion semantics (finalizers, pod grace periods, namespace spec finalizers, preconditions,
// resourceVersion conflicts) and can drive the real ControlLoop, notifying it like the store does.
import { StatusError } from "../../../src/api/errors";
import type { KubeObject } from "../../../src/api/object";
import { mergePatch } from "../../../src/api/patch/merge";
import { MemoryCache } from "../../../src/controllers/memory-cache";
import { ControlLoop, type ChangeType, type Executor } from "../../../src/controllers/runtime/loop";
import type { Action, Controller, Resource } from "../../../src/controllers/types";

export const T0 = new Date("2024-05-01T12:00:00Z");
const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

export class FakeCluster implements Executor {
  readonly store = new MemoryCache();
  readonly log: Action[] = [];
  loop?: ControlLoop;
  now = T0;
  /** Store notifications of controller writes, delivered after the write's answer, as over RPC. */
  private pending: [Resource, ChangeType, KubeObject][] = [];
  private deferring = false;
  private rv = 100;
  private seq = 0;

  /** Stores an object as the API server would have created it. */
  add(resource: Resource, obj: KubeObject): KubeObject {
    const o = structuredClone(obj);
    o.metadata.uid ??= `uid-${o.metadata.name}-${++this.seq}`;
    o.metadata.creationTimestamp ??= stamp(this.now);
    o.metadata.resourceVersion = String(++this.rv);
    this.store.put(resource, o);
    this.notify(resource, "ADDED", o);
    return o;
  }

  private notify(resource: Resource, type: ChangeType, obj: KubeObject): void {
    if (this.deferring) this.pending.push([resource, type, obj]);
    else this.loop?.observe(resource, type, obj);
  }

  private flush(): void {
    for (const [resource, type, obj] of this.pending.splice(0)) this.loop?.observe(resource, type, obj);
  }

  get(resource: Resource, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    return Promise.resolve(this.store.get(resource, namespace, name));
  }

  list(resource: Resource): Promise<{ items: KubeObject[]; resourceVersion: string }> {
    return Promise.resolve({ items: this.store.list(resource), resourceVersion: String(this.rv) });
  }

  obj(resource: Resource, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(resource, namespace, name);
  }

  /** Removes an object for good (a kubelet finishing a pod, an external delete). */
  remove(resource: Resource, namespace: string | undefined, name: string): void {
    const old = this.store.get(resource, namespace, name);
    if (!old) return;
    this.store.remove(resource, namespace, name);
    this.notify(resource, "DELETED", old);
  }

  private write(resource: Resource, next: KubeObject, type: ChangeType = "MODIFIED"): KubeObject {
    next.metadata.resourceVersion = String(++this.rv);
    const ns = next.metadata.namespace;
    // Finalizers, a namespace's spec finalizers, or a pod's grace period keep a deleted object around.
    const held = next.metadata.finalizers?.length || (next.kind === "Namespace" && next.spec?.finalizers?.length) || next.metadata.deletionGracePeriodSeconds;
    if (next.metadata.deletionTimestamp && !held) {
      this.store.remove(resource, ns, next.metadata.name!);
      this.notify(resource, "DELETED", next);
      return next;
    }
    this.store.put(resource, next);
    this.notify(resource, type, next);
    return next;
  }

  private current(resource: Resource, namespace: string | undefined, name: string): KubeObject {
    const cur = this.store.get(resource, namespace, name);
    if (!cur) throw new StatusError(404, "NotFound", `${resource} "${name}" not found`);
    return structuredClone(cur);
  }

  async run(action: Action): Promise<KubeObject | undefined> {
    this.flush();
    this.log.push(action);
    this.deferring = true;
    try {
      return this.apply(action);
    } finally {
      this.deferring = false;
    }
  }

  apply(action: Action): KubeObject | undefined {
    switch (action.verb) {
      case "create": {
        const o = structuredClone(action.object);
        o.metadata.namespace ??= action.namespace;
        if (!o.metadata.name && o.metadata.generateName) o.metadata.name = `${o.metadata.generateName}x${++this.seq}`;
        if (this.store.get(action.resource, o.metadata.namespace, o.metadata.name!)) throw new StatusError(409, "AlreadyExists", "exists");
        o.metadata.uid = `uid-${o.metadata.name}-${++this.seq}`;
        o.metadata.creationTimestamp = stamp(this.now);
        return this.write(action.resource, o, "ADDED");
      }
      case "update": {
        const { namespace, name, resourceVersion } = action.object.metadata;
        const cur = this.current(action.resource, namespace, name!);
        if (resourceVersion && resourceVersion !== cur.metadata.resourceVersion) throw new StatusError(409, "Conflict", "conflict");
        const sub = action.subresource as string | undefined;
        const next = sub === "status" ? { ...cur, status: action.object.status } : sub === "finalize" ? { ...cur, spec: action.object.spec } : structuredClone(action.object);
        return this.write(action.resource, next);
      }
      case "patch": {
        const cur = this.current(action.resource, action.namespace, action.name);
        const patch = structuredClone(action.patch) as any;
        const pinned = patch?.metadata?.resourceVersion;
        if (pinned && pinned !== cur.metadata.resourceVersion) throw new StatusError(409, "Conflict", "conflict");
        // Enough strategic merge for tests: status.conditions merge by type.
        const conditions = action.patchType === "strategic" ? patch?.status?.conditions : undefined;
        if (conditions) delete patch.status.conditions;
        const next = mergePatch(cur, patch) as KubeObject;
        if (conditions) {
          const list = [...(next.status?.conditions ?? [])].filter((c: any) => !conditions.some((n: any) => n.type === c.type));
          next.status = { ...next.status, conditions: [...list, ...conditions] };
        }
        return this.write(action.resource, next);
      }
      case "delete": {
        const cur = this.current(action.resource, action.namespace, action.name);
        if (action.preconditions?.uid && action.preconditions.uid !== cur.metadata.uid) throw new StatusError(409, "Conflict", "uid precondition");
        if (cur.metadata.deletionTimestamp && action.gracePeriodSeconds !== 0) return cur;
        const finalizers = new Set(cur.metadata.finalizers ?? []);
        if (action.propagationPolicy === "Foreground") finalizers.add("foregroundDeletion");
        if (action.propagationPolicy === "Orphan") finalizers.add("orphan");
        const phase = cur.status?.phase;
        const graceful = cur.kind === "Pod" && cur.spec?.nodeName && phase !== "Succeeded" && phase !== "Failed" && action.gracePeriodSeconds !== 0;
        if (finalizers.size || graceful || (cur.kind === "Namespace" && cur.spec?.finalizers?.length)) {
          if (finalizers.size) cur.metadata.finalizers = [...finalizers];
          cur.metadata.deletionTimestamp ??= stamp(this.now);
          if (graceful) cur.metadata.deletionGracePeriodSeconds = 30;
          if (cur.kind === "Namespace") cur.status = { ...cur.status, phase: "Terminating" };
          return this.write(action.resource, cur);
        }
        this.store.remove(action.resource, action.namespace, action.name);
        this.notify(action.resource, "DELETED", cur);
        return undefined;
      }
    }
  }

  /** Applies a result's actions, as the runtime does, ignoring 404/409 like it. */
  applyAll(actions: Action[]): void {
    for (const a of actions) {
      try {
        this.apply(a);
      } catch (e) {
        if (!(e instanceof StatusError && (e.code === 404 || e.code === 409))) throw e;
      }
    }
  }

  /** Runs the real control loop over these controllers until nothing is due at `now`. */
  async start(controllers: Controller[]): Promise<ControlLoop> {
    this.loop = new ControlLoop(controllers, this, () => this.now.getTime());
    await this.loop.resync();
    await this.settle();
    return this.loop;
  }

  async settle(): Promise<void> {
    do {
      this.flush();
      await this.loop!.drain(60_000);
    } while (this.pending.length);
  }

  /** Moves the clock and runs what became due. */
  async advance(ms: number): Promise<void> {
    this.now = new Date(this.now.getTime() + ms);
    await this.settle();
  }
}

export function pod(name: string, opts: { ns?: string; labels?: Record<string, string>; ip?: string; ready?: boolean; node?: string; ports?: any[]; owner?: KubeObject; extra?: any } = {}): KubeObject {
  const p: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: opts.ns ?? "default", labels: opts.labels ?? { app: "web" } },
    spec: { containers: [{ name: "c", image: "nginx", ports: opts.ports ?? [] }], ...(opts.node ? { nodeName: opts.node } : {}) },
    status: { phase: "Running", conditions: [{ type: "Ready", status: opts.ready === false ? "False" : "True" }] },
  };
  if (opts.ip) Object.assign(p.status, { podIP: opts.ip, podIPs: [{ ip: opts.ip }] });
  if (opts.owner) p.metadata.ownerReferences = [ownerRef(opts.owner)];
  return opts.extra ? mergePatch(p, opts.extra) as KubeObject : p;
}

export function ownerRef(owner: KubeObject, block = true) {
  return { apiVersion: owner.apiVersion!, kind: owner.kind!, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: block };
}
