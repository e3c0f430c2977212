// The scheduler's view of the cluster (upstream's cache + snapshot in one): a NodeInfo per node,
// updated one change at a time. Each change reports the cluster events it amounts to, so the
// controller can retry only the pods those events may help.

import type { KubeObject } from "../api/object";
import type { ClusterEvent } from "./framework";
import type { NamespaceLabels } from "./helpers/affinity-terms";
import { NodeInfo } from "./node-info";
import { isTerminal, podInfo, podKey } from "./pod-info";

export class Snapshot {
  private readonly infos = new Map<string, NodeInfo>();
  /** Pod key → the NodeInfo it is accounted on. */
  private readonly homes = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] | undefined;
  /** Image name → how many nodes have it (ImageLocality scales by spread). */
  private readonly imageNodes = new Map<string, number>();
  namespaceLabels: NamespaceLabels = () => undefined;

  static from(nodes: readonly KubeObject[], podsByNode: ReadonlyMap<string, readonly KubeObject[]>): Snapshot {
    const s = new Snapshot();
    for (const n of nodes) s.setNode(n);
    for (const pods of podsByNode.values()) for (const p of pods) s.setPod(p);
    return s;
  }

  /** Nodes that exist, in name order (a stable order makes round-robin and ties deterministic). */
  list(): NodeInfo[] {
    if (!this.sorted) {
      this.sorted = [...this.infos.values()].filter((i) => i.node).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    return this.sorted;
  }

  get(name: string): NodeInfo | undefined {
    const info = this.infos.get(name);
    return info?.node ? info : undefined;
  }

  imageSpread(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  /** The node a pod is accounted on, if any. */
  nodeOf(key: string): string | undefined {
    return this.homes.get(key)?.name;
  }

  setNode(node: KubeObject): ClusterEvent[] {
    const name = node.metadata.name!;
    let info = this.infos.get(name);
    const existed = Boolean(info?.node);
    if (!info) this.infos.set(name, (info = new NodeInfo(name)));
    const before = existed ? { labels: info.labels, taints: info.taints, unsched: info.unschedulable, alloc: info.allocatable } : undefined;
    this.countImages(info, -1);
    info.setNode(node);
    this.countImages(info, 1);
    if (!existed) {
      this.sorted = undefined;
      return [{ resource: "Node", action: "Add" }];
    }
    const events: ClusterEvent[] = [];
    if (!sameRecord(before!.labels, info.labels)) events.push({ resource: "Node", action: "UpdateLabel" });
    // Cordoning is reported as a taint change, as upstream does.
    if (before!.unsched !== info.unschedulable || JSON.stringify(before!.taints) !== JSON.stringify(info.taints)) {
      events.push({ resource: "Node", action: "UpdateTaint" });
    }
    if (!sameRecord(before!.alloc, info.allocatable)) events.push({ resource: "Node", action: "UpdateAllocatable" });
    return events;
  }

  removeNode(name: string): ClusterEvent[] {
    const info = this.infos.get(name);
    if (!info?.node) return [];
    this.countImages(info, -1);
    info.setNode(undefined);
    // Pods bound to a vanished node stay accounted until they go, as upstream keeps them.
    if (info.pods.length === 0) this.infos.delete(name);
    this.sorted = undefined;
    return [{ resource: "Node", action: "Delete" }];
  }

  /** Accounts a pod where it is bound; unbound or finished pods hold nothing. */
  setPod(pod: KubeObject): ClusterEvent[] {
    const key = podKey(pod);
    const nodeName: string | undefined = pod.spec?.nodeName;
    if (!nodeName || isTerminal(pod)) return this.removePod(key);
    const next = podInfo(pod);
    const home = this.homes.get(key);
    if (home?.name === nodeName) {
      const prev = home.pods.find((p) => p.key === key);
      if (prev === next) return [];
      home.removePod(key);
      home.addPod(next);
      // Status churn (phase, conditions, IPs) changes nothing the plugins read: no event.
      if (!prev || !sameRecord(prev.labels, next.labels)) return [{ resource: "AssignedPod", action: "UpdateLabel" }];
      const changed = prev.terminating !== next.terminating || !sameRecord(prev.requests, next.requests);
      return changed ? [{ resource: "AssignedPod", action: "Update" }] : [];
    }
    if (home) this.removePod(key);
    let info = this.infos.get(nodeName);
    if (!info) this.infos.set(nodeName, (info = new NodeInfo(nodeName)));
    info.addPod(next);
    this.homes.set(key, info);
    return [{ resource: "AssignedPod", action: "Add" }];
  }

  removePod(key: string): ClusterEvent[] {
    const home = this.homes.get(key);
    if (!home) return [];
    home.removePod(key);
    this.homes.delete(key);
    if (!home.node && home.pods.length === 0) this.infos.delete(home.name);
    return [{ resource: "AssignedPod", action: "Delete" }];
  }

  private countImages(info: NodeInfo, sign: 1 | -1): void {
    for (const name of info.images.keys()) {
      const n = (this.imageNodes.get(name) ?? 0) + sign;
      if (n > 0) this.imageNodes.set(name, n);
      else this.imageNodes.delete(name);
    }
  }
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
