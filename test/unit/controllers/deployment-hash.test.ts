import { describe, expect, it } from "vitest";
import { deploymentController } from "../../../src/controllers/deployment";
import { computeHash, equalIgnoreHash, fnv32a, safeEncodeString } from "../../../src/controllers/deployment/hash";
import { fenceposts, intOrPercent } from "../../../src/controllers/deployment/util";
import { replicaSetController } from "../../../src/controllers/replicaset";
import { deployment, settle, Sim } from "./deployment-sim";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("pod-template-hash", () => {
  it("is FNV-32a, printed in decimal and safe-encoded", () => {
    expect(fnv32a(bytes(""))).toBe(0x811c9dc5);
    expect(fnv32a(bytes("a"))).toBe(0xe40c292c);
    expect(fnv32a(bytes("foobar"))).toBe(0xbf9cf968);
    // '0'..'9' are 48..57: index mod 27 into "bcdfghjklmnpqrstvwxz2456789".
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
  });

  it("is stable, label-safe, ignores key order, and moves with the collision count", () => {
    const t = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "a", image: "x" }] } };
    const reordered = { spec: { containers: [{ image: "x", name: "a" }] }, metadata: { labels: { app: "web" } } };
    const h = computeHash(t);
    expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(computeHash(reordered)).toBe(h);
    expect(computeHash(t, 1)).not.toBe(h);
    expect(computeHash(t, 1)).toBe(computeHash(t, 1));
    expect(computeHash({ ...t, spec: { containers: [{ name: "a", image: "y" }] } })).not.toBe(h);
  });

  it("compares templates ignoring the hash label and empty fields", () => {
    const a = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "a" }], volumes: [] } };
    const b = { metadata: { labels: { app: "web", "pod-template-hash": "abc" } }, spec: { containers: [{ name: "a" }] } };
    expect(equalIgnoreHash(a, b)).toBe(true);
    expect(equalIgnoreHash(a, { ...b, spec: { containers: [{ name: "b" }] } })).toBe(false);
  });

  it("bumps collisionCount when the hashed name is taken by another template, then uses a new name", () => {
    const sim = new Sim();
    const d = sim.put("deployments.apps", deployment("web"));
    const name = `web-${computeHash(d.spec.template)}`;
    sim.put("replicasets.apps", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name, namespace: "default", labels: { app: "other" } },
      spec: { replicas: 0, selector: { matchLabels: { app: "other" } }, template: { metadata: { labels: { app: "other" } } } },
    });
    // Like upstream's AlreadyExists path, this pass only records the collision; the next one creates.
    const first = deploymentController.reconcile("default/web", sim.cache, sim.now);
    expect(first.actions.map((a) => a.verb)).toEqual(["update"]);
    sim.apply(first);
    expect(sim.get("deployments.apps", "default/web").status.collisionCount).toBe(1);
    settle(sim, { deployment: deploymentController, replicaset: replicaSetController });
    const ours = sim.list("replicasets.apps").filter((rs) => rs.metadata.ownerReferences);
    expect(ours).toHaveLength(1);
    expect(ours[0].metadata.name).toBe(`web-${computeHash(d.spec.template, 1)}`);
  });
});

describe("fenceposts", () => {
  it("rounds surge up and unavailability down, and never lets both be zero", () => {
    expect(intOrPercent("25%", 3, true)).toBe(1);
    expect(intOrPercent("25%", 3, false)).toBe(0);
    expect(intOrPercent(2, 10, false)).toBe(2);
    const d = (maxSurge: unknown, maxUnavailable: unknown, replicas: number) =>
      deployment("x", { replicas, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge, maxUnavailable } } });
    expect(fenceposts(d("25%", "25%", 3))).toEqual({ surge: 1, unavailable: 0 });
    expect(fenceposts(d("0%", "1%", 2))).toEqual({ surge: 0, unavailable: 1 });
    expect(fenceposts(d(0, 0, 5))).toEqual({ surge: 0, unavailable: 1 });
    expect(fenceposts(d("30%", "30%", 10))).toEqual({ surge: 3, unavailable: 3 });
  });

  it("stays quiet once converged, even as time passes", () => {
    const sim = new Sim();
    sim.put("deployments.apps", deployment("web"));
    settle(sim, { deployment: deploymentController, replicaset: replicaSetController });
    sim.advance(3600);
    expect(deploymentController.reconcile("default/web", sim.cache, sim.now)).toEqual({ actions: [] });
    for (const rs of sim.list("replicasets.apps")) expect(replicaSetController.reconcile(`default/${rs.metadata.name}`, sim.cache, sim.now).actions).toEqual([]);
  });
});
