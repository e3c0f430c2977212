import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { fieldSelectorFor } from "../../../src/api/selectors/fields";
import { kindFieldLabelRejections, kindFieldSelectors } from "../../../src/api/selectors/kinds";

const read = (resource: string, field: string, obj: Partial<KubeObject>) =>
  kindFieldSelectors[resource]![field]!({ metadata: {}, ...obj });

describe("kindFieldSelectors", () => {
  it("renders pod fields as upstream's field set", () => {
    expect(read("pods", "spec.nodeName", {})).toBe("");
    expect(read("pods", "spec.host", { spec: { nodeName: "n1" } })).toBe("n1");
    expect(read("pods", "spec.hostNetwork", {})).toBe("false");
    expect(read("pods", "spec.hostNetwork", { spec: { hostNetwork: true } })).toBe("true");
    expect(read("pods", "status.podIP", { status: { podIP: "10.0.0.2", podIPs: [{ ip: "10.0.0.1" }] } })).toBe("10.0.0.1");
    expect(read("pods", "spec.serviceAccountName", { spec: { serviceAccount: "legacy" } })).toBe("legacy");
    expect(read("pods", "status.podIPs", { status: { podIPs: [{ ip: "10.0.0.1" }] } })).toBeUndefined();
  });

  it("renders numbers and booleans with their zero values", () => {
    expect(read("nodes", "spec.unschedulable", {})).toBe("false");
    expect(read("replicationcontrollers", "status.replicas", { status: { replicas: 3 } })).toBe("3");
    expect(read("jobs.batch", "status.successful", {})).toBe("0");
    expect(read("jobs.batch", "status.successful", { status: { succeeded: 2 } })).toBe("2");
  });

  it("reads events in either API's shape", () => {
    const core = { involvedObject: { kind: "Pod", name: "web" }, source: { component: "" }, reportingComponent: "kubelet" };
    expect(read("events", "involvedObject.name", core)).toBe("web");
    expect(read("events", "source", core)).toBe("kubelet");
    const modern = { regarding: { kind: "Pod", uid: "u1" }, reportingController: "sched", deprecatedSource: { component: "x" } };
    expect(read("events.events.k8s.io", "regarding.uid", modern)).toBe("u1");
    expect(read("events.events.k8s.io", "reportingController", modern)).toBe("sched");
    expect(read("events.events.k8s.io", "source", modern)).toBe("x");
    expect(kindFieldSelectors["events.events.k8s.io"]!["involvedObject.name"]).toBeUndefined();
  });

  it("leaves apps/v1 kinds to the metadata-only default, as upstream", () => {
    expect(kindFieldSelectors["replicasets.apps"]).toBeUndefined();
  });

  it("selects warning events and running pods end to end", () => {
    const events = fieldSelectorFor(kindFieldSelectors.events, true);
    const warn = events("type=Warning,involvedObject.kind=Pod");
    expect(warn({ metadata: { name: "e" }, type: "Warning", involvedObject: { kind: "Pod" } })).toBe(true);
    expect(warn({ metadata: { name: "e" }, type: "Normal", involvedObject: { kind: "Pod" } })).toBe(false);
    const pods = fieldSelectorFor(kindFieldSelectors.pods, true)("status.phase!=Running,spec.hostNetwork=false");
    expect(pods({ metadata: { name: "p" }, status: { phase: "Pending" } })).toBe(true);
  });

  it("uses Job's own refusal text", () => {
    const jobs = fieldSelectorFor(kindFieldSelectors["jobs.batch"], true, kindFieldLabelRejections["jobs.batch"]);
    expect(() => jobs("status.failed=1")).toThrow(`field label "status.failed" not supported for Job`);
  });
});
