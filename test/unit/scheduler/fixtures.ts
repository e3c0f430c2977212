// Hand-built nodes and pods for scheduler tests, in the spirit of upstream's st.MakeNode/MakePod.

import type { KubeObject } from "../../../src/api/object";
import { CycleState, type Plugin, type Status } from "../../../src/scheduler/framework";
import type { Taint, Toleration } from "../../../src/scheduler/helpers/taints";
import { NodeInfo } from "../../../src/scheduler/node-info";
import { podInfo } from "../../../src/scheduler/pod-info";
import { Snapshot } from "../../../src/scheduler/snapshot";

export interface NodeOpts {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
  extra?: Record<string, string>;
  zone?: string;
}

export function makeNode(name: string, o: NodeOpts = {}): KubeObject {
  const labels = { "kubernetes.io/hostname": name, ...(o.zone ? { "topology.kubernetes.io/zone": o.zone } : {}), ...o.labels };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels, resourceVersion: "1" },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: o.cpu ?? "4", memory: o.memory ?? "8Gi", pods: String(o.pods ?? 110), ...o.extra },
      images: o.images ?? [],
    },
  };
}

export interface PodOpts {
  ns?: string;
  cpu?: string;
  memory?: string;
  requests?: Record<string, string>;
  node?: string;
  labels?: Record<string, string>;
  tolerations?: Toleration[];
  nodeSelector?: Record<string, string>;
  affinity?: Record<string, unknown>;
  spread?: Record<string, unknown>[];
  hostPorts?: { hostPort: number; protocol?: string; hostIP?: string }[];
  initContainers?: Record<string, unknown>[];
  image?: string;
  owner?: { kind: string; uid: string };
  spec?: Record<string, unknown>;
}

export function makePod(name: string, o: PodOpts = {}): KubeObject {
  const requests = { ...(o.cpu ? { cpu: o.cpu } : {}), ...(o.memory ? { memory: o.memory } : {}), ...o.requests };
  const container = {
    name: "c",
    image: o.image ?? "busybox",
    resources: Object.keys(requests).length ? { requests } : {},
    ...(o.hostPorts ? { ports: o.hostPorts.map((p) => ({ containerPort: p.hostPort, ...p })) } : {}),
  };
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: o.ns ?? "default",
      uid: `uid-${name}`,
      resourceVersion: "1",
      labels: o.labels ?? {},
      ...(o.owner ? { ownerReferences: [{ apiVersion: "apps/v1", kind: o.owner.kind, name: "owner", uid: o.owner.uid, controller: true }] } : {}),
    },
    spec: {
      containers: [container],
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...(o.node ? { nodeName: o.node } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.affinity ? { affinity: o.affinity } : {}),
      ...(o.spread ? { topologySpreadConstraints: o.spread } : {}),
      ...o.spec,
    },
    status: { phase: o.node ? "Running" : "Pending" },
  };
}

/** A NodeInfo holding `pods` (their nodeName is ignored). */
export function nodeInfo(node: KubeObject, pods: KubeObject[] = []): NodeInfo {
  const info = new NodeInfo(node.metadata.name!);
  info.setNode(node);
  for (const p of pods) info.addPod(podInfo(p));
  return info;
}

/** A snapshot of nodes and the pods bound to them (by spec.nodeName). */
export function snapshotOf(nodes: KubeObject[], pods: KubeObject[] = []): Snapshot {
  const s = new Snapshot();
  for (const n of nodes) s.setNode(n);
  for (const p of pods) s.setPod(p);
  return s;
}

export { podInfo };


/** PreFilter then Filter on every node: node name → rejection (undefined = fits). */
export function filterAll(plugin: Plugin, pod: KubeObject, nodes: KubeObject[], pods: KubeObject[] = []): Record<string, Status | undefined> {
  const snap = snapshotOf(nodes, pods);
  const state = new CycleState();
  const pi = podInfo(pod);
  const pre = plugin.preFilter?.(pi, snap, state);
  const out: Record<string, Status | undefined> = {};
  for (const n of snap.list()) out[n.name] = pre?.skip ? undefined : plugin.filter!(pi, n, state);
  return out;
}

/** PreScore, Score and NormalizeScore over every node: node name → score ("skip" if skipped). */
export function scoreAll(plugin: Plugin, pod: KubeObject, nodes: KubeObject[], pods: KubeObject[] = []): Record<string, number> | "skip" {
  const snap = snapshotOf(nodes, pods);
  const state = new CycleState();
  const pi = podInfo(pod);
  const feasible = snap.list();
  if (plugin.preScore?.(pi, feasible, snap, state) === "skip") return "skip";
  const scores = feasible.map((n) => plugin.score!(pi, n, state));
  plugin.normalize?.(scores, feasible, state);
  return Object.fromEntries(feasible.map((n, i) => [n.name, scores[i]!]));
}
