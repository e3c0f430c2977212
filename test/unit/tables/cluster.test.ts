import { describe, expect, it } from "vitest";
import * as core from "../../../src/api/tables/core";
import { eventColumns } from "../../../src/api/tables/event";
import { nodeColumns } from "../../../src/api/tables/node";
import { ago, cells, row } from "./helpers";

describe("nodes", () => {
  const node = (extra: { labels?: Record<string, string>; spec?: object; conditions?: object[] } = {}) => ({
    metadata: { name: "worker-1", creationTimestamp: ago(86400 * 12), labels: extra.labels ?? {} },
    spec: extra.spec ?? {},
    status: {
      conditions: extra.conditions ?? [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: "True" }],
      addresses: [{ type: "InternalIP", address: "192.168.1.10" }, { type: "Hostname", address: "worker-1" }],
      nodeInfo: { kubeletVersion: "v1.32.2", osImage: "Ubuntu 24.04 LTS", kernelVersion: "6.8.0-45-generic", containerRuntimeVersion: "containerd://1.7.22" },
    },
  });

  it("prints a ready worker, wide columns included", () => {
    expect(cells(nodeColumns, node())).toEqual([
      "worker-1", "Ready", "<none>", "12d", "v1.32.2", "192.168.1.10", "<none>", "Ubuntu 24.04 LTS", "6.8.0-45-generic", "containerd://1.7.22",
    ]);
  });

  it("prints cordoned, not-ready and unknown nodes", () => {
    expect(row(nodeColumns, node({ spec: { unschedulable: true } })).STATUS).toBe("Ready,SchedulingDisabled");
    expect(row(nodeColumns, node({ conditions: [{ type: "Ready", status: "Unknown" }] })).STATUS).toBe("NotReady");
    expect(row(nodeColumns, node({ conditions: [], spec: { unschedulable: true } })).STATUS).toBe("Unknown,SchedulingDisabled");
  });

  it("derives roles from node-role labels and the legacy role label, sorted", () => {
    const labels = { "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/": "x", "kubernetes.io/role": "gpu" };
    expect(row(nodeColumns, node({ labels })).ROLES).toBe("control-plane,gpu,worker");
  });

  it("prints <unknown> system info when a node has not reported it", () => {
    expect(row(nodeColumns, { metadata: { name: "n" } })).toMatchObject({ VERSION: "", "INTERNAL-IP": "<none>", "OS-IMAGE": "<unknown>", "CONTAINER-RUNTIME": "<unknown>" });
  });
});

describe("events", () => {
  const coreEvent = {
    metadata: { name: "web-0.17e1f2a3b4c5d6e7", namespace: "default", creationTimestamp: ago(600) },
    involvedObject: { kind: "Pod", name: "web-0", namespace: "default", fieldPath: "spec.containers{app}" },
    reason: "BackOff",
    message: "Back-off restarting failed container app in pod web-0\n",
    source: { component: "kubelet", host: "worker-1" },
    firstTimestamp: ago(600),
    lastTimestamp: ago(20),
    count: 12,
    type: "Warning",
  };

  it("puts LAST SEEN first and Name last (wide)", () => {
    expect(eventColumns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Last Seen:0", "Type:0", "Reason:0", "Object:0", "Subobject:1", "Source:1", "Message:0", "First Seen:1", "Count:1", "Name:1",
    ]);
    expect(eventColumns.at(-1)!.format).toBe("name");
  });

  it("prints a core/v1 event", () => {
    expect(cells(eventColumns, coreEvent)).toEqual([
      "20s", "Warning", "BackOff", "pod/web-0", "spec.containers{app}", "kubelet, worker-1",
      "Back-off restarting failed container app in pod web-0", "10m", 12, "web-0.17e1f2a3b4c5d6e7",
    ]);
  });

  it("prints an events.k8s.io event with a series the same way", () => {
    const ev = {
      metadata: { name: "web.1", creationTimestamp: ago(300) },
      regarding: { kind: "Deployment", name: "web" },
      note: "Scaled up replica set web-5d8f to 3",
      reason: "ScalingReplicaSet",
      type: "Normal",
      eventTime: "2024-06-01T11:55:00.000000Z",
      series: { count: 4, lastObservedTime: "2024-06-01T11:59:15.123456Z" },
      reportingController: "deployment-controller",
      reportingInstance: "",
    };
    expect(cells(eventColumns, ev)).toEqual([
      "44s", "Normal", "ScalingReplicaSet", "deployment/web", "", "deployment-controller", "Scaled up replica set web-5d8f to 3", "5m", 4, "web.1",
    ]);
  });

  it("falls back to first seen, count 1 and a kind-only object", () => {
    const ev = { metadata: { name: "n.1" }, involvedObject: { kind: "Node" }, eventTime: ago(90), reportingComponent: "kubelet", reportingInstance: "worker-1" };
    expect(row(eventColumns, ev)).toMatchObject({ "LAST SEEN": "90s", OBJECT: "node", SOURCE: "kubelet, worker-1", "FIRST SEEN": "90s", COUNT: 1 });
    expect(row(eventColumns, { metadata: { name: "x" } })["LAST SEEN"]).toBe("<unknown>");
  });
});

describe("config and accounts", () => {
  it("counts config map, secret and service account entries", () => {
    const cm = { metadata: { name: "kube-root-ca.crt", creationTimestamp: ago(3600 * 5) }, data: { "ca.crt": "..." }, binaryData: { "logo.png": "iVBOR" } };
    expect(cells(core.configMapColumns, cm)).toEqual(["kube-root-ca.crt", 2, "5h"]);
    const sec = { metadata: { name: "tls", creationTimestamp: ago(10) }, type: "kubernetes.io/tls", data: { "tls.crt": "x", "tls.key": "y" } };
    expect(cells(core.secretColumns, sec)).toEqual(["tls", "kubernetes.io/tls", 2, "10s"]);
    expect(cells(core.serviceAccountColumns, { metadata: { name: "default", creationTimestamp: ago(10) } })).toEqual(["default", 0, "10s"]);
    expect(row(core.serviceAccountColumns, { metadata: { name: "ci" }, secrets: [{ name: "ci-token" }] }).SECRETS).toBe(1);
  });

  it("prints namespaces and component statuses", () => {
    expect(cells(core.namespaceColumns, { metadata: { name: "kube-system", creationTimestamp: ago(86400 * 40) }, status: { phase: "Active" } })).toEqual([
      "kube-system", "Active", "40d",
    ]);
    expect(row(core.namespaceColumns, { metadata: { name: "old", deletionTimestamp: ago(1) }, status: { phase: "Terminating" } }).STATUS).toBe("Terminating");
    const cs = { metadata: { name: "etcd-0" }, conditions: [{ type: "Healthy", status: "True", message: "ok" }] };
    expect(cells(core.componentStatusColumns, cs)).toEqual(["etcd-0", "Healthy", "ok", ""]);
  });
});

describe("storage and quota", () => {
  it("prints a bound persistent volume and claim", () => {
    const pv = {
      metadata: { name: "pv-1", creationTimestamp: ago(7200) },
      spec: {
        capacity: { storage: "10Gi" }, accessModes: ["ReadWriteMany", "ReadWriteOnce", "ReadWriteOnce"], persistentVolumeReclaimPolicy: "Retain",
        claimRef: { namespace: "default", name: "data" }, storageClassName: "standard", volumeMode: "Filesystem",
      },
      status: { phase: "Bound" },
    };
    expect(cells(core.persistentVolumeColumns, pv)).toEqual(["pv-1", "10Gi", "RWO,RWX", "Retain", "Bound", "default/data", "standard", "<unset>", "", "120m", "Filesystem"]);
    const pvc = {
      metadata: { name: "data", creationTimestamp: ago(7200), annotations: { "volume.beta.kubernetes.io/storage-class": "legacy" } },
      spec: { volumeName: "pv-1", storageClassName: "standard", resources: { requests: { storage: "5Gi" } }, volumeMode: "Block" },
      status: { phase: "Bound", capacity: { storage: "10240Mi" }, accessModes: ["ReadWriteOncePod"] },
    };
    expect(cells(core.persistentVolumeClaimColumns, pvc)).toEqual(["data", "Bound", "pv-1", "10Gi", "RWOP", "legacy", "<unset>", "120m", "Block"]);
  });

  it("prints a pending claim without capacity and a deleted volume as Terminating", () => {
    const pvc = { metadata: { name: "pending" }, spec: { resources: { requests: { storage: "1Gi" } } }, status: { phase: "Pending" } };
    expect(row(core.persistentVolumeClaimColumns, pvc)).toMatchObject({ STATUS: "Pending", VOLUME: "", CAPACITY: "", "ACCESS MODES": "", STORAGECLASS: "", VOLUMEMODE: "<unset>" });
    const pv = { metadata: { name: "gone", deletionTimestamp: ago(3) }, spec: {}, status: { phase: "Released", reason: "Failed" } };
    expect(row(core.persistentVolumeColumns, pv)).toMatchObject({ CAPACITY: "0", STATUS: "Terminating", CLAIM: "", REASON: "Failed" });
  });

  it("splits resource quota usage into requests and limits, sorted, quantities canonical", () => {
    const rq = {
      metadata: { name: "compute", creationTimestamp: ago(60) },
      status: {
        hard: { "requests.cpu": "1", "limits.memory": "2Gi", pods: "10", "limits.cpu": "2000m", "requests.memory": "1024Mi" },
        used: { "requests.cpu": "0.5", "limits.memory": "512Mi", pods: "3", "requests.memory": "0" },
      },
    };
    expect(cells(core.resourceQuotaColumns, rq)).toEqual([
      "compute", "pods: 3/10, requests.cpu: 500m/1, requests.memory: 0/1Gi", "limits.cpu: 0/2, limits.memory: 512Mi/2Gi", "60s",
    ]);
  });
});
