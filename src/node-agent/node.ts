// The Node a kubelet registers and the status it posts: capacity, labels, addresses, nodeInfo and the
// four conditions. Pure: the wiring decides when to write (shouldPostStatus).
import type { KubeObject } from "../api/object";
import { rfc3339 } from "./clock";
import { deepEqual } from "./equal";

export interface NodeConfig {
  name: string;
  internalIP: string;
  capacity: Record<string, string>;
  labels?: Record<string, string>;
  /** Set at registration only when the agent allocates pod CIDRs itself. */
  podCIDR?: string;
  kubeletVersion: string;
  containerRuntimeVersion: string;
}

export function nodeLabels(cfg: NodeConfig): Record<string, string> {
  return {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": cfg.name,
    "kubernetes.io/os": "linux",
    "node.kubernetes.io/instance-type": "kubeflare-fake",
    ...cfg.labels,
  };
}

export function nodeObject(cfg: NodeConfig, now: number): KubeObject {
  const spec: Record<string, unknown> = {};
  if (cfg.podCIDR) {
    spec.podCIDR = cfg.podCIDR;
    spec.podCIDRs = [cfg.podCIDR];
  }
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: cfg.name, labels: nodeLabels(cfg), annotations: { "node.alpha.kubernetes.io/ttl": "0" } },
    spec,
    status: nodeStatus(cfg, now),
  };
}

const CONDITIONS: [type: string, status: string, reason: string, message: string][] = [
  ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
];

/** A condition keeps its lastTransitionTime while its status stays the same, as upstream. */
export function nodeStatus(cfg: NodeConfig, now: number, previous?: KubeObject["status"]): Record<string, any> {
  const before = new Map<string, any>((previous?.conditions ?? []).map((c: any) => [c.type, c]));
  const conditions = CONDITIONS.map(([type, status, reason, message]) => {
    const old = before.get(type);
    const lastTransitionTime = old?.status === status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(now);
    return { type, status, lastHeartbeatTime: rfc3339(now), lastTransitionTime, reason, message };
  });
  return {
    capacity: cfg.capacity,
    allocatable: cfg.capacity,
    conditions,
    addresses: [
      { type: "InternalIP", address: cfg.internalIP },
      { type: "Hostname", address: cfg.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: "",
      systemUUID: "",
      bootID: "",
      kernelVersion: "fake",
      osImage: "kubeflare fake node",
      containerRuntimeVersion: cfg.containerRuntimeVersion,
      kubeletVersion: cfg.kubeletVersion,
      kubeProxyVersion: "",
      operatingSystem: "linux",
      architecture: "amd64",
    },
  };
}

/** Whether two statuses differ in anything but heartbeat times (a real change is posted at once). */
export function statusChanged(a: Record<string, any> | undefined, b: Record<string, any>): boolean {
  const strip = (s: Record<string, any> | undefined) => ({ ...s, conditions: (s?.conditions ?? []).map(({ lastHeartbeatTime: _h, ...c }: any) => c) });
  return !deepEqual(strip(a), strip(b));
}

/** Post on change, else once per report interval (kubelet's nodeStatusReportFrequency). */
export function shouldPostStatus(now: number, lastPost: number | undefined, reportIntervalMs: number, changed: boolean): boolean {
  return changed || lastPost === undefined || now - lastPost >= reportIntervalMs;
}
