import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { nodeIpamController } from "../../../src/controllers/node-ipam";
import { FakeCluster } from "./fake-cluster";

const node = (name: string, podCIDR?: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name },
  spec: podCIDR ? { podCIDR, podCIDRs: [podCIDR] } : {},
});

const cidrOf = (c: FakeCluster, name: string) => c.obj("nodes", undefined, name)?.spec?.podCIDR;

describe("node IPAM", () => {
  it("gives each node the lowest free /24 of 10.244.0.0/16, skipping blocks in use", () => {
    const c = new FakeCluster();
    const ctl = nodeIpamController();
    c.add("nodes", node("n0", "10.244.0.0/24"));
    c.add("nodes", node("n1"));
    const actions = ctl.reconcile("n1", c.store, c.now).actions;
    expect(actions).toEqual([{ verb: "patch", resource: "nodes", name: "n1", patchType: "merge", patch: { spec: { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"] } } }]);
    c.applyAll(actions);
    expect(ctl.reconcile("n1", c.store, c.now).actions).toEqual([]);
    c.add("nodes", node("n2"));
    c.applyAll(ctl.reconcile("n2", c.store, c.now).actions);
    expect(cidrOf(c, "n2")).toBe("10.244.2.0/24");
    // A larger foreign block counts as in use too.
    c.add("nodes", node("big", "10.244.4.0/23"));
    c.add("nodes", node("n3"));
    c.add("nodes", node("n4"));
    c.applyAll(ctl.reconcile("n3", c.store, c.now).actions);
    c.applyAll(ctl.reconcile("n4", c.store, c.now).actions);
    expect([cidrOf(c, "n3"), cidrOf(c, "n4")]).toEqual(["10.244.3.0/24", "10.244.6.0/24"]);
  });

  it("reports exhaustion once, and hands a deleted node's block to a waiting one", async () => {
    const c = new FakeCluster();
    const ctl = nodeIpamController({ clusterCIDR: "10.8.0.0/23", nodeCIDRMaskSize: 24 });
    c.add("nodes", node("a"));
    c.add("nodes", node("b"));
    c.add("nodes", node("c"));
    await c.start([ctl]);
    const assigned = ["a", "b", "c"].map((n) => cidrOf(c, n));
    expect(assigned.filter(Boolean).sort()).toEqual(["10.8.0.0/24", "10.8.1.0/24"]);
    const events = c.log.filter((a) => a.verb === "create" && a.resource === "events");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ object: { reason: "CIDRNotAvailable", message: "Node c status is now: CIDRNotAvailable", involvedObject: { kind: "Node", name: "c" } } });
    // Another status update of the waiting node: no second event.
    c.add("nodes", { ...c.obj("nodes", undefined, "c")!, status: { phase: "Running" } });
    await c.settle();
    expect(c.log.filter((a) => a.resource === "events")).toHaveLength(1);
    c.remove("nodes", undefined, "a");
    await c.settle();
    expect(cidrOf(c, "c")).toBe("10.8.0.0/24");
  });

  it("rejects a node mask that does not fit the cluster CIDR", () => {
    expect(() => nodeIpamController({ clusterCIDR: "10.244.0.0/16", nodeCIDRMaskSize: 8 })).toThrow();
  });
});
