import { describe, expect, it } from "vitest";
import { interPodAffinity } from "../../../src/scheduler/plugins/inter-pod-affinity";
import { filterAll, makeNode, makePod, scoreAll } from "./fixtures";

const zone = "topology.kubernetes.io/zone";
const host = "kubernetes.io/hostname";
const nodes = [makeNode("node-a", { zone: "zone1" }), makeNode("node-b", { zone: "zone1" }), makeNode("node-x", { zone: "zone2" })];
const term = (app: string, topologyKey: string, extra: object = {}) => ({ labelSelector: { matchLabels: { app } }, topologyKey, ...extra });
const verdicts = (r: Record<string, { reasons: string[] } | undefined>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ? v.reasons[0] : "fits"]));

describe("InterPodAffinity filter", () => {
  const db = makePod("db", { node: "node-a", labels: { app: "db" } });

  it("requires a matching pod in the node's domain", () => {
    const pod = makePod("p", { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", zone)] } } });
    expect(verdicts(filterAll(interPodAffinity, pod, nodes, [db]))).toEqual({
      "node-a": "fits",
      "node-b": "fits",
      "node-x": "node(s) didn't match pod affinity rules",
    });
    expect(filterAll(interPodAffinity, pod, nodes, [db])["node-x"]?.code).toBe("UnschedulableAndUnresolvable");
    // The term looks only in the pod's namespace unless told otherwise.
    const elsewhere = makePod("p", { ns: "other", affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", zone)] } } });
    expect(Object.values(verdicts(filterAll(interPodAffinity, elsewhere, nodes, [db])))).toEqual(Array(3).fill("node(s) didn't match pod affinity rules"));
    const anyNs = makePod("p", { ns: "other", affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db", zone, { namespaceSelector: {} })] } } });
    expect(verdicts(filterAll(interPodAffinity, anyNs, nodes, [db]))["node-a"]).toBe("fits");
  });

  it("lets the first pod of a self-affine group go anywhere with the topology key", () => {
    const pod = makePod("p", { labels: { app: "web" }, affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", zone)] } } });
    expect(verdicts(filterAll(interPodAffinity, pod, [...nodes, makeNode("bare")], [db]))).toEqual({
      "node-a": "fits",
      "node-b": "fits",
      bare: "node(s) didn't match pod affinity rules",
      "node-x": "fits",
    });
  });

  it("keeps the pod away from domains holding pods it is anti-affine to", () => {
    const web = makePod("w", { node: "node-a", labels: { app: "web" } });
    const pod = makePod("p", { labels: { app: "web" }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", host)] } } });
    expect(verdicts(filterAll(interPodAffinity, pod, nodes, [web]))).toEqual({
      "node-a": "node(s) didn't match pod anti-affinity rules",
      "node-b": "fits",
      "node-x": "fits",
    });
  });

  it("honours existing pods' anti-affinity against the incoming pod", () => {
    const loner = makePod("l", { node: "node-a", labels: { app: "loner" }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", zone)] } } });
    expect(verdicts(filterAll(interPodAffinity, makePod("p", { labels: { app: "web" } }), nodes, [loner]))).toEqual({
      "node-a": "node(s) didn't satisfy existing pods anti-affinity rules",
      "node-b": "node(s) didn't satisfy existing pods anti-affinity rules",
      "node-x": "fits",
    });
    expect(Object.values(filterAll(interPodAffinity, makePod("p", { labels: { app: "api" } }), nodes, [loner])).every((v) => !v)).toBe(true);
  });
});

describe("InterPodAffinity score", () => {
  const db = makePod("db", { node: "node-a", labels: { app: "db" } });

  it("scores preferred affinity and anti-affinity by weight, min-max normalised", () => {
    const near = makePod("p", { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term("db", zone) }] } } });
    expect(scoreAll(interPodAffinity, near, nodes, [db])).toEqual({ "node-a": 100, "node-b": 100, "node-x": 0 });
    const far = makePod("p", { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term("db", host) }] } } });
    expect(scoreAll(interPodAffinity, far, nodes, [db])).toEqual({ "node-a": 0, "node-b": 100, "node-x": 100 });
  });

  it("counts existing pods' terms towards the incoming pod (hard affinity weighs 1)", () => {
    const fan = makePod("fan", { node: "node-x", labels: { app: "fan" }, affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("star", zone)] } } });
    expect(scoreAll(interPodAffinity, makePod("p", { labels: { app: "star" } }), nodes, [fan])).toEqual({ "node-a": 0, "node-b": 0, "node-x": 100 });
    expect(scoreAll(interPodAffinity, makePod("p", { labels: { app: "other" } }), nodes, [fan])).toBe("skip");
  });
});
