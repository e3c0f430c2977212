import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { applyLimitRangeDefaults, limitRangerHandles, validateLimitRanges } from "../../../src/api/admission/limitrange";

const lr = (limits: Record<string, unknown>[], name = "limits"): KubeObject => ({
  apiVersion: "v1",
  kind: "LimitRange",
  metadata: { name, namespace: "ns" },
  spec: { limits },
});

function pod(containers: Record<string, any>[], initContainers?: Record<string, any>[]): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "x", namespace: "ns" }, spec: { containers, ...(initContainers ? { initContainers } : {}) } };
}
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>) => ({
  name,
  image: "x",
  ...(requests || limits ? { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } } : {}),
});

describe("LimitRanger defaults", () => {
  it("fills missing requests and limits and annotates what it set", () => {
    const p = pod([c("app", { cpu: "100m" }), c("full", { cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" })], [c("init")]);
    applyLimitRangeDefaults(p, [lr([{ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "200m", memory: "128Mi" } }])]);
    expect(p.spec.containers[0].resources).toEqual({ requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } });
    expect(p.spec.containers[1].resources).toEqual({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } });
    expect(p.spec.initContainers[0].resources).toEqual({ requests: { cpu: "200m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } });
    expect(p.metadata.annotations).toEqual({
      "kubernetes.io/limit-ranger":
        "LimitRanger plugin set: memory request for container app; cpu, memory limit for container app; cpu, memory request for init container init; cpu, memory limit for init container init",
    });
  });

  it("derives defaults from max and min as LimitRange defaulting does", () => {
    const p = pod([c("app")]);
    applyLimitRangeDefaults(p, [lr([{ type: "Container", max: { cpu: "2" }, min: { memory: "64Mi" } }])]);
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: "2" }, requests: { cpu: "2", memory: "64Mi" } });
  });

  it("leaves a pod alone when nothing applies (idempotent)", () => {
    const p = pod([c("app", { cpu: "1" }, { cpu: "1" })]);
    const before = structuredClone(p);
    applyLimitRangeDefaults(p, [lr([{ type: "Container", default: { cpu: "500m" } }]), lr([{ type: "Pod", max: { cpu: "4" } }])]);
    expect(p).toEqual(before);
  });

  it("handles pods on create, claims on create and update, never subresources", () => {
    expect(limitRangerHandles("CREATE", "pods")).toBe(true);
    expect(limitRangerHandles("UPDATE", "pods")).toBe(false);
    expect(limitRangerHandles("UPDATE", "persistentvolumeclaims")).toBe(true);
    expect(limitRangerHandles("CREATE", "pods", "binding")).toBe(false);
    expect(limitRangerHandles("CREATE", "services")).toBe(false);
  });
});

describe("LimitRanger validation", () => {
  const ranges = [lr([{ type: "Container", max: { cpu: "1" }, min: { cpu: "100m" } }])];

  it("refuses a container over max with upstream's message", () => {
    const e = validateLimitRanges("pods", pod([c("app", { cpu: "2" }, { cpu: "2" })]), ranges);
    expect(e?.code).toBe(403);
    expect(e?.toStatus()).toMatchObject({ reason: "Forbidden", message: 'pods "x" is forbidden: maximum cpu usage per Container is 1, but limit is 2', details: { name: "x", kind: "pods" } });
  });

  it("brackets several violations, in container order", () => {
    const e = validateLimitRanges("pods", pod([c("a", { cpu: "2" }, { cpu: "2" }), c("b", { cpu: "50m" }, { cpu: "50m" })]), ranges);
    expect(e?.message).toBe('pods "x" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, minimum cpu usage per Container is 100m, but request is 50m]');
  });

  it("reports missing requests and limits", () => {
    expect(validateLimitRanges("pods", pod([c("a")]), ranges)?.message).toBe(
      'pods "x" is forbidden: [minimum cpu usage per Container is 100m.  No request is specified, maximum cpu usage per Container is 1.  No limit is specified]',
    );
  });

  it("checks the limit/request ratio", () => {
    const ratio = [lr([{ type: "Container", maxLimitRequestRatio: { memory: "2" } }])];
    expect(validateLimitRanges("pods", pod([c("a", { memory: "100Mi" }, { memory: "300Mi" })]), ratio)?.message).toBe(
      'pods "x" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 3.000000',
    );
    expect(validateLimitRanges("pods", pod([c("a", undefined, { memory: "300Mi" })]), ratio)?.message).toBe(
      'pods "x" is forbidden: memory max limit to request ratio per Container is 2, but no request is specified or request is 0',
    );
    expect(validateLimitRanges("pods", pod([c("a", { memory: "100Mi" }, { memory: "200Mi" })]), ratio)).toBeUndefined();
  });

  it("checks pod totals, init containers counted as their peak", () => {
    const podMax = [lr([{ type: "Pod", max: { memory: "1Gi" } }])];
    const p = pod([c("a", { memory: "512Mi" }, { memory: "512Mi" }), c("b", { memory: "512Mi" }, { memory: "768Mi" })], [c("i", { memory: "64Mi" }, { memory: "64Mi" })]);
    expect(validateLimitRanges("pods", p, podMax)?.message).toBe('pods "x" is forbidden: maximum memory usage per Pod is 1Gi, but limit is 1280Mi');
  });

  it("checks claims' storage requests", () => {
    const pvc: KubeObject = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data", namespace: "ns" }, spec: { resources: { requests: { storage: "500Mi" } } } };
    const storage = [lr([{ type: "PersistentVolumeClaim", min: { storage: "1Gi" }, max: { storage: "10Gi" } }])];
    expect(validateLimitRanges("persistentvolumeclaims", pvc, storage)?.message).toBe(
      'persistentvolumeclaims "data" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi',
    );
    pvc.spec.resources.requests.storage = "20Gi";
    expect(validateLimitRanges("persistentvolumeclaims", pvc, storage)?.message).toBe(
      'persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 10Gi, but request is 20Gi',
    );
  });

  it("passes a conforming pod", () => {
    expect(validateLimitRanges("pods", pod([c("a", { cpu: "500m" }, { cpu: "1" })]), ranges)).toBeUndefined();
  });
});
