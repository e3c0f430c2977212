// startAgent: one process runs one node, or N simulated ones (`<name>-0 … <name>-(N-1)`) sharing one
// connection, one Node watch and one Pod watch, as kwok does, so scale tests need few sockets.
import { hostname } from "node:os";
import type { KubeObject } from "../api/object";
import { Informer, KubeClient, resources, type FetchLike } from "../client";
import { realClock, type Clock } from "./clock";
import { NodeHeartbeat } from "./heartbeat";
import { nodeFetch } from "./http";
import { IpPool, formatIp, parseIp, pickPodCidr } from "./ipam";
import { defaultKubeconfigPath, loadKubeconfig, type Connection } from "./kubeconfig";
import { PodSync, type NodeRuntime } from "./pods";

export interface AgentOptions {
  /** Where to connect: a kubeconfig path, or an explicit connection (tests). */
  kubeconfig?: string;
  connection?: Connection;
  nodeName?: string;
  /** Simulate this many nodes named `<nodeName>-<i>`; without it, one node named `nodeName`. */
  nodes?: number;
  runtime?: "fake";
  /** Without an IPAM controller: give each new node a free 10.244.<n>.0/24 ourselves. */
  allocatePodCidr?: boolean;
  jobDurationMs?: number;
  leaseSeconds?: number;
  heartbeatMs?: number;
  statusReportMs?: number;
  maxGraceMs?: number;
  capacity?: Record<string, string>;
  /** InternalIP of the first node; the others count up from it. */
  nodeIP?: string;
  log?: (line: string) => void;
  clock?: Clock;
}

export interface Agent {
  nodes: string[];
  client: KubeClient;
  stop(): Promise<void>;
}

export const DEFAULT_CAPACITY = { cpu: "8", memory: "32Gi", pods: "110", "ephemeral-storage": "100Gi" };
export const KUBELET_VERSION = "v1.32.0-kubeflare";

export function nodeNames(name: string, count?: number): string[] {
  return count === undefined ? [name] : Array.from({ length: count }, (_, i) => `${name}-${i}`);
}

export async function startAgent(o: AgentOptions = {}): Promise<Agent> {
  if ((o.runtime ?? "fake") !== "fake") throw new Error(`runtime ${o.runtime} is not supported yet (only "fake")`);
  const log = o.log ?? ((line: string) => console.log(`${new Date().toISOString()} ${line}`));
  const clock = o.clock ?? realClock;
  const conn = o.connection ?? loadKubeconfig(o.kubeconfig ?? defaultKubeconfigPath());
  const http = nodeFetch(conn);
  const client = new KubeClient({ server: conn.server, fetch: http.fetch as FetchLike, token: conn.token, userAgent: `kubeflare-agent/${KUBELET_VERSION}` });
  const names = nodeNames(o.nodeName ?? hostname().toLowerCase(), o.nodes);
  const single = names.length === 1 ? names[0] : undefined;
  const firstIP = parseIp(o.nodeIP ?? "10.0.0.1");
  const runtimes = new Map<string, NodeRuntime>(names.map((name, i) => [name, { name, hostIP: formatIp(firstIP + i) }]));
  const onError = (e: unknown) => log(`watch: ${e instanceof Error ? e.message : String(e)}`);

  // Our nodes only: one by name, or all nodes filtered here (a selector cannot name a set of names).
  const nodeInformer = new Informer(client, resources.nodes, { fieldSelector: single && `metadata.name=${single}`, onError });
  const podInformer = new Informer(client, resources.pods, { fieldSelector: single ? `spec.nodeName=${single}` : "spec.nodeName!=", resyncMs: 60_000, onError });
  const pods = new PodSync({
    client,
    pods: podInformer,
    nodes: runtimes,
    cfg: { jobDurationMs: o.jobDurationMs ?? 1000, maxGraceMs: o.maxGraceMs ?? 1000 },
    clock,
    log,
  });
  const learnCidr = (node: KubeObject) => {
    const rt = runtimes.get(node.metadata.name!);
    const cidr: unknown = node.spec?.podCIDR;
    if (!rt || typeof cidr !== "string" || !cidr || rt.pool?.cidr === cidr) return;
    try {
      rt.pool = new IpPool(cidr);
    } catch (e) {
      log(`node ${rt.name}: podCIDR ${cidr} unusable: ${(e as Error).message}`);
      return;
    }
    pods.enqueueNode(rt.name);
  };
  nodeInformer.on({ add: learnCidr, update: (_o, n) => learnCidr(n) });

  const cidrs = o.allocatePodCidr ? await planPodCidrs(client, names) : new Map<string, string>();
  const heartbeat = { leaseSeconds: o.leaseSeconds ?? 40, heartbeatMs: o.heartbeatMs ?? 10_000, statusReportMs: o.statusReportMs ?? 60_000 };
  const beats = [...runtimes.values()].map((rt) => new NodeHeartbeat(client, {
    name: rt.name,
    internalIP: rt.hostIP,
    capacity: { ...DEFAULT_CAPACITY, ...o.capacity },
    podCIDR: cidrs.get(rt.name),
    kubeletVersion: KUBELET_VERSION,
    containerRuntimeVersion: "fake://1.0",
  }, heartbeat, clock, log));
  const stop = async () => {
    await Promise.all(beats.map((b) => b.stop()));
    await Promise.all([nodeInformer.stop(), podInformer.stop()]);
    await pods.stop();
    await http.close();
  };
  try {
    // A few registrations at a time: many simulated nodes come up quickly without a burst of hundreds.
    await inBatches(beats, 8, async (hb) => learnCidr(await hb.register()));
    await nodeInformer.start();
    await podInformer.start();
  } catch (e) {
    await stop();
    throw e;
  }
  for (const hb of beats) hb.start();
  return { nodes: names, client, stop };
}

/** podCIDRs for those of our nodes that have none yet: the lowest /24s no Node uses. */
async function planPodCidrs(client: KubeClient, names: string[]): Promise<Map<string, string>> {
  const nodes = (await client.list(resources.nodes)).items;
  const used = new Set<string>(nodes.map((n) => n.spec?.podCIDR).filter(Boolean));
  const have = new Set(nodes.filter((n) => n.spec?.podCIDR).map((n) => n.metadata.name));
  const plan = new Map<string, string>();
  for (const name of names) {
    if (have.has(name)) continue;
    const cidr = pickPodCidr(used);
    used.add(cidr);
    plan.set(name, cidr);
  }
  return plan;
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}
