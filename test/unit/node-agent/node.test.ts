import { describe, expect, it } from "vitest";
import { nodeObject, nodeStatus, shouldPostStatus, statusChanged, type NodeConfig } from "../../../src/node-agent/node";

const cfg: NodeConfig = {
  name: "n1",
  internalIP: "10.0.0.1",
  capacity: { cpu: "8", memory: "32Gi", pods: "110", "ephemeral-storage": "100Gi" },
  kubeletVersion: "v1.32.0-kubeflare",
  containerRuntimeVersion: "fake://1.0",
};
const T = Date.parse("2026-01-02T15:04:05Z");

describe("nodeObject", () => {
  it("registers with a kubelet's labels, capacity, addresses and conditions", () => {
    const node = nodeObject({ ...cfg, podCIDR: "10.244.3.0/24" }, T);
    expect(node.metadata.labels).toMatchObject({
      "kubernetes.io/hostname": "n1",
      "kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "node.kubernetes.io/instance-type": "kubeflare-fake",
    });
    expect(node.spec).toEqual({ podCIDR: "10.244.3.0/24", podCIDRs: ["10.244.3.0/24"] });
    expect(node.status.allocatable).toEqual(cfg.capacity);
    expect(node.status.addresses).toEqual([{ type: "InternalIP", address: "10.0.0.1" }, { type: "Hostname", address: "n1" }]);
    expect(node.status.nodeInfo).toMatchObject({ kubeletVersion: "v1.32.0-kubeflare", containerRuntimeVersion: "fake://1.0", operatingSystem: "linux" });
    expect(node.status.conditions.map((c: any) => [c.type, c.status, c.reason])).toEqual([
      ["MemoryPressure", "False", "KubeletHasSufficientMemory"],
      ["DiskPressure", "False", "KubeletHasNoDiskPressure"],
      ["PIDPressure", "False", "KubeletHasSufficientPID"],
      ["Ready", "True", "KubeletReady"],
    ]);
    expect(node.status.conditions[3].message).toBe("kubelet is posting ready status");
  });

  it("leaves spec empty when the podCIDR comes from an IPAM controller", () => {
    expect(nodeObject(cfg, T).spec).toEqual({});
  });
});

describe("node status heartbeats", () => {
  it("keeps transition times and moves heartbeat times", () => {
    const first = nodeStatus(cfg, T);
    const later = nodeStatus(cfg, T + 60_000, first);
    expect(later.conditions[3].lastTransitionTime).toBe("2026-01-02T15:04:05Z");
    expect(later.conditions[3].lastHeartbeatTime).toBe("2026-01-02T15:05:05Z");
    expect(statusChanged(first, later)).toBe(false);
  });

  it("sees a real change", () => {
    const first = nodeStatus(cfg, T);
    expect(statusChanged(first, nodeStatus({ ...cfg, capacity: { ...cfg.capacity, pods: "10" } }, T))).toBe(true);
    expect(statusChanged(undefined, first)).toBe(true);
  });

  it("posts on change, first time, or once per report interval", () => {
    expect(shouldPostStatus(T, undefined, 60_000, false)).toBe(true);
    expect(shouldPostStatus(T + 10_000, T, 60_000, false)).toBe(false);
    expect(shouldPostStatus(T + 10_000, T, 60_000, true)).toBe(true);
    expect(shouldPostStatus(T + 60_000, T, 60_000, false)).toBe(true);
  });
});
