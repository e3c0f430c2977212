import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { FOREGROUND, garbageCollector, gcKey } from "../../../src/controllers/garbage-collector";
import { builtinResourceNames, kindResolver } from "../../../src/controllers/owner-kinds";
import { FakeCluster, ownerRef, pod } from "./fake-cluster";

const RESOURCES = ["deployments.apps", "replicasets.apps", "pods", "nodes", "configmaps", "widgets.example.com"];

function workload(c: FakeCluster) {
  const deploy = c.add("deployments.apps", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: {} });
  const rs = c.add("replicasets.apps", {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-1", namespace: "default", ownerReferences: [ownerRef(deploy)] },
    spec: {},
  });
  const pods = ["web-1-a", "web-1-b"].map((n) => c.add("pods", pod(n, { owner: rs, node: "n1", ip: "10.244.0.1" })));
  return { deploy, rs, pods };
}

const gc = (opts: Partial<Parameters<typeof garbageCollector>[0]> = {}) => garbageCollector({ resources: RESOURCES, ownerGraceMs: 0, ...opts });
const deletes = (c: FakeCluster) => c.log.filter((a) => a.verb === "delete");

describe("garbage collector", () => {
  it("leaves owned objects alone while their owners exist", async () => {
    const c = new FakeCluster();
    workload(c);
    await c.start([gc()]);
    expect(c.log).toEqual([]);
  });

  it("background: deleting the Deployment collects its ReplicaSet, then its pods", async () => {
    const c = new FakeCluster();
    const { rs, pods } = workload(c);
    await c.start([gc()]);
    c.remove("deployments.apps", "default", "web");
    await c.settle();
    expect(c.obj("replicasets.apps", "default", "web-1")).toBeUndefined();
    expect(deletes(c)[0]).toEqual({
      verb: "delete",
      resource: "replicasets.apps",
      namespace: "default",
      name: "web-1",
      preconditions: { uid: rs.metadata.uid },
      propagationPolicy: "Background",
    });
    // Pods bound to a node linger in their grace period until the kubelet finishes them.
    for (const p of pods) expect(c.obj("pods", "default", p.metadata.name!)?.metadata.deletionTimestamp).toBeDefined();
    const writes = c.log.length;
    await c.advance(60_000);
    expect(c.log.length).toBe(writes);
  });

  it("foreground: dependents go first, then each owner's finalizer", async () => {
    const c = new FakeCluster();
    const { deploy } = workload(c);
    await c.start([gc()]);
    c.apply({ verb: "delete", resource: "deployments.apps", namespace: "default", name: "web", propagationPolicy: "Foreground" });
    await c.settle();
    expect(c.obj("deployments.apps", "default", "web")?.metadata.finalizers).toEqual([FOREGROUND]);
    // The ReplicaSet has dependents of its own, so it is deleted in the foreground too.
    expect(c.obj("replicasets.apps", "default", "web-1")?.metadata.finalizers).toEqual([FOREGROUND]);
    expect(deletes(c).map((d) => [d.resource, d.propagationPolicy])).toEqual([
      ["replicasets.apps", "Foreground"],
      ["pods", "Background"],
      ["pods", "Background"],
    ]);
    c.remove("pods", "default", "web-1-a");
    await c.settle();
    expect(c.obj("replicasets.apps", "default", "web-1")).toBeDefined();
    c.remove("pods", "default", "web-1-b");
    await c.settle();
    expect(c.obj("replicasets.apps", "default", "web-1")).toBeUndefined();
    expect(c.obj("deployments.apps", "default", "web")).toBeUndefined();
    const patches = c.log.filter((a) => a.verb === "patch");
    expect(patches).toHaveLength(2);
    expect(patches[1]).toMatchObject({ resource: "deployments.apps", patchType: "merge", patch: { metadata: { finalizers: null } } });
    expect((patches[1] as any).patch.metadata.resourceVersion).toBeDefined();
    expect(deploy.metadata.uid).toBeDefined();
  });

  it("foreground: dependents that do not block owner deletion do not hold the owner", async () => {
    const c = new FakeCluster();
    const cm = c.add("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "owner", namespace: "default" } });
    c.add("pods", pod("loose", { node: "n1", extra: { metadata: { ownerReferences: [ownerRef(cm, false)] } } }));
    await c.start([gc()]);
    c.apply({ verb: "delete", resource: "configmaps", namespace: "default", name: "owner", propagationPolicy: "Foreground" });
    await c.settle();
    expect(c.obj("configmaps", "default", "owner")).toBeUndefined();
    expect(c.obj("pods", "default", "loose")?.metadata.deletionTimestamp).toBeDefined();
  });

  it("orphan: dependents lose their ownerReference, then the owner goes", async () => {
    const c = new FakeCluster();
    workload(c);
    await c.start([gc()]);
    c.apply({ verb: "delete", resource: "replicasets.apps", namespace: "default", name: "web-1", propagationPolicy: "Orphan" });
    await c.settle();
    expect(c.obj("pods", "default", "web-1-a")?.metadata.ownerReferences).toBeUndefined();
    expect(c.obj("replicasets.apps", "default", "web-1")?.metadata.finalizers).toEqual(["orphan"]);
    await c.advance(1_000);
    expect(c.obj("replicasets.apps", "default", "web-1")).toBeUndefined();
    expect(c.obj("pods", "default", "web-1-a")?.metadata.deletionTimestamp).toBeUndefined();
    expect(c.obj("pods", "default", "web-1-b")).toBeDefined();
    expect(deletes(c)).toEqual([]);
  });

  it("drops only the dangling reference of an object that still has a live owner", () => {
    const c = new FakeCluster();
    const live = c.add("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "live", namespace: "default" } });
    const gone = { apiVersion: "v1", kind: "ConfigMap", name: "gone", uid: "uid-gone" };
    const p = c.add("pods", pod("p", { extra: { metadata: { ownerReferences: [ownerRef(live), gone] } } }));
    const ctl = gc();
    const actions = ctl.reconcile(gcKey("pods", p), c.store, c.now).actions;
    expect(actions).toEqual([
      {
        verb: "patch",
        resource: "pods",
        namespace: "default",
        name: "p",
        patchType: "merge",
        patch: { metadata: { ownerReferences: [ownerRef(live)], resourceVersion: p.metadata.resourceVersion } },
      },
    ]);
    c.applyAll(actions);
    expect(ctl.reconcile(gcKey("pods", p), c.store, c.now).actions).toEqual([]);
  });

  it("waits out the grace period before trusting an owner's absence, and never guesses unknown kinds", () => {
    const c = new FakeCluster();
    const young = c.add("pods", pod("young", { extra: { metadata: { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "uid-rs" }] } } }));
    const ctl = garbageCollector({ resources: RESOURCES });
    expect(ctl.reconcile(gcKey("pods", young), c.store, c.now)).toEqual({ actions: [], requeueAfter: 10_000 });
    const later = new Date(c.now.getTime() + 10_000);
    expect(ctl.reconcile(gcKey("pods", young), c.store, later).actions.map((a) => a.verb)).toEqual(["delete"]);
    const odd = c.add("pods", pod("odd", { extra: { metadata: { ownerReferences: [{ apiVersion: "example.com/v1", kind: "Gadget", name: "g", uid: "uid-g" }] } } }));
    expect(ctl.reconcile(gcKey("pods", odd), c.store, later).actions).toEqual([]);
  });

  it("resolves custom resources through the runtime's fallback, and cluster-scoped owners", () => {
    const c = new FakeCluster();
    const resolve = kindResolver((apiVersion, kind) => (kind === "Widget" ? { resource: "widgets.example.com", namespaced: true } : undefined));
    const ctl = gc({ resolve });
    const widget = c.add("widgets.example.com", { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w", namespace: "default" } });
    const cm = c.add("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default", ownerReferences: [ownerRef(widget)] } });
    expect(ctl.reconcile(gcKey("configmaps", cm), c.store, c.now).actions).toEqual([]);
    c.remove("widgets.example.com", "default", "w");
    expect(ctl.reconcile(gcKey("configmaps", cm), c.store, c.now).actions.map((a) => a.verb)).toEqual(["delete"]);
    const n = c.add("nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "n1" } });
    const mirror = c.add("pods", pod("mirror", { extra: { metadata: { ownerReferences: [ownerRef(n)] } } }));
    expect(ctl.reconcile(gcKey("pods", mirror), c.store, c.now).actions).toEqual([]);
    expect(builtinResourceNames({ namespaced: false })).toContain("nodes");
    expect(builtinResourceNames({ namespaced: true })).toEqual(expect.arrayContaining(["pods", "deployments.apps", "endpointslices.discovery.k8s.io"]));
  });
});
