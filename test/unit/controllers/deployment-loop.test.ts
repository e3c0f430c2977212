// The controllers inside the real control-loop runtime: only watch mappings (no resyncs) carry a
// rollout from a deployment edit to running pods, as in the ControllerManager Durable Object.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { deploymentController } from "../../../src/controllers/deployment";
import { replicaSetController, replicationControllerController } from "../../../src/controllers/replicaset";
import { ControlLoop, type Executor } from "../../../src/controllers/runtime/loop";
import { deployment, rolloutStatus, Sim } from "./deployment-sim";

function harness() {
  const sim = new Sim();
  const executor: Executor = {
    run: async (a) => structuredClone(sim.run(a)),
    get: async (r, ns, name) => structuredClone(sim.cache.get(r, ns, name)),
    // This simulator's list is always current.
    list: async (r) => ({ items: structuredClone(sim.cache.list(r)), resourceVersion: String(Number.MAX_SAFE_INTEGER) }),
  };
  const loop = new ControlLoop([deploymentController, replicaSetController, replicationControllerController], executor, () => sim.now.getTime());
  /** What the store's change notifications would tell the loop about pods the kubelet touched. */
  const notifyPods = () => {
    const seen = new Map(loop.cache.list("pods").map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
    for (const p of sim.list("pods")) {
      const key = `${p.metadata.namespace}/${p.metadata.name}`;
      const old = seen.get(key);
      seen.delete(key);
      if (old?.metadata.resourceVersion !== p.metadata.resourceVersion) loop.observe("pods", old ? "MODIFIED" : "ADDED", structuredClone(p));
    }
    for (const gone of seen.values()) loop.observe("pods", "DELETED", gone);
  };
  const run = async (until: () => boolean) => {
    for (let i = 0; i < 100; i++) {
      await loop.drain(10_000);
      sim.kubelet();
      notifyPods();
      sim.advance(1);
      // Done when the goal holds and nothing is due; later wake-ups (deadline checks) may remain.
      if (until() && (loop.nextWake() ?? Infinity) > sim.now.getTime()) return i;
    }
    throw new Error("did not finish");
  };
  const edit = (change: (d: KubeObject) => void) => {
    sim.edit("deployments.apps", "default/web", change);
    loop.observe("deployments.apps", "MODIFIED", structuredClone(sim.get("deployments.apps", "default/web")));
  };
  return { sim, loop, run, edit };
}

describe("deployment and replica set controllers in the control loop", () => {
  it("rolls out, scales and rolls out again driven only by watch events", async () => {
    const { sim, loop, run, edit } = harness();
    sim.put("deployments.apps", deployment("web"));
    await loop.resync();
    const done = () => rolloutStatus(sim.get("deployments.apps", "default/web")).done;
    await run(done);
    expect(sim.list("pods")).toHaveLength(3);

    edit((d) => (d.spec.replicas = 5));
    await run(() => done() && sim.list("pods").length === 5);

    edit((d) => (d.spec.template.spec.containers[0].image = "nginx:1.27"));
    await run(() => done() && sim.list("pods").every((p) => p.spec.containers[0].image === "nginx:1.27"));
    expect(sim.list("pods")).toHaveLength(5);
    expect(sim.list("replicasets.apps").map((rs) => rs.spec.replicas).sort()).toEqual([0, 5]);
    expect(sim.conflicts).toBe(0);
  });

  it("a Recreate rollout waits for old pods to disappear, woken by their deletion", async () => {
    const { sim, loop, run, edit } = harness();
    sim.put("deployments.apps", deployment("web", { strategy: { type: "Recreate" } }));
    await loop.resync();
    const done = () => rolloutStatus(sim.get("deployments.apps", "default/web")).done;
    await run(done);
    edit((d) => (d.spec.template.spec.containers[0].image = "v2"));
    await run(() => done() && sim.list("pods").every((p) => p.spec.containers[0].image === "v2"));
    expect(sim.list("pods")).toHaveLength(3);
  });
});
