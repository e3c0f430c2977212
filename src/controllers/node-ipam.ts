// Node IPAM, upstream's range allocator (pkg/controller/nodeipam/ipam/range_allocator.go): each
// Node without one gets a pod CIDR carved from the cluster CIDR, which the node agent's bridge CNI
// and host-gw routes use. The blocks in use are read from the Nodes themselves, so a deleted
// Node's block is free again and no allocation state needs storing. The lowest free block is
// chosen (upstream rotates from the last one it gave; either never reuses a block in use).
import type { KubeObject } from "../api/object";
import { formatIPv4, mustParseCIDR, parseCIDR, type CIDR } from "./ipv4";
import { eventAction, type Cache, type Controller } from "./types";

export const NODES = "nodes";

export interface NodeIpamOptions {
  /** --cluster-cidr */
  clusterCIDR?: string;
  /** --node-cidr-mask-size */
  nodeCIDRMaskSize?: number;
}

function podCIDRs(node: KubeObject): string[] {
  const list: unknown[] = node.spec?.podCIDRs ?? [];
  const all = list.filter((c): c is string => typeof c === "string" && c !== "");
  if (all.length === 0 && node.spec?.podCIDR) all.push(node.spec.podCIDR);
  return all;
}

/** Block indexes taken by any node's CIDR that overlaps the cluster range (whatever its size). */
function usedBlocks(nodes: KubeObject[], cluster: CIDR, blockSize: number): Set<number> {
  const used = new Set<number>();
  for (const node of nodes) {
    for (const text of podCIDRs(node)) {
      const c = parseCIDR(text);
      if (!c) continue;
      const start = Math.max(c.base, cluster.base);
      const end = Math.min(c.base + c.size, cluster.base + cluster.size);
      for (let b = start; b < end; b += blockSize) used.add(Math.floor((b - cluster.base) / blockSize));
    }
  }
  return used;
}

/** Nodes still waiting for a block: a deleted node's block may serve them now. */
function waiting(cache: Cache): string[] {
  return cache.list(NODES).filter((n) => !n.metadata.deletionTimestamp && podCIDRs(n).length === 0).map((n) => n.metadata.name!);
}

export function nodeIpamController(opts: NodeIpamOptions = {}): Controller {
  const cluster = mustParseCIDR(opts.clusterCIDR ?? "10.244.0.0/16");
  const mask = opts.nodeCIDRMaskSize ?? 24;
  if (!Number.isInteger(mask) || mask < cluster.prefix || mask > 32) throw new Error(`node CIDR mask /${mask} does not fit in ${cluster.text}`);
  const blockSize = 2 ** (32 - mask);
  const blocks = cluster.size / blockSize;
  // Nodes already told the range is full: the event is not repeated at every node status update.
  const warned = new Set<string>();
  return {
    name: "nodeipam",
    watches: [{ resource: NODES, keys: (node, cache) => (cache.get(NODES, undefined, node.metadata.name!) ? [node.metadata.name!] : waiting(cache)) }],
    reconcile(name, cache, now) {
      const node = cache.get(NODES, undefined, name);
      if (!node || node.metadata.deletionTimestamp || podCIDRs(node).length > 0) {
        warned.delete(name);
        return { actions: [] };
      }
      const used = usedBlocks(cache.list(NODES), cluster, blockSize);
      let free = 0;
      while (free < blocks && used.has(free)) free++;
      if (free >= blocks) {
        if (warned.has(name)) return { actions: [] };
        warned.add(name);
        return { actions: [eventAction(node, "Normal", "CIDRNotAvailable", `Node ${name} status is now: CIDRNotAvailable`, "cidrAllocator", now)] };
      }
      warned.delete(name);
      const cidr = `${formatIPv4(cluster.base + free * blockSize)}/${mask}`;
      // No resourceVersion: kubelet status writes would make it conflict, and a podCIDR, once set, is immutable anyway.
      const patch = { spec: { podCIDR: cidr, podCIDRs: [cidr] } };
      return { actions: [{ verb: "patch", resource: NODES, name, patchType: "merge", patch }] };
    },
  };
}
