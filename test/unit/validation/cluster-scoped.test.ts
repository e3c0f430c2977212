import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultCRD, defaultPriorityClass, defaultStorageClass } from "../../../src/api/defaults/other";
import { validateCRD } from "../../../src/api/validation/apiextensions";
import * as misc from "../../../src/api/validation/cluster-misc";
import { show } from "./helpers";

describe("cluster-scoped extras", () => {
  it("StorageClass needs a provisioner; parameters are immutable", () => {
    const sc: KubeObject = { metadata: { name: "fast" }, provisioner: "ebs.csi.aws.com", parameters: { type: "gp3" } };
    defaultStorageClass(sc);
    expect(sc.reclaimPolicy).toBe("Delete");
    expect(sc.volumeBindingMode).toBe("Immediate");
    expect(misc.validateStorageClass(sc)).toEqual([]);
    expect(show(misc.validateStorageClass({ ...sc, provisioner: "" }))).toEqual(["provisioner: Required value"]);
    expect(show(misc.validateStorageClassUpdate({ ...sc, parameters: { type: "io2" } }, sc))).toEqual(["parameters: Forbidden: updates to parameters are forbidden."]);
  });

  it("PriorityClass value limits and immutability", () => {
    const pc: KubeObject = { metadata: { name: "high" }, value: 1000000, globalDefault: false };
    defaultPriorityClass(pc);
    expect(pc.preemptionPolicy).toBe("PreemptLowerPriority");
    expect(misc.validatePriorityClass(pc)).toEqual([]);
    expect(show(misc.validatePriorityClass({ ...pc, value: 2000000001 }))).toEqual(["value: Forbidden: maximum allowed value of a user defined priority is 1000000000"]);
    expect(show(misc.validatePriorityClassUpdate({ ...pc, value: 5 }, pc))).toEqual(["value: Forbidden: may not be changed in an update."]);
  });

  it("Lease durations are positive", () => {
    expect(misc.validateLease({ metadata: { name: "node-1", namespace: "kube-node-lease" }, spec: { holderIdentity: "node-1", leaseDurationSeconds: 40 } })).toEqual([]);
    expect(show(misc.validateLease({ metadata: { name: "x", namespace: "d" }, spec: { leaseDurationSeconds: 0 } }))).toEqual([
      "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
    ]);
  });

  it("CSRs need a PEM request, usages and a signer", () => {
    const req = btoa("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n");
    const csr: KubeObject = { metadata: { name: "any name works" }, spec: { request: req, signerName: "kubernetes.io/kube-apiserver-client", usages: ["client auth"] } };
    expect(misc.validateCSR(csr)).toEqual([]);
    expect(show(misc.validateCSR({ metadata: csr.metadata, spec: { request: btoa("nope") } }))).toEqual([
      `spec.request: Invalid value: "${btoa("nope")}": PEM block type must be CERTIFICATE REQUEST`,
      "spec.usages: Required value: usages must be provided",
      "spec.signerName: Required value: signerName must be provided",
    ]);
  });

  it("CRDs need plural.group names and exactly one storage version", () => {
    const crd: KubeObject = {
      metadata: { name: "widgets.example.com" },
      spec: {
        group: "example.com",
        scope: "Namespaced",
        names: { plural: "widgets", kind: "Widget" },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } }],
      },
      status: { storedVersions: ["v1"] },
    };
    defaultCRD(crd);
    expect(crd.spec.names).toEqual({ plural: "widgets", kind: "Widget", singular: "widget", listKind: "WidgetList" });
    expect(validateCRD(crd)).toEqual([]);
    const bad = structuredClone(crd);
    bad.metadata.name = "widgets.other.com";
    bad.spec.versions.push({ name: "v2", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } });
    const msgs = show(validateCRD(bad));
    expect(msgs[0]).toBe('metadata.name: Invalid value: "widgets.other.com": must be spec.names.plural+"."+spec.group');
    expect(msgs[1]).toMatch(/^spec.versions: Invalid value: .*: must have exactly one version marked as storage version$/);
    expect(show(validateCRD({ ...crd, spec: { ...crd.spec, group: "example" } }))).toContain('spec.group: Invalid value: "example": should be a domain with at least one dot');
  });
});

describe("PriorityClass reserved names", () => {
  it("reserves the system- prefix for the built-in classes", () => {
    expect(misc.validatePriorityClass({ metadata: { name: "system-node-critical" }, value: 2000001000 })).toEqual([]);
    expect(show(misc.validatePriorityClass({ metadata: { name: "system-mine" }, value: 10 }))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    ]);
    expect(show(misc.validatePriorityClass({ metadata: { name: "system-cluster-critical" }, value: 2000000000, globalDefault: true }))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: globalDefault of system-cluster-critical PriorityClass must be false",
    ]);
  });
});
