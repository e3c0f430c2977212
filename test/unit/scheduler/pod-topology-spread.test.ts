import { describe, expect, it } from "vitest";
import { podTopologySpread } from "../../../src/scheduler/plugins/pod-topology-spread";
import { filterAll, makeNode, makePod, scoreAll } from "./fixtures";

const zone = "topology.kubernetes.io/zone";
const host = "kubernetes.io/hostname";
const fooSelector = { matchExpressions: [{ key: "foo", operator: "Exists" }] };
const hard = (key: string, maxSkew = 1, extra: object = {}) => ({ maxSkew, topologyKey: key, whenUnsatisfiable: "DoNotSchedule", labelSelector: fooSelector, ...extra });
const soft = (key: string, maxSkew = 1) => ({ maxSkew, topologyKey: key, whenUnsatisfiable: "ScheduleAnyway", labelSelector: fooSelector });

// Two zones of two nodes each (upstream's node-a/b in zone1, node-x/y in zone2).
const nodes = [makeNode("node-a", { zone: "zone1" }), makeNode("node-b", { zone: "zone1" }), makeNode("node-x", { zone: "zone2" }), makeNode("node-y", { zone: "zone2" })];
const foo = (name: string, node: string, labels: Record<string, string> = { foo: "" }) => makePod(name, { node, labels });

const verdicts = (r: Record<string, { reasons: string[] } | undefined>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ? v.reasons[0] : "fits"]));

describe("PodTopologySpread filter", () => {
  it("rejects domains that would exceed the minimum by more than maxSkew", () => {
    const existing = [foo("p-a1", "node-a"), foo("p-b1", "node-b"), foo("p-x1", "node-x")];
    const pod = makePod("p", { labels: { foo: "" }, spread: [hard(zone)] });
    // zone1 has 2, zone2 has 1: zone1 would reach 3 - 1 = 2 > 1.
    expect(verdicts(filterAll(podTopologySpread, pod, nodes, existing))).toEqual({
      "node-a": "node(s) didn't match pod topology spread constraints",
      "node-b": "node(s) didn't match pod topology spread constraints",
      "node-x": "fits",
      "node-y": "fits",
    });
  });

  it("ignores pods of other namespaces, terminating pods and non-matching labels", () => {
    const terminating = foo("t", "node-x");
    terminating.metadata.deletionTimestamp = "2024-01-01T00:00:00Z";
    const existing = [foo("p-a1", "node-a"), makePod("o", { ns: "other", node: "node-b", labels: { foo: "" } }), terminating, foo("bar", "node-b", { bar: "" })];
    const pod = makePod("p", { labels: { foo: "" }, spread: [hard(zone)] });
    // zone1 has 1, zone2 0: zone1 → 2 - 0 > 1.
    expect(verdicts(filterAll(podTopologySpread, pod, nodes, existing))["node-a"]).toBe("node(s) didn't match pod topology spread constraints");
    expect(verdicts(filterAll(podTopologySpread, pod, nodes, existing))["node-x"]).toBe("fits");
  });

  it("marks nodes without the topology key unresolvable", () => {
    const pod = makePod("p", { labels: { foo: "" }, spread: [hard(zone)] });
    const r = filterAll(podTopologySpread, pod, [...nodes, makeNode("bare")]);
    expect(r.bare?.reasons).toEqual(["node(s) didn't match pod topology spread constraints (missing required label)"]);
    expect(r.bare?.code).toBe("UnschedulableAndUnresolvable");
  });

  it("treats the global minimum as 0 while fewer than minDomains domains exist", () => {
    const existing = [foo("p-a1", "node-a"), foo("p-x1", "node-x")];
    const loose = makePod("p", { labels: { foo: "" }, spread: [hard(zone)] });
    expect(Object.values(verdicts(filterAll(podTopologySpread, loose, nodes, existing)))).toEqual(["fits", "fits", "fits", "fits"]);
    const strict = makePod("p", { labels: { foo: "" }, spread: [hard(zone, 1, { minDomains: 3 })] });
    expect(Object.values(verdicts(filterAll(podTopologySpread, strict, nodes, existing))).every((v) => v !== "fits")).toBe(true);
  });

  it("does not count itself when it does not match its own selector, and honours node affinity", () => {
    const existing = [foo("p-a1", "node-a")];
    const outsider = makePod("p", { labels: {}, spread: [hard(zone)] });
    expect(verdicts(filterAll(podTopologySpread, outsider, nodes, existing))["node-a"]).toBe("fits");
    // Only zone1 nodes are eligible domains: zone2 does not count as an empty domain.
    const pinned = makePod("p", { labels: { foo: "" }, spread: [hard(zone)], nodeSelector: { [zone]: "zone1" } });
    expect(verdicts(filterAll(podTopologySpread, pinned, nodes, existing))["node-a"]).toBe("fits");
  });

  it("skips pods without DoNotSchedule constraints", () => {
    const r = filterAll(podTopologySpread, makePod("p", { spread: [soft(zone)] }), nodes, [foo("a", "node-a"), foo("b", "node-a")]);
    expect(Object.values(r).every((v) => v === undefined)).toBe(true);
  });
});

describe("PodTopologySpread score", () => {
  it("prefers emptier domains (ScheduleAnyway)", () => {
    const existing = [foo("1", "node-a"), foo("2", "node-a"), foo("3", "node-b"), foo("4", "node-x")];
    const pod = makePod("p", { labels: { foo: "" }, spread: [soft(zone)] });
    const scores = scoreAll(podTopologySpread, pod, nodes, existing) as Record<string, number>;
    expect(scores["node-x"]).toBe(scores["node-y"]);
    expect(scores["node-x"]!).toBeGreaterThan(scores["node-a"]!);
    expect(scores["node-a"]).toBe(scores["node-b"]);
    const byHost = scoreAll(podTopologySpread, makePod("p", { labels: { foo: "" }, spread: [soft(host)] }), nodes, existing) as Record<string, number>;
    expect(byHost["node-y"]).toBe(100);
    expect(byHost["node-a"]!).toBeLessThan(byHost["node-b"]!);
  });

  it("applies the system default constraints to controller-owned pods that declare none", () => {
    const owner = { kind: "ReplicaSet", uid: "rs-1" };
    const existing = [makePod("s1", { node: "node-a", owner }), makePod("s2", { node: "node-a", owner }), makePod("x", { node: "node-b", owner: { kind: "ReplicaSet", uid: "rs-2" } })];
    const scores = scoreAll(podTopologySpread, makePod("p", { owner }), nodes, existing) as Record<string, number>;
    expect(scores["node-a"]!).toBeLessThan(scores["node-b"]!);
    expect(scores["node-x"]!).toBeGreaterThan(scores["node-b"]!);
    // Bare pods and Job pods have no default selector, so nothing to spread.
    expect(scoreAll(podTopologySpread, makePod("p"), nodes, existing)).toBe("skip");
    expect(scoreAll(podTopologySpread, makePod("p", { owner: { kind: "Job", uid: "j" } }), nodes, existing)).toBe("skip");
  });

  it("still spreads by hostname on nodes without a zone label under the defaults", () => {
    const owner = { kind: "ReplicaSet", uid: "rs-1" };
    const plain = [makeNode("n1"), makeNode("n2")];
    const scores = scoreAll(podTopologySpread, makePod("p", { owner }), plain, [makePod("s1", { node: "n1", owner })]) as Record<string, number>;
    expect(scores.n2).toBe(100);
    expect(scores.n1!).toBeLessThan(100);
  });
});
