import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultPod } from "../../../src/api/defaults/pod";
import { validatePod, validatePodUpdate } from "../../../src/api/validation/core/pod";
import { only, show } from "./helpers";

function pod(mutate: (spec: any) => void = () => {}): KubeObject {
  const p: KubeObject = {
    metadata: { name: "web", namespace: "default" },
    spec: { containers: [{ name: "app", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] },
  };
  mutate(p.spec);
  defaultPod(p);
  return p;
}

describe("Pod spec validation", () => {
  it("accepts a defaulted pod", () => {
    expect(validatePod(pod())).toEqual([]);
  });

  it("requires containers", () => {
    expect(only(validatePod(pod((s) => (s.containers = []))))).toEqual({ type: "FieldValueRequired", field: "spec.containers", message: "Required value" });
  });

  it("requires container names to be DNS labels", () => {
    const e = only(validatePod(pod((s) => (s.containers[0].name = "App_1"))));
    expect(e.field).toBe("spec.containers[0].name");
    expect(e.message).toMatch(/^Invalid value: "App_1": a lowercase RFC 1123 label must consist of/);
  });

  it("requires unique names across init and regular containers", () => {
    const errs = validatePod(pod((s) => (s.initContainers = [{ name: "app", image: "busybox" }])));
    expect(only(errs)).toEqual({ type: "FieldValueDuplicate", field: "spec.initContainers[0].name", message: 'Duplicate value: "app"' });
    const dup = validatePod(pod((s) => s.containers.push({ name: "app", image: "x" })));
    expect(show(dup)).toEqual(['spec.containers[1].name: Duplicate value: "app"']);
  });

  it("requires an image", () => {
    expect(only(validatePod(pod((s) => delete s.containers[0].image)))).toEqual({
      type: "FieldValueRequired",
      field: "spec.containers[0].image",
      message: "Required value",
    });
  });

  it("checks container ports", () => {
    expect(show(validatePod(pod((s) => (s.containers[0].ports = [{ containerPort: 70000 }]))))).toEqual([
      "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    ]);
    expect(show(validatePod(pod((s) => (s.containers[0].ports = [{ containerPort: 80, protocol: "HTTP" }]))))).toEqual([
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    expect(show(validatePod(pod((s) => (s.containers[0].ports = [{ containerPort: 80, name: "8080" }]))))).toEqual([
      'spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)',
    ]);
    const dup = pod((s) => (s.containers[0].ports = [{ containerPort: 80, name: "web" }, { containerPort: 81, name: "web" }]));
    expect(show(validatePod(dup))).toEqual(['spec.containers[0].ports[1].name: Duplicate value: "web"']);
    expect(show(validatePod(pod((s) => (s.containers[0].ports = [{ name: "x" }]))))).toEqual(["spec.containers[0].ports[0].containerPort: Required value"]);
  });

  it("checks env names and sources", () => {
    expect(show(validatePod(pod((s) => (s.containers[0].env = [{ value: "x" }]))))).toEqual(["spec.containers[0].env[0].name: Required value"]);
    expect(show(validatePod(pod((s) => (s.containers[0].env = [{ name: "A=B" }]))))).toEqual([
      `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
    ]);
    expect(show(validatePod(pod((s) => (s.containers[0].env = [{ name: "X", valueFrom: {} }]))))).toEqual([
      'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
    ]);
    const bad = pod((s) => (s.containers[0].env = [{ name: "X", valueFrom: { fieldRef: { fieldPath: "spec.bogus" } } }]));
    expect(show(validatePod(bad))[0]).toMatch(/^spec.containers\[0\].env\[0\].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.bogus": supported values: "metadata.name"/);
  });

  it("requires unique volume names and mounts of existing volumes", () => {
    const dupVol = pod((s) => (s.volumes = [{ name: "data", emptyDir: {} }, { name: "data", emptyDir: {} }]));
    expect(only(validatePod(dupVol))).toEqual({ type: "FieldValueDuplicate", field: "spec.volumes[1].name", message: 'Duplicate value: "data"' });
    const missing = pod((s) => (s.containers[0].volumeMounts = [{ name: "nope", mountPath: "/data" }]));
    expect(only(validatePod(missing))).toEqual({ type: "FieldValueNotFound", field: "spec.containers[0].volumeMounts[0].name", message: 'Not found: "nope"' });
    const twoTypes = pod((s) => (s.volumes = [{ name: "v", emptyDir: {}, configMap: { name: "c" } }]));
    expect(show(validatePod(twoTypes))).toEqual(["spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type"]);
    const noName = pod((s) => (s.volumes = [{ name: "c", configMap: {} }]));
    expect(show(validatePod(noName))).toEqual(["spec.volumes[0].configMap.name: Required value"]);
  });

  it("checks restartPolicy and dnsPolicy enums", () => {
    expect(show(validatePod(pod((s) => (s.restartPolicy = "Sometimes"))))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(show(validatePod(pod((s) => (s.dnsPolicy = "Google"))))).toEqual([
      'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  it("requires requests to be at most limits", () => {
    const p = pod((s) => (s.containers[0].resources = { requests: { cpu: "2" }, limits: { cpu: "1" } }));
    expect(only(validatePod(p))).toEqual({
      type: "FieldValueInvalid",
      field: "spec.containers[0].resources.requests",
      message: 'Invalid value: "2": must be less than or equal to cpu limit of 1',
    });
    const badName = pod((s) => (s.containers[0].resources = { limits: { gpu: "1" } }));
    expect(show(validatePod(badName))).toContain('spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified');
    const negative = pod((s) => (s.containers[0].resources = { requests: { memory: "-1Mi" } }));
    expect(show(validatePod(negative))).toEqual(['spec.containers[0].resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0']);
  });

  it("checks probes", () => {
    const live = pod((s) => (s.containers[0].livenessProbe = { httpGet: { port: 80 }, successThreshold: 2 }));
    expect(show(validatePod(live))).toEqual(["spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"]);
    const none = pod((s) => (s.containers[0].readinessProbe = { periodSeconds: 5 }));
    expect(show(validatePod(none))).toEqual(["spec.containers[0].readinessProbe: Required value: must specify a handler type"]);
    const neg = pod((s) => (s.containers[0].readinessProbe = { exec: { command: ["true"] }, initialDelaySeconds: -1 }));
    expect(show(validatePod(neg))).toEqual(["spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0"]);
    const initProbe = pod((s) => (s.initContainers = [{ name: "init", image: "busybox", livenessProbe: { exec: { command: ["true"] } } }]));
    expect(show(validatePod(initProbe))).toEqual(["spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"]);
  });

  it("allows only image and a few other changes on update", () => {
    const old = pod();
    old.metadata.uid = "u1";
    const images = structuredClone(old);
    images.spec.containers[0].image = "nginx:1.28";
    expect(validatePodUpdate(images, old)).toEqual([]);
    const changed = structuredClone(old);
    changed.spec.containers[0].ports[0].containerPort = 8080;
    const e = validatePodUpdate(changed, old);
    expect(e).toHaveLength(1);
    expect(e[0]!.type).toBe("FieldValueForbidden");
    expect(show(e)[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,/);
    const added = structuredClone(old);
    added.spec.containers.push({ name: "b", image: "x", imagePullPolicy: "Always", terminationMessagePolicy: "File" });
    expect(show(validatePodUpdate(added, old))).toContain("spec.containers: Forbidden: pod updates may not add or remove containers");
  });
});
