import { describe, expect, it } from "vitest";
import * as adm from "../../../src/api/tables/admission";
import { horizontalPodAutoscalerColumns as hpaColumns } from "../../../src/api/tables/autoscaling";
import * as misc from "../../../src/api/tables/misc";
import { clusterRoleBindingColumns, roleBindingColumns } from "../../../src/api/tables/rbac";
import * as storage from "../../../src/api/tables/storage";
import { ago, cells, row } from "./helpers";

describe("horizontal pod autoscalers", () => {
  const hpa = (spec: object, status: object = {}) => ({
    metadata: { name: "web", creationTimestamp: ago(600) },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: 2, maxReplicas: 10, ...spec },
    status,
  });
  const cpu = { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } };
  const mem = { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "1024Mi" } } };
  const pods = { type: "Pods", pods: { metric: { name: "qps" }, target: { type: "AverageValue", averageValue: "100" } } };

  it("prints v2 metrics against their current values", () => {
    const status = {
      currentReplicas: 3,
      desiredReplicas: 3,
      currentMetrics: [
        { type: "Resource", resource: { name: "cpu", current: { averageUtilization: 45, averageValue: "120m" } } },
        { type: "Resource", resource: { name: "memory", current: { averageValue: "200Mi" } } },
      ],
    };
    expect(cells(hpaColumns, hpa({ metrics: [cpu, mem] }, status))).toEqual(["web", "Deployment/web", "cpu: 45%/80%, memory: 200Mi/1Gi", "2", 10, 3, "10m"]);
  });

  it("prints <unknown> before metrics arrive, and + N more past two", () => {
    expect(row(hpaColumns, hpa({ metrics: [cpu, mem, pods] })).TARGETS).toBe("cpu: <unknown>/80%, memory: <unknown>/1Gi + 1 more...");
    expect(row(hpaColumns, hpa({ metrics: [] }))).toMatchObject({ TARGETS: "<none>", REPLICAS: 0 });
    expect(row(hpaColumns, hpa({ minReplicas: undefined, metrics: [pods] })).MINPODS).toBe("<unset>");
  });

  it("prints external and object metrics, (avg) for average-value targets", () => {
    const external = { type: "External", external: { metric: { name: "queue" }, target: { type: "AverageValue", averageValue: "30" } } };
    const object = { type: "Object", object: { metric: { name: "rps" }, target: { type: "Value", value: "10k" } } };
    const status = { currentMetrics: [{ type: "External", external: { current: { averageValue: "12" } } }, { type: "Object", object: { current: { value: "2500" } } }] };
    expect(row(hpaColumns, hpa({ metrics: [external, object] }, status)).TARGETS).toBe("12/30 (avg), 2500/10k");
  });

  it("reads the autoscaling/v1 shape as a CPU utilization metric", () => {
    const v1 = hpa({ targetCPUUtilizationPercentage: 70 }, { currentReplicas: 2, currentCPUUtilizationPercentage: 33 });
    expect(row(hpaColumns, v1).TARGETS).toBe("cpu: 33%/70%");
  });
});

describe("policy, coordination, scheduling", () => {
  it("prints pod disruption budgets", () => {
    const pdb = { metadata: { name: "web", creationTimestamp: ago(60) }, spec: { minAvailable: "50%" }, status: { disruptionsAllowed: 1 } };
    expect(cells(misc.podDisruptionBudgetColumns, pdb)).toEqual(["web", "50%", "N/A", 1, "60s"]);
    expect(row(misc.podDisruptionBudgetColumns, { metadata: { name: "x" }, spec: { maxUnavailable: 1 } })).toMatchObject({ "MIN AVAILABLE": "N/A", "MAX UNAVAILABLE": "1", "ALLOWED DISRUPTIONS": 0 });
  });

  it("prints leases and priority classes", () => {
    expect(cells(misc.leaseColumns, { metadata: { name: "worker-1", creationTimestamp: ago(30) }, spec: { holderIdentity: "worker-1", leaseDurationSeconds: 40 } })).toEqual(["worker-1", "worker-1", "30s"]);
    expect(row(misc.leaseColumns, { metadata: { name: "l" }, spec: {} }).HOLDER).toBe("");
    const pc = { metadata: { name: "system-node-critical", creationTimestamp: ago(86400) }, value: 2000001000, preemptionPolicy: "PreemptLowerPriority" };
    expect(cells(misc.priorityClassColumns, pc)).toEqual(["system-node-critical", 2000001000, false, "24h", "PreemptLowerPriority"]);
    expect(misc.priorityClassColumns.map((c) => c.priority)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("certificates, node, apiregistration", () => {
  it("prints CSRs with age second and a combined condition", () => {
    const csr = {
      metadata: { name: "csr-abc", creationTimestamp: ago(90) },
      spec: { signerName: "kubernetes.io/kube-apiserver-client-kubelet", username: "system:node:worker-1", expirationSeconds: 86400 },
      status: { conditions: [{ type: "Approved", status: "True" }], certificate: "LS0tLS1CRUdJTi..." },
    };
    expect(cells(misc.certificateSigningRequestColumns, csr)).toEqual(["csr-abc", "90s", "kubernetes.io/kube-apiserver-client-kubelet", "system:node:worker-1", "24h", "Approved,Issued"]);
    const denied = { metadata: { name: "d" }, spec: {}, status: { conditions: [{ type: "Approved" }, { type: "Denied" }, { type: "Failed" }] } };
    expect(row(misc.certificateSigningRequestColumns, denied)).toMatchObject({ SIGNERNAME: "<none>", REQUESTEDDURATION: "<none>", CONDITION: "Denied,Failed" });
    expect(row(misc.certificateSigningRequestColumns, { metadata: { name: "p" }, spec: {} }).CONDITION).toBe("Pending");
  });

  it("prints runtime classes and API services", () => {
    expect(cells(misc.runtimeClassColumns, { metadata: { name: "gvisor", creationTimestamp: ago(5) }, handler: "runsc" })).toEqual(["gvisor", "runsc", "5s"]);
    const local = { metadata: { name: "v1.apps", creationTimestamp: ago(5) }, spec: { group: "apps", version: "v1" }, status: { conditions: [{ type: "Available", status: "True", reason: "Local" }] } };
    expect(cells(misc.apiServiceColumns, local)).toEqual(["v1.apps", "Local", "True", "5s"]);
    const remote = { metadata: { name: "v1beta1.metrics.k8s.io" }, spec: { service: { namespace: "kube-system", name: "metrics-server" } }, status: { conditions: [{ type: "Available", status: "False", reason: "MissingEndpoints" }] } };
    expect(row(misc.apiServiceColumns, remote)).toMatchObject({ SERVICE: "kube-system/metrics-server", AVAILABLE: "False (MissingEndpoints)" });
    expect(row(misc.apiServiceColumns, { metadata: { name: "x" }, spec: {} }).AVAILABLE).toBe("Unknown");
  });
});

describe("rbac", () => {
  it("prints role bindings with subjects when wide", () => {
    const rb = {
      metadata: { name: "devs", creationTimestamp: ago(60) },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
      subjects: [
        { kind: "User", name: "alice" },
        { kind: "Group", name: "devs" },
        { kind: "User", name: "bob" },
        { kind: "ServiceAccount", name: "ci", namespace: "tools" },
      ],
    };
    expect(cells(roleBindingColumns, rb)).toEqual(["devs", "ClusterRole/edit", "60s", "alice, bob", "devs", "tools/ci"]);
    expect(cells(clusterRoleBindingColumns, { metadata: { name: "x" }, roleRef: { kind: "ClusterRole", name: "view" } })).toEqual(["x", "ClusterRole/view", "<unknown>", "", "", ""]);
    expect(clusterRoleBindingColumns[3]!.description).toBe("Users in the clusterRoleBinding");
  });
});

describe("storage.k8s.io", () => {
  it("marks the default storage class and fills upstream's defaults", () => {
    const sc = { metadata: { name: "standard", creationTimestamp: ago(86400 * 30), annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }, provisioner: "rancher.io/local-path", volumeBindingMode: "WaitForFirstConsumer" };
    expect(cells(storage.storageClassColumns, sc)).toEqual(["standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", false, "30d"]);
    expect(row(storage.storageClassColumns, { metadata: { name: "fast" }, provisioner: "p", reclaimPolicy: "Retain", allowVolumeExpansion: true })).toMatchObject({ NAME: "fast", RECLAIMPOLICY: "Retain", VOLUMEBINDINGMODE: "Immediate", ALLOWVOLUMEEXPANSION: true });
  });

  it("prints CSI drivers, nodes, attachments and capacities", () => {
    const drv = { metadata: { name: "csi.example.com", creationTimestamp: ago(5) }, spec: { podInfoOnMount: true, tokenRequests: [{ audience: "vault" }, { audience: "" }], volumeLifecycleModes: ["Persistent", "Ephemeral"] } };
    expect(cells(storage.csiDriverColumns, drv)).toEqual(["csi.example.com", true, true, false, "vault,", false, "Persistent,Ephemeral", "5s"]);
    expect(row(storage.csiDriverColumns, { metadata: { name: "d" }, spec: { attachRequired: false } })).toMatchObject({ ATTACHREQUIRED: false, TOKENREQUESTS: "<unset>", MODES: "<none>" });
    expect(cells(storage.csiNodeColumns, { metadata: { name: "worker-1", creationTimestamp: ago(5) }, spec: { drivers: [{ name: "a" }] } })).toEqual(["worker-1", 1, "5s"]);
    const va = { metadata: { name: "csi-123", creationTimestamp: ago(5) }, spec: { attacher: "csi.example.com", nodeName: "worker-1", source: { persistentVolumeName: "pv-1" } }, status: { attached: true } };
    expect(cells(storage.volumeAttachmentColumns, va)).toEqual(["csi-123", "csi.example.com", "pv-1", "worker-1", true, "5s"]);
    expect(storage.volumeAttachmentColumns[1]!.format).toBe("name");
    expect(cells(storage.csiStorageCapacityColumns, { metadata: { name: "cap" }, storageClassName: "fast", capacity: "1073741824" })).toEqual(["cap", "fast", "1073741824"]);
    expect(row(storage.csiStorageCapacityColumns, { metadata: { name: "cap" }, storageClassName: "fast" }).CAPACITY).toBe("<unset>");
  });
});

describe("admissionregistration and flowcontrol", () => {
  it("prints webhook configurations, policies and bindings", () => {
    expect(cells(adm.validatingWebhookColumns, { metadata: { name: "gatekeeper", creationTimestamp: ago(5) }, webhooks: [{}, {}] })).toEqual(["gatekeeper", 2, "5s"]);
    const vap = { metadata: { name: "replicas", creationTimestamp: ago(5) }, spec: { paramKind: { apiVersion: "v1", kind: "ConfigMap" }, validations: [{ expression: "true" }] } };
    expect(cells(adm.validatingAdmissionPolicyColumns, vap)).toEqual(["replicas", 1, "v1/ConfigMap", "5s"]);
    const vapb = (paramRef?: object) => ({ metadata: { name: "b" }, spec: { policyName: "replicas", paramRef } });
    expect(row(adm.validatingAdmissionPolicyBindingColumns, vapb()).PARAMREF).toBe("<unset>");
    expect(row(adm.validatingAdmissionPolicyBindingColumns, vapb({ name: "limits", namespace: "prod" })).PARAMREF).toBe("prod/limits");
    expect(row(adm.validatingAdmissionPolicyBindingColumns, vapb({ name: "limits" })).PARAMREF).toBe("*/limits");
    const bySelector = vapb({ selector: { matchLabels: { tier: "x", app: "y" }, matchExpressions: [{ key: "env", operator: "In", values: ["a", "b"] }] } });
    expect(row(adm.validatingAdmissionPolicyBindingColumns, bySelector).PARAMREF).toBe(
      "&LabelSelector{MatchLabels:map[string]string{app: y,tier: x,},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:env,Operator:In,Values:[a b],},},}",
    );
  });

  it("prints flow schemas and priority levels", () => {
    const fs = { metadata: { name: "exempt", creationTimestamp: ago(5) }, spec: { priorityLevelConfiguration: { name: "exempt" }, matchingPrecedence: 1 }, status: { conditions: [{ type: "Dangling", status: "False" }] } };
    expect(cells(adm.flowSchemaColumns, fs)).toEqual(["exempt", "exempt", 1, "<none>", "5s", "False"]);
    expect(row(adm.flowSchemaColumns, { metadata: { name: "x" }, spec: { distinguisherMethod: { type: "ByUser" } } })).toMatchObject({ DISTINGUISHERMETHOD: "ByUser", MISSINGPL: "?" });
    const plc = { metadata: { name: "workload-low", creationTimestamp: ago(5) }, spec: { type: "Limited", limited: { nominalConcurrencyShares: 100, limitResponse: { type: "Queue", queuing: { queues: 128, handSize: 6, queueLengthLimit: 50 } } } } };
    expect(cells(adm.priorityLevelColumns, plc)).toEqual(["workload-low", "Limited", 100, 128, 6, 50, "5s"]);
    expect(cells(adm.priorityLevelColumns, { metadata: { name: "exempt" }, spec: { type: "Exempt", exempt: {} } })).toEqual(["exempt", "Exempt", "<none>", "<none>", "<none>", "<none>", "<unknown>"]);
  });
});
