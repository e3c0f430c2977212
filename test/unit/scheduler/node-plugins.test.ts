import { describe, expect, it } from "vitest";
import { nodeAffinity } from "../../../src/scheduler/plugins/node-affinity";
import { nodeName } from "../../../src/scheduler/plugins/node-name";
import { nodePorts } from "../../../src/scheduler/plugins/node-ports";
import { nodeUnschedulable } from "../../../src/scheduler/plugins/node-unschedulable";
import { taintToleration } from "../../../src/scheduler/plugins/taint-toleration";
import { filterAll, makeNode, makePod, scoreAll } from "./fixtures";

const reasons = (r: Record<string, { reasons: string[] } | undefined>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ? v.reasons.join("; ") : "fits"]));

describe("NodeUnschedulable", () => {
  it("rejects a cordoned node unless the pod tolerates the unschedulable taint", () => {
    const nodes = [makeNode("a", { unschedulable: true }), makeNode("b")];
    expect(reasons(filterAll(nodeUnschedulable, makePod("p"), nodes))).toEqual({ a: "node(s) were unschedulable", b: "fits" });
    const tolerant = makePod("p", { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] });
    expect(reasons(filterAll(nodeUnschedulable, tolerant, nodes))).toEqual({ a: "fits", b: "fits" });
    expect(filterAll(nodeUnschedulable, makePod("p"), nodes).a?.code).toBe("UnschedulableAndUnresolvable");
  });
});

describe("NodeName", () => {
  it("fits only the named node", () => {
    const nodes = [makeNode("a"), makeNode("b")];
    expect(reasons(filterAll(nodeName, makePod("p", { spec: { nodeName: "b" } }), nodes))).toEqual({
      a: "node(s) didn't match the requested node name",
      b: "fits",
    });
  });
});

describe("TaintToleration", () => {
  const taint = (key: string, value: string | undefined, effect: string) => ({ key, ...(value !== undefined ? { value } : {}), effect });

  it("reports the first untolerated NoSchedule/NoExecute taint as {key: value}", () => {
    const nodes = [
      makeNode("a", { taints: [taint("node.kubernetes.io/unreachable", undefined, "NoExecute")] }),
      makeNode("b", { taints: [taint("dedicated", "gpu", "NoSchedule"), taint("other", "x", "NoSchedule")] }),
      makeNode("c", { taints: [taint("soft", "x", "PreferNoSchedule")] }),
    ];
    expect(reasons(filterAll(taintToleration, makePod("p"), nodes))).toEqual({
      a: "node(s) had untolerated taint {node.kubernetes.io/unreachable: }",
      b: "node(s) had untolerated taint {dedicated: gpu}",
      c: "fits",
    });
  });

  it("matches tolerations by key, value, operator and effect", () => {
    const nodes = [makeNode("b", { taints: [taint("dedicated", "gpu", "NoSchedule")] })];
    const fits = (tolerations: object[]) => filterAll(taintToleration, makePod("p", { tolerations }), nodes).b === undefined;
    expect(fits([{ key: "dedicated", value: "gpu", effect: "NoSchedule" }])).toBe(true);
    expect(fits([{ key: "dedicated", operator: "Equal", value: "cpu" }])).toBe(false);
    expect(fits([{ key: "dedicated", operator: "Exists" }])).toBe(true);
    expect(fits([{ operator: "Exists" }])).toBe(true);
    expect(fits([{ key: "dedicated", operator: "Exists", effect: "NoExecute" }])).toBe(false);
  });

  it("scores fewer intolerable PreferNoSchedule taints higher", () => {
    const nodes = [
      makeNode("a"),
      makeNode("b", { taints: [taint("x", "1", "PreferNoSchedule")] }),
      makeNode("c", { taints: [taint("x", "1", "PreferNoSchedule"), taint("y", "1", "PreferNoSchedule"), taint("z", "1", "NoSchedule")] }),
    ];
    expect(scoreAll(taintToleration, makePod("p"), nodes)).toEqual({ a: 100, b: 50, c: 0 });
    const tolerant = makePod("p", { tolerations: [{ key: "x", operator: "Exists", effect: "PreferNoSchedule" }] });
    expect(scoreAll(taintToleration, tolerant, nodes)).toEqual({ a: 100, b: 100, c: 0 });
  });
});

describe("NodeAffinity", () => {
  const nodes = [
    makeNode("a", { labels: { disk: "ssd", gen: "3" } }),
    makeNode("b", { labels: { disk: "hdd", gen: "5" } }),
    makeNode("c"),
  ];
  const required = (...terms: object[]) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
  const fitting = (pod: ReturnType<typeof makePod>) =>
    Object.entries(filterAll(nodeAffinity, pod, nodes))
      .filter(([, s]) => !s)
      .map(([n]) => n);

  it("applies nodeSelector and required terms (ORed terms, ANDed expressions)", () => {
    expect(fitting(makePod("p", { nodeSelector: { disk: "ssd" } }))).toEqual(["a"]);
    expect(fitting(makePod("p", { affinity: required({ matchExpressions: [{ key: "disk", operator: "In", values: ["ssd", "hdd"] }] }) }))).toEqual(["a", "b"]);
    expect(fitting(makePod("p", { affinity: required({ matchExpressions: [{ key: "disk", operator: "NotIn", values: ["ssd"] }] }) }))).toEqual(["b", "c"]);
    expect(fitting(makePod("p", { affinity: required({ matchExpressions: [{ key: "gen", operator: "Gt", values: ["4"] }] }) }))).toEqual(["b"]);
    expect(fitting(makePod("p", { affinity: required({ matchExpressions: [{ key: "disk", operator: "DoesNotExist" }] }) }))).toEqual(["c"]);
    expect(
      fitting(makePod("p", { affinity: required({ matchExpressions: [{ key: "disk", operator: "Exists" }] }, { matchFields: [{ key: "metadata.name", operator: "In", values: ["c"] }] }) })),
    ).toEqual(["a", "b", "c"]);
    // An empty term matches nothing; nodeSelector and affinity must both hold.
    expect(fitting(makePod("p", { affinity: required({}) }))).toEqual([]);
    expect(fitting(makePod("p", { nodeSelector: { disk: "hdd" }, affinity: required({ matchExpressions: [{ key: "gen", operator: "Lt", values: ["4"] }] }) }))).toEqual([]);
    expect(filterAll(nodeAffinity, makePod("p", { nodeSelector: { disk: "ssd" } }), nodes).c?.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
  });

  it("scores preferred terms by summed weight, normalised to the best node", () => {
    const preferred = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 2, preference: { matchExpressions: [{ key: "disk", operator: "Exists" }] } },
          { weight: 3, preference: { matchExpressions: [{ key: "gen", operator: "Gt", values: ["4"] }] } },
        ],
      },
    };
    expect(scoreAll(nodeAffinity, makePod("p", { affinity: preferred }), nodes)).toEqual({ a: 40, b: 100, c: 0 });
    expect(scoreAll(nodeAffinity, makePod("p"), nodes)).toBe("skip");
  });
});

describe("NodePorts", () => {
  const nodes = [makeNode("a")];
  const holder = (ip?: string, protocol?: string) => makePod("holder", { node: "a", hostPorts: [{ hostPort: 8080, ...(ip ? { hostIP: ip } : {}), ...(protocol ? { protocol } : {}) }] });
  const fits = (existing: ReturnType<typeof makePod>, want: { hostPort: number; hostIP?: string; protocol?: string }) =>
    filterAll(nodePorts, makePod("p", { hostPorts: [want] }), nodes, [existing]).a === undefined;

  it("treats 0.0.0.0 as every address and distinguishes protocols", () => {
    expect(fits(holder(), { hostPort: 8080, hostIP: "127.0.0.1" })).toBe(false);
    expect(fits(holder(), { hostPort: 8080, protocol: "UDP" })).toBe(true);
    expect(fits(holder(), { hostPort: 8081 })).toBe(true);
    expect(fits(holder("127.0.0.1"), { hostPort: 8080, hostIP: "127.0.0.2" })).toBe(true);
    expect(fits(holder("127.0.0.1"), { hostPort: 8080 })).toBe(false);
    expect(filterAll(nodePorts, makePod("p", { hostPorts: [{ hostPort: 8080 }] }), nodes, [holder()]).a?.reasons).toEqual([
      "node(s) didn't have free ports for the requested pod ports",
    ]);
  });
});
