// Throughput at scale: 10,000 pods (100 ReplicaSets × 100) over 1,000 nodes in 4 zones, one pod
// at a time as the scheduler does. Prints one JSON line per figure; asserts correctness, not speed.

import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { ControlLoop } from "../../../src/controllers/runtime/loop";
import { schedulerController } from "../../../src/scheduler/controller";
import { podInfo } from "../../../src/scheduler/pod-info";
import { schedulePod } from "../../../src/scheduler/schedule";
import { FakeApi } from "./fake-api";
import { makeNode, makePod, snapshotOf } from "./fixtures";

const NODES = 1000;
const SETS = 100;
const REPLICAS = 100;

function cluster(): { nodes: KubeObject[]; pods: KubeObject[] } {
  const nodes = Array.from({ length: NODES }, (_, i) =>
    makeNode(`node-${String(i).padStart(4, "0")}`, { cpu: "16", memory: "64Gi", zone: `zone-${i % 4}`, images: [{ names: [`app-${i % 7}:latest`], sizeBytes: 300 * 1024 * 1024 }] }),
  );
  const pods: KubeObject[] = [];
  for (let s = 0; s < SETS; s++) {
    for (let r = 0; r < REPLICAS; r++) {
      pods.push(makePod(`rs${s}-${r}`, { owner: { kind: "ReplicaSet", uid: `rs-${s}` }, labels: { app: `app-${s}` }, cpu: "100m", memory: "128Mi", image: `app-${s % 7}` }));
    }
  }
  return { nodes, pods };
}

describe("scheduling at scale", () => {
  it("places 10,000 pods on 1,000 nodes, linear in nodes per pod", () => {
    const { nodes, pods } = cluster();
    const snap = snapshotOf(nodes);
    let start = 0;
    let evaluated = 0;
    const placed = new Map<string, string>();
    const t0 = performance.now();
    for (const pod of pods) {
      const r = schedulePod(pod, snap, { startIndex: start });
      if (!("node" in r)) throw new Error(r.unschedulable.message);
      start = (start + r.evaluated) % NODES;
      evaluated += r.evaluated;
      placed.set(pod.metadata.name!, r.node);
      snap.setPod({ ...pod, spec: { ...pod.spec, nodeName: r.node } });
    }
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ figure: "scheduler.schedulePod", pods: pods.length, nodes: NODES, ms: Math.round(ms), podsPerSecond: Math.round((pods.length / ms) * 1000), nodesEvaluatedPerPod: evaluated / pods.length }));

    expect(placed.size).toBe(SETS * REPLICAS);
    // Capacity holds everywhere, and the load is spread (10 pods per node on average).
    for (const info of snap.list()) expect(info.requested.cpu ?? 0).toBeLessThanOrEqual(16_000);
    const perNode = snap.list().map((i) => i.pods.length);
    expect(Math.max(...perNode)).toBeLessThanOrEqual(20);
    // Default spreading keeps a ReplicaSet's replicas off each other's nodes.
    const rs0 = new Set([...placed].filter(([name]) => name.startsWith("rs0-")).map(([, node]) => node));
    expect(rs0.size).toBeGreaterThanOrEqual(95);
    expect(podInfo(pods[0]!).controllerUid).toBe("rs-0");
  }, 120_000);

  it("does the same through the controller and its runtime (bindings fed back into the cache)", async () => {
    const { nodes, pods } = cluster();
    const api = new FakeApi();
    for (const n of nodes) api.put("nodes", n);
    for (const p of pods) api.put("pods", p);
    const loop = new ControlLoop([schedulerController()], api, () => 1_000_000);
    const t0 = performance.now();
    await loop.resync();
    const runs = await loop.drain(60_000);
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ figure: "scheduler.controller", pods: pods.length, nodes: NODES, reconciles: runs, ms: Math.round(ms), podsPerSecond: Math.round((pods.length / ms) * 1000) }));

    const bound = api.store.list("pods").filter((p) => p.spec.nodeName);
    expect(bound.length).toBe(SETS * REPLICAS);
    expect(runs).toBe(SETS * REPLICAS);
    const perNode = new Map<string, number>();
    for (const p of bound) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect(Math.max(...perNode.values())).toBeLessThanOrEqual(20);
  }, 300_000);
});
