import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { namespaceController } from "../../../src/controllers/namespace";
import { FakeCluster, pod } from "./fake-cluster";

const RESOURCES = ["pods", "configmaps", "deployments.apps"];

function setup() {
  const c = new FakeCluster();
  c.add("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team" }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  c.add("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "other" }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  c.add("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "team" } });
  c.add("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "held", namespace: "team", finalizers: ["example.com/hold"] } });
  c.add("configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "keep", namespace: "other" } });
  c.add("pods", pod("web", { ns: "team", node: "n1" }));
  c.add("deployments.apps", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", namespace: "team" } });
  return c;
}

const conditions = (c: FakeCluster) => Object.fromEntries((c.obj("namespaces", undefined, "team")?.status?.conditions ?? []).map((x: any) => [x.type, x]));

describe("namespace controller", () => {
  it("does nothing for a namespace that is not being deleted", () => {
    const c = setup();
    expect(namespaceController({ resources: RESOURCES }).reconcile("team", c.store, c.now)).toEqual({ actions: [] });
  });

  it("empties a terminating namespace, reports what lingers, then finalizes it", async () => {
    const c = setup();
    await c.start([namespaceController({ resources: RESOURCES })]);
    c.apply({ verb: "delete", resource: "namespaces", name: "team" });
    await c.settle();
    const deletes = c.log.filter((a) => a.verb === "delete");
    expect(deletes.map((d) => (d.verb === "delete" ? `${d.resource}/${d.name}` : "")).sort()).toEqual([
      "configmaps/cfg",
      "configmaps/held",
      "deployments.apps/d",
      "pods/web",
    ]);
    expect(deletes.every((d) => d.verb === "delete" && d.propagationPolicy === "Background" && d.preconditions?.uid)).toBe(true);
    // The pod is in its grace period and a finalizer holds one ConfigMap.
    await c.advance(5_000);
    const cond = conditions(c);
    expect(Object.keys(cond)).toHaveLength(5);
    expect(cond.NamespaceContentRemaining).toMatchObject({
      status: "True",
      reason: "SomeResourcesRemain",
      message: "Some resources are remaining: configmaps. has 1 resource instances, pods. has 1 resource instances",
    });
    expect(cond.NamespaceFinalizersRemaining).toMatchObject({
      status: "True",
      reason: "SomeFinalizerRemain",
      message: "Some finalizers are remaining: example.com/hold in 1 resource instances",
    });
    expect(cond.NamespaceDeletionDiscoveryFailure).toMatchObject({ status: "False", reason: "ResourcesDiscovered" });
    // Nothing changed: no new status write, just rechecks.
    const writes = c.log.length;
    await c.advance(5_000);
    expect(c.log.length).toBe(writes);

    c.remove("pods", "team", "web");
    await c.settle();
    expect(conditions(c).NamespaceContentRemaining.message).toBe("Some resources are remaining: configmaps. has 1 resource instances");
    c.apply({ verb: "patch", resource: "configmaps", namespace: "team", name: "held", patchType: "merge", patch: { metadata: { finalizers: null } } });
    await c.settle();
    const last = c.log[c.log.length - 1]!;
    expect(last).toMatchObject({ verb: "update", resource: "namespaces", subresource: "finalize" });
    expect(last.verb === "update" && last.object.spec.finalizers).toEqual([]);
    expect(c.obj("namespaces", undefined, "team")).toBeUndefined();
    expect(c.obj("configmaps", "other", "keep")).toBeDefined();
  });

  it("finalizes an empty terminating namespace at once, and leaves other finalizers to their owners", () => {
    const c = new FakeCluster();
    const ns: KubeObject = {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "empty", deletionTimestamp: "2024-05-01T12:00:00Z", resourceVersion: "1" },
      spec: { finalizers: ["kubernetes", "example.com/x"] },
      status: { phase: "Terminating" },
    };
    c.add("namespaces", ns);
    const ctl = namespaceController({ resources: RESOURCES });
    const [finalize] = ctl.reconcile("empty", c.store, c.now).actions;
    expect(finalize).toMatchObject({ verb: "update", subresource: "finalize", object: { spec: { finalizers: ["example.com/x"] } } });
    c.applyAll([finalize!]);
    expect(ctl.reconcile("empty", c.store, c.now).actions).toEqual([]);
    expect(c.obj("namespaces", undefined, "empty")?.spec.finalizers).toEqual(["example.com/x"]);
  });
});
