// NodeInfo, after upstream's framework/types.go: a node plus the aggregate of the pods bound to it
// (requested resources, with and without the non-zero defaults; used host ports; the subsets of
// pods with affinity), kept incrementally so a filter or score is O(1) in the node's pod count.

import type { KubeObject } from "../api/object";
import type { Taint } from "./helpers/taints";
import type { PodInfo } from "./pod-info";
import { addInto, toVector, type ResourceVector } from "./resources";

export class NodeInfo {
  node: KubeObject | undefined;
  allocatable: ResourceVector = {};
  labels: Record<string, string> = {};
  taints: Taint[] = [];
  unschedulable = false;
  /** Image name → size in bytes, from node.status.images. */
  images = new Map<string, number>();

  readonly pods: PodInfo[] = [];
  readonly podsWithAffinity: PodInfo[] = [];
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** Sum of the pods' effective requests. */
  readonly requested: ResourceVector = {};
  /** cpu/memory sums with the non-zero defaults, which LeastAllocated scores against. */
  nonZeroCpu = 0;
  nonZeroMemory = 0;
  /** ip → "protocol/port" → how many pods hold it. */
  readonly usedPorts = new Map<string, Map<string, number>>();
  /** Non-terminating pods per controller uid (default topology spreading's sibling count). */
  readonly ownerCounts = new Map<string, number>();

  constructor(readonly name: string) {}

  setNode(node: KubeObject | undefined): void {
    this.node = node;
    this.allocatable = toVector(node?.status?.allocatable);
    this.labels = node?.metadata.labels ?? {};
    this.taints = node?.spec?.taints ?? [];
    this.unschedulable = Boolean(node?.spec?.unschedulable);
    this.images = new Map();
    for (const image of node?.status?.images ?? []) {
      for (const n of image.names ?? []) this.images.set(n, Number(image.sizeBytes ?? 0));
    }
  }

  get allowedPods(): number {
    return this.allocatable.pods ?? 0;
  }

  addPod(p: PodInfo): void {
    this.pods.push(p);
    if (p.hasPodAffinity) this.podsWithAffinity.push(p);
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity.push(p);
    this.account(p, 1);
  }

  /** Removes the pod with this key; false when it was not here. */
  removePod(key: string): boolean {
    const i = this.pods.findIndex((p) => p.key === key);
    if (i < 0) return false;
    const [p] = this.pods.splice(i, 1);
    dropFrom(this.podsWithAffinity, key);
    dropFrom(this.podsWithRequiredAntiAffinity, key);
    this.account(p!, -1);
    return true;
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    addInto(this.requested, p.requests, sign);
    this.nonZeroCpu += sign * p.nonZeroCpu;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    for (const hp of p.hostPorts) {
      let byIp = this.usedPorts.get(hp.ip);
      if (!byIp) this.usedPorts.set(hp.ip, (byIp = new Map()));
      const pp = `${hp.protocol}/${hp.port}`;
      const n = (byIp.get(pp) ?? 0) + sign;
      if (n > 0) byIp.set(pp, n);
      else byIp.delete(pp);
    }
    if (p.controllerUid && !p.terminating) {
      const n = (this.ownerCounts.get(p.controllerUid) ?? 0) + sign;
      if (n > 0) this.ownerCounts.set(p.controllerUid, n);
      else this.ownerCounts.delete(p.controllerUid);
    }
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every address, and every address with it. */
  portInUse(ip: string, protocol: string, port: number): boolean {
    if (port <= 0) return false;
    const pp = `${protocol}/${port}`;
    if (ip === "0.0.0.0") {
      for (const byIp of this.usedPorts.values()) if (byIp.has(pp)) return true;
      return false;
    }
    return Boolean(this.usedPorts.get(ip)?.has(pp) || this.usedPorts.get("0.0.0.0")?.has(pp));
  }
}

function dropFrom(list: PodInfo[], key: string): void {
  const i = list.findIndex((p) => p.key === key);
  if (i >= 0) list.splice(i, 1);
}
