import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultBinding, defaultHPA, defaultNetworkPolicy } from "../../../src/api/defaults/other";
import { validateHPA } from "../../../src/api/validation/autoscaling";
import { validateIngress } from "../../../src/api/validation/networking/ingress";
import { validateNetworkPolicy } from "../../../src/api/validation/networking/networkpolicy";
import { validatePodDisruptionBudget } from "../../../src/api/validation/policy";
import * as rbac from "../../../src/api/validation/rbac";
import { clusterRole, podReaderRole, readPodsBinding, webIngress } from "../strategies/manifests";
import { only, show } from "./helpers";

describe("Ingress", () => {
  it("accepts a typical ingress", () => {
    expect(validateIngress(webIngress())).toEqual([]);
  });

  it("requires pathType, absolute paths and a backend port", () => {
    const i = webIngress();
    delete i.spec.rules[0].http.paths[0].pathType;
    i.spec.rules[0].http.paths[1].path = "api";
    i.spec.rules[0].http.paths[1].backend.service.port = {};
    expect(show(validateIngress(i))).toEqual([
      "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified",
      'spec.rules[0].http.paths[1].path: Invalid value: "api": must be an absolute path',
      "spec.rules[0].http.paths[1].backend: Required value: port name or number is required",
    ]);
  });

  it("requires rules or a default backend, and DNS hosts", () => {
    const i = webIngress();
    i.spec = {};
    expect(only(validateIngress(i)).message).toBe("Invalid value: null: either `defaultBackend` or `rules` must be specified");
    const ip = webIngress();
    ip.spec.rules[0].host = "10.0.0.1";
    expect(show(validateIngress(ip))).toEqual(['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']);
    const noBackend = webIngress();
    noBackend.spec.rules[0].http.paths[0].backend = {};
    expect(show(validateIngress(noBackend))).toEqual(['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']);
  });
});

describe("NetworkPolicy", () => {
  it("defaults policyTypes and validates peers", () => {
    const np: KubeObject = {
      metadata: { name: "db", namespace: "d" },
      spec: { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: "web" } } }], ports: [{ port: 5432 }] }] },
    };
    defaultNetworkPolicy(np);
    expect(np.spec.policyTypes).toEqual(["Ingress"]);
    expect(np.spec.ingress[0].ports[0].protocol).toBe("TCP");
    expect(validateNetworkPolicy(np)).toEqual([]);
    np.spec.ingress[0].from = [{}];
    np.spec.policyTypes = ["Inbound"];
    expect(show(validateNetworkPolicy(np))).toEqual([
      "spec.ingress[0].from[0]: Required value: must specify a peer",
      'spec.policyTypes[0]: Unsupported value: "Inbound": supported values: "Ingress", "Egress"',
    ]);
  });
});

describe("PodDisruptionBudget", () => {
  it("allows minAvailable xor maxUnavailable", () => {
    const pdb: KubeObject = { metadata: { name: "web", namespace: "d" }, spec: { minAvailable: "50%", selector: { matchLabels: { app: "web" } } } };
    expect(validatePodDisruptionBudget(pdb)).toEqual([]);
    pdb.spec.maxUnavailable = 1;
    const e = only(validatePodDisruptionBudget(pdb));
    expect(e.field).toBe("spec");
    expect(e.message).toMatch(/minAvailable and maxUnavailable cannot be both set$/);
    expect(show(validatePodDisruptionBudget({ metadata: pdb.metadata, spec: { minAvailable: "150%" } }))).toEqual([
      'spec.minAvailable: Invalid value: "150%": must not be greater than 100%',
    ]);
  });
});

describe("HorizontalPodAutoscaler (v2)", () => {
  const hpa = (): KubeObject => ({
    metadata: { name: "web", namespace: "d" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 5 },
  });

  it("defaults min replicas and the CPU metric", () => {
    const h = hpa();
    defaultHPA(h);
    expect(h.spec.minReplicas).toBe(1);
    expect(h.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }]);
    expect(validateHPA(h)).toEqual([]);
  });

  it("requires a target and min <= max", () => {
    const h = hpa();
    h.spec.minReplicas = 10;
    h.spec.scaleTargetRef = { kind: "Deployment" };
    expect(show(validateHPA(h))).toEqual([
      "spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`",
      "spec.scaleTargetRef.name: Required value",
    ]);
  });
});

describe("RBAC", () => {
  it("accepts typical roles and bindings", () => {
    expect(rbac.validateRole(podReaderRole())).toEqual([]);
    expect(rbac.validateClusterRole(clusterRole())).toEqual([]);
    const b = readPodsBinding();
    b.subjects[0].apiGroup = undefined;
    defaultBinding(b);
    expect(b.subjects[0].apiGroup).toBe("rbac.authorization.k8s.io");
    expect(rbac.validateRoleBinding(b)).toEqual([]);
  });

  it("role rules need verbs and resources or URLs", () => {
    const r = podReaderRole();
    r.rules = [{ apiGroups: [""], resources: ["pods"] }, { verbs: ["get"] }, { nonResourceURLs: ["/healthz"], verbs: ["get"] }];
    expect(show(rbac.validateRole(r))).toEqual([
      "rules[0].verbs: Required value: verbs must contain at least one value",
      "rules[1].apiGroups: Required value: resource rules must supply at least one api group",
      "rules[1].resources: Required value: resource rules must supply at least one resource",
      'rules[2].nonResourceURLs: Invalid value: ["/healthz"]: namespaced rules cannot apply to non-resource URLs',
    ]);
  });

  it("names only need to be path segments", () => {
    const r = podReaderRole();
    r.metadata.name = "system:Reader";
    expect(rbac.validateRole(r)).toEqual([]);
    r.metadata.name = "a/b";
    expect(show(rbac.validateRole(r))).toEqual(['metadata.name: Invalid value: "a/b": may not contain \'/\'']);
  });

  it("bindings need a roleRef that never changes, and known subject kinds", () => {
    const b = readPodsBinding();
    b.roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "Role" };
    b.subjects = [{ kind: "Robot", name: "r2" }];
    expect(show(rbac.validateRoleBinding(b))).toEqual([
      "roleRef.name: Required value",
      'subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ]);
    const old = readPodsBinding();
    defaultBinding(old);
    const next = structuredClone(old);
    next.roleRef.name = "admin";
    expect(show(rbac.validateRoleBindingUpdate(next, old))).toEqual([
      'roleRef: Invalid value: {"kind":"Role","name":"admin","apiGroup":"rbac.authorization.k8s.io"}: cannot change roleRef',
    ]);
    const crb: KubeObject = { metadata: { name: "x" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" }, subjects: [{ kind: "ServiceAccount", name: "sa" }] };
    expect(show(rbac.validateClusterRoleBinding(crb))).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      "subjects[0].namespace: Required value",
    ]);
  });
});
