import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { serviceAccountController } from "../../../src/controllers/serviceaccount";
import { FakeCluster } from "./fake-cluster";

const ns = (name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Namespace",
  metadata: { name },
  status: { phase: "Active" },
  ...extra,
});

describe("serviceaccount controller", () => {
  const ctl = serviceAccountController();

  it("creates a default ServiceAccount in an Active namespace, once", () => {
    const c = new FakeCluster();
    c.add("namespaces", ns("team"));
    const actions = ctl.reconcile("team", c.store, c.now).actions;
    expect(actions).toEqual([
      { verb: "create", resource: "serviceaccounts", namespace: "team", object: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "team" } } },
    ]);
    c.applyAll(actions);
    expect(ctl.reconcile("team", c.store, c.now).actions).toEqual([]);
  });

  it("does nothing for terminating or missing namespaces", () => {
    const c = new FakeCluster();
    c.add("namespaces", ns("gone", { metadata: { name: "gone", deletionTimestamp: "2024-05-01T12:00:00Z" }, status: { phase: "Terminating" } }));
    expect(ctl.reconcile("gone", c.store, c.now).actions).toEqual([]);
    expect(ctl.reconcile("missing", c.store, c.now).actions).toEqual([]);
  });

  it("brings a deleted default account back through the runtime", async () => {
    const c = new FakeCluster();
    c.add("namespaces", ns("team"));
    await c.start([ctl]);
    expect(c.obj("serviceaccounts", "team", "default")).toBeDefined();
    c.remove("serviceaccounts", "team", "default");
    await c.settle();
    expect(c.obj("serviceaccounts", "team", "default")).toBeDefined();
    // Other accounts do not wake it.
    const watch = ctl.watches.find((w) => w.resource === "serviceaccounts")!;
    expect(watch.keys({ metadata: { name: "builder", namespace: "team" } }, c.store)).toEqual([]);
  });
});
