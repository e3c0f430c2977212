import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultLimitRange, defaultPV, defaultPVC } from "../../../src/api/defaults/core";
import { validateEndpoints, validateEvent, validateNamespace, validateNode, validateNodeUpdate, validateServiceAccount } from "../../../src/api/validation/core/cluster";
import { validateLimitRange, validateResourceQuota } from "../../../src/api/validation/core/quota";
import { validatePV, validatePVC, validatePVCUpdate } from "../../../src/api/validation/core/storage";
import { only, show } from "./helpers";

describe("Namespace, Node, ServiceAccount, Endpoints, Event", () => {
  it("namespace names are DNS labels", () => {
    expect(validateNamespace({ metadata: { name: "team-a" }, spec: { finalizers: ["kubernetes"] } })).toEqual([]);
    expect(show(validateNamespace({ metadata: { name: "team.a" } }))).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots']);
  });

  it("nodes: subdomain names, taints, podCIDR changes", () => {
    const node: KubeObject = { metadata: { name: "node-1.example.com" }, spec: { podCIDRs: ["10.244.1.0/24"] }, status: { capacity: { cpu: "4", pods: "110" } } };
    expect(validateNode(node)).toEqual([]);
    const tainted = structuredClone(node);
    tainted.spec.taints = [{ key: "dedicated", value: "gpu", effect: "Sometimes" }];
    expect(show(validateNode(tainted))).toEqual([
      'metadata.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
    const moved = structuredClone(node);
    moved.spec.podCIDRs = ["10.244.2.0/24"];
    expect(show(validateNodeUpdate(moved, node))).toEqual(['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid']);
    const frac = structuredClone(node);
    frac.status.capacity.pods = "1.5";
    expect(show(validateNode(frac))).toEqual(['status.capacity.pods: Invalid value: "1500m": must be an integer']);
  });

  it("service accounts only need a valid name", () => {
    expect(validateServiceAccount({ metadata: { name: "builder", namespace: "ci" } })).toEqual([]);
  });

  it("endpoints need addresses and valid ports", () => {
    const ep: KubeObject = { metadata: { name: "web", namespace: "d" }, subsets: [{ addresses: [{ ip: "10.0.0.5" }], ports: [{ port: 80, protocol: "TCP" }] }] };
    expect(validateEndpoints(ep)).toEqual([]);
    expect(show(validateEndpoints({ metadata: ep.metadata, subsets: [{ ports: [{ port: 80, protocol: "TCP" }] }] }))).toEqual([
      "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
    ]);
  });

  it("events must be in their involved object's namespace", () => {
    const ev: KubeObject = { metadata: { name: "web.17a", namespace: "d" }, involvedObject: { kind: "Pod", name: "web", namespace: "d" }, reason: "Started" };
    expect(validateEvent(ev)).toEqual([]);
    expect(show(validateEvent({ ...ev, involvedObject: { kind: "Pod", name: "web", namespace: "other" } }))).toEqual([
      'involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    ]);
  });
});

describe("PersistentVolumes and claims", () => {
  const pvc = (): KubeObject => {
    const c: KubeObject = { metadata: { name: "data", namespace: "d" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } } };
    defaultPVC(c);
    return c;
  };

  it("claims need access modes and a storage request", () => {
    expect(validatePVC(pvc())).toEqual([]);
    const noModes = pvc();
    noModes.spec.accessModes = [];
    expect(only(validatePVC(noModes))).toEqual({ type: "FieldValueRequired", field: "spec.accessModes", message: "Required value: at least 1 access mode is required" });
    const noStorage = pvc();
    noStorage.spec.resources = {};
    expect(only(validatePVC(noStorage))).toEqual({ type: "FieldValueRequired", field: "spec.resources[storage]", message: "Required value" });
    const badMode = pvc();
    badMode.spec.accessModes = ["ReadWriteSometimes"];
    expect(show(validatePVC(badMode))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ]);
  });

  it("claims are immutable except their size", () => {
    const old = pvc();
    const grown = structuredClone(old);
    grown.spec.resources.requests.storage = "20Gi";
    grown.status = { phase: "Bound" };
    expect(validatePVCUpdate(grown, old)).toEqual([]);
    const shrunk = structuredClone(old);
    shrunk.spec.resources.requests.storage = "5Gi";
    shrunk.status = { phase: "Bound" };
    expect(show(validatePVCUpdate(shrunk, old))).toEqual(["spec.resources.requests.storage: Forbidden: field can not be less than previous value"]);
    const remode = structuredClone(old);
    remode.spec.accessModes = ["ReadWriteMany"];
    expect(show(validatePVCUpdate(remode, old))).toEqual([
      "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims",
    ]);
  });

  it("volumes need access modes, storage capacity and one source", () => {
    const pv: KubeObject = { metadata: { name: "pv1" }, spec: { accessModes: ["ReadWriteOnce"], capacity: { storage: "5Gi" }, hostPath: { path: "/data" } } };
    defaultPV(pv);
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe("Retain");
    expect(validatePV(pv)).toEqual([]);
    expect(show(validatePV({ metadata: { name: "pv2" }, spec: { capacity: { storage: "1Gi" } } }))).toEqual([
      "spec.accessModes: Required value",
      "spec: Required value: must specify a volume type",
    ]);
  });
});

describe("ResourceQuota and LimitRange", () => {
  it("quota names resources and quantities", () => {
    expect(validateResourceQuota({ metadata: { name: "q", namespace: "d" }, spec: { hard: { pods: "10", "requests.cpu": "4", "count/deployments.apps": "5" } } })).toEqual([]);
    expect(show(validateResourceQuota({ metadata: { name: "q", namespace: "d" }, spec: { hard: { pods: "1.5", gpus: "1" } } }))).toEqual([
      'spec.hard[pods]: Invalid value: "1500m": must be an integer',
      'spec.hard[gpus]: Invalid value: "gpus": must be a standard resource type or fully qualified',
      'spec.hard[gpus]: Invalid value: "gpus": must be a standard resource for quota',
    ]);
  });

  it("limit ranges order min <= default <= max", () => {
    const lr: KubeObject = { metadata: { name: "lr", namespace: "d" }, spec: { limits: [{ type: "Container", max: { cpu: "1" }, min: { cpu: "100m" } }] } };
    defaultLimitRange(lr);
    expect(lr.spec.limits[0].default).toEqual({ cpu: "1" });
    expect(lr.spec.limits[0].defaultRequest).toEqual({ cpu: "1" });
    expect(validateLimitRange(lr)).toEqual([]);
    lr.spec.limits[0].min = { cpu: "2" };
    expect(show(validateLimitRange(lr))).toContain('spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1');
  });
});
