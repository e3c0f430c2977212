import { describe, expect, it } from "vitest";
import { balancedAllocation, balancedScore } from "../../../src/scheduler/plugins/balanced-allocation";
import { leastAllocatedScore } from "../../../src/scheduler/plugins/least-allocated";
import { nodeResourcesFit } from "../../../src/scheduler/plugins/node-resources-fit";
import { nonZeroDefaults, podRequests } from "../../../src/scheduler/resources";
import { filterAll, makeNode, makePod, nodeInfo, podInfo, scoreAll } from "./fixtures";

const Gi = 1024 ** 3;
const Mi = 1024 ** 2;
const container = (cpu: string, memory: string, extra: object = {}) => ({ name: "x", resources: { requests: { cpu, memory } }, ...extra });

describe("pod requests", () => {
  it("sums containers, takes the largest init container, adds sidecars and overhead", () => {
    // Upstream's example: init 2/1G and 2/3G, containers 2/1G + 1/1G → cpu 3, memory 3G.
    const spec = {
      initContainers: [container("2", "1G"), container("2", "3G")],
      containers: [container("2", "1G"), container("1", "1G")],
    };
    expect(podRequests(spec)).toEqual({ cpu: 3000, memory: 3e9 });
    // A sidecar keeps running: it adds to the sum and to every later init container.
    const sidecar = { initContainers: [container("500m", "100M", { restartPolicy: "Always" }), container("3", "1G")], containers: [container("1", "1G")] };
    expect(podRequests(sidecar)).toEqual({ cpu: 3500, memory: 1.1e9 });
    expect(podRequests({ containers: [container("1", "1Gi")], overhead: { cpu: "250m", memory: "120Mi" } })).toEqual({ cpu: 1250, memory: Gi + 120 * Mi });
  });

  it("fills missing (not zero) cpu/memory requests with 100m/200Mi for spreading", () => {
    expect(podRequests({ containers: [{ name: "a" }, { name: "b", resources: { requests: { cpu: "0" } } }] }, nonZeroDefaults)).toEqual({
      cpu: 100,
      memory: 400 * Mi,
    });
    const pi = podInfo(makePod("p"));
    expect([pi.nonZeroCpu, pi.nonZeroMemory, pi.requests]).toEqual([100, 200 * Mi, {}]);
  });

  it("rounds fractional quantities up", () => {
    expect(podRequests({ containers: [container("0.0001", "1.5")] })).toEqual({ cpu: 1, memory: 2 });
  });
});

describe("NodeResourcesFit filter", () => {
  const node = makeNode("n", { cpu: "10", memory: "20Gi", pods: 3, extra: { "example.com/gpu": "1" } });
  const full = makePod("full", { node: "n", cpu: "10", memory: "20Gi" });
  const why = (pod: ReturnType<typeof makePod>, existing: ReturnType<typeof makePod>[] = []) => filterAll(nodeResourcesFit, pod, [node], existing).n?.reasons;

  it("always fits a pod that requests nothing, even on a full node", () => {
    expect(why(makePod("p"), [full])).toBeUndefined();
  });

  it("lists every insufficient resource", () => {
    expect(why(makePod("p", { cpu: "1", memory: "1Gi" }), [full])).toEqual(["Insufficient cpu", "Insufficient memory"]);
    expect(why(makePod("p", { cpu: "1" }), [makePod("half", { node: "n", cpu: "9", memory: "20Gi" })])).toBeUndefined();
    expect(why(makePod("p", { requests: { "example.com/gpu": "2" } }))).toEqual(["Insufficient example.com/gpu"]);
    expect(why(makePod("p", { requests: { "example.com/other": "1" } }))).toEqual(["Insufficient example.com/other"]);
  });

  it("counts init containers and overhead", () => {
    const existing = [makePod("e", { node: "n", cpu: "8", memory: "19Gi" })];
    expect(why(makePod("p", { cpu: "1", memory: "1Gi", initContainers: [container("3", "1Gi")] }), existing)).toEqual(["Insufficient cpu"]);
    expect(why(makePod("p", { cpu: "1", memory: "1Gi", spec: { overhead: { cpu: "1500m" } } }), existing)).toEqual(["Insufficient cpu"]);
  });

  it("rejects a node at its pod limit", () => {
    const three = ["a", "b", "c"].map((n) => makePod(n, { node: "n" }));
    expect(why(makePod("p"), three)).toEqual(["Too many pods"]);
    expect(filterAll(nodeResourcesFit, makePod("p"), [node], three).n?.code).toBe("Unschedulable");
  });
});

describe("LeastAllocated (NodeResourcesFit score)", () => {
  it("scores the free share of cpu and memory after placement, averaged", () => {
    const node = makeNode("n", { cpu: "4", memory: "10Gi" });
    const existing = makePod("e", { node: "n", cpu: "1", memory: "3Gi" });
    // cpu 2/4 used → 50, memory 5/10 → 50.
    expect(leastAllocatedScore(podInfo(makePod("p", { cpu: "1", memory: "2Gi" })), nodeInfo(node, [existing]))).toBe(50);
    // cpu 1/4 → 75, memory 2/10 → 80: (75 + 80) / 2 = 77.
    expect(leastAllocatedScore(podInfo(makePod("p", { cpu: "1", memory: "2Gi" })), nodeInfo(node))).toBe(77);
  });

  it("counts zero-request pods with the non-zero defaults, so they spread", () => {
    const node = makeNode("n", { cpu: "1", memory: "1000Mi" });
    const busy = nodeInfo(node, [makePod("e", { node: "n" })]);
    // Empty: cpu 900/1000 → 90, memory 800/1000 → 80 → 85. With one default pod: 80, 60 → 70.
    expect(leastAllocatedScore(podInfo(makePod("p")), nodeInfo(node))).toBe(85);
    expect(leastAllocatedScore(podInfo(makePod("p")), busy)).toBe(70);
    // Over capacity scores 0 rather than negative.
    expect(leastAllocatedScore(podInfo(makePod("p", { cpu: "2", memory: "2000Mi" })), nodeInfo(node))).toBe(0);
  });
});

describe("BalancedAllocation", () => {
  it("is 100 minus the std of the cpu and memory fractions", () => {
    const nodes = [makeNode("a", { cpu: "4", memory: "8Gi" })];
    const existing = [makePod("e", { node: "a", cpu: "1", memory: "1Gi" })];
    expect(scoreAll(balancedAllocation, makePod("p", { cpu: "1", memory: "3Gi" }), nodes, existing)).toEqual({ a: 100 });
    expect(scoreAll(balancedAllocation, makePod("p", { cpu: "2", memory: "1Gi" }), nodes, existing)).toEqual({ a: 75 });
    expect(balancedScore([3, 1, 2], [4, 4, 4])).toBe(79);
  });

  it("skips best-effort pods", () => {
    expect(scoreAll(balancedAllocation, makePod("p"), [makeNode("a")])).toBe("skip");
  });
});
