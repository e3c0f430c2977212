// Thin wiring around the pure fake runtime: pod events enqueue keys; a sync re-reads the pod from the
// informer, plays the due stages, writes status through pods/status and deletes finished pods.
import type { KubeObject } from "../api/object";
import { isNotFound, isConflict, resources, type Informer, type KubeClient } from "../client";
import type { Clock } from "./clock";
import { deepEqual } from "./equal";
import type { IpPool } from "./ipam";
import { KeyQueue } from "./queue";
import type { FakeConfig, PodRecord } from "./fake/stages";
import { adopt, releasesIp, syncPod, wantsIp } from "./fake/sync";

/** What the pod sync needs to know about one simulated node. */
export interface NodeRuntime {
  name: string;
  hostIP: string;
  /** Present once the node has a podCIDR; pods wait for an address until then. */
  pool?: IpPool;
}

export interface PodSyncDeps {
  client: KubeClient;
  pods: Informer;
  nodes: Map<string, NodeRuntime>;
  cfg: FakeConfig;
  clock: Clock;
  log: (line: string) => void;
}

const keyOf = (p: KubeObject) => `${p.metadata.namespace}/${p.metadata.name}`;

export class PodSync {
  private readonly records = new Map<string, PodRecord>();
  /** Our last status write per pod and the resourceVersion it was based on (skips repeats until the watch catches up). */
  private readonly written = new Map<string, { rv?: string; status: Record<string, unknown> }>();
  private readonly timers = new Map<string, unknown>();
  private readonly retries = new Map<string, number>();
  private readonly queue = new KeyQueue((key) => this.sync(key), 16);

  constructor(private readonly d: PodSyncDeps) {
    const enqueue = (p: KubeObject) => this.queue.add(keyOf(p));
    d.pods.on({ add: enqueue, update: (_o, p) => enqueue(p), delete: enqueue });
  }

  /** Re-syncs a node's pods (its podCIDR arrived, so waiting pods can get addresses). */
  enqueueNode(node: string): void {
    for (const p of this.d.pods.list()) if (p.spec?.nodeName === node) this.queue.add(keyOf(p));
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  async stop(): Promise<void> {
    for (const t of this.timers.values()) this.d.clock.clearTimeout(t);
    this.timers.clear();
    await this.queue.stop();
  }

  private async sync(key: string): Promise<void> {
    const { clock, client, cfg } = this.d;
    const [namespace, name] = key.split("/") as [string, string];
    const pod = this.d.pods.get(name, namespace);
    const node = pod && this.d.nodes.get(pod.spec?.nodeName);
    let rec = this.records.get(key);
    if (!pod || !node || (rec && rec.uid !== pod.metadata.uid)) this.forget(key);
    if (!pod || !node) return;
    const now = clock.now();
    rec = this.records.get(key) ?? this.adopted(pod, node, now);
    if (wantsIp(pod, rec) && node.pool) {
      const ip = node.pool.allocate(rec.uid);
      if (ip) rec = { ...rec, ip };
      else this.d.log(`${node.name}: no free pod IP in ${node.pool.cidr} for ${key}`);
    }
    const result = syncPod(pod, rec, now, cfg, node.hostIP);
    this.records.set(key, result.record);
    if (releasesIp(result.record)) node.pool?.release(rec.uid);
    for (const event of result.events) {
      const ip = event === "started" ? ` (${pod.spec?.hostNetwork ? node.hostIP : result.record.ip})` : "";
      this.d.log(`${node.name}: pod ${key} ${event}${ip}`);
    }
    try {
      await this.write(pod, result.status, result.delete);
      this.retries.delete(key);
      this.schedule(key, result.wakeAt, now);
    } catch (e) {
      if (result.delete) this.records.set(key, { ...result.record, deleteSent: false });
      const n = (this.retries.get(key) ?? 0) + 1;
      this.retries.set(key, n);
      this.d.log(`${node.name}: pod ${key}: ${e instanceof Error ? e.message : String(e)} (retry ${n})`);
      this.schedule(key, now + Math.min(200 * 2 ** n, 10_000), now);
    }
  }

  private adopted(pod: KubeObject, node: NodeRuntime, now: number): PodRecord {
    const rec = adopt(pod, now);
    // A restarted agent takes back the addresses its running pods already report.
    if (rec.ip && !releasesIp(rec) && node.pool && !node.pool.reserve(rec.uid, rec.ip)) {
      this.d.log(`${node.name}: pod ${keyOf(pod)} reports ${rec.ip}, which is outside ${node.pool.cidr} or taken`);
    }
    return rec;
  }

  private async write(pod: KubeObject, status: Record<string, unknown> | undefined, del: boolean): Promise<void> {
    const key = keyOf(pod);
    const { name, namespace, uid, resourceVersion } = pod.metadata;
    const last = this.written.get(key);
    const repeat = last && last.rv === resourceVersion && deepEqual(last.status, status);
    if (status && !repeat) {
      try {
        await this.d.client.patch(resources.pods, name!, { status }, { namespace, subresource: "status", type: "merge" });
        this.written.set(key, { rv: resourceVersion, status });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    if (del) {
      try {
        await this.d.client.delete(resources.pods, name!, { namespace, gracePeriodSeconds: 0, preconditions: { uid } });
      } catch (e) {
        // Gone already, or a newer pod of the same name (UID precondition): either way not ours to delete.
        if (!isNotFound(e) && !isConflict(e)) throw e;
      }
    }
  }

  private schedule(key: string, at: number | undefined, now: number): void {
    const old = this.timers.get(key);
    if (old !== undefined) this.d.clock.clearTimeout(old);
    this.timers.delete(key);
    if (at === undefined) return;
    this.timers.set(key, this.d.clock.setTimeout(() => {
      this.timers.delete(key);
      this.queue.add(key);
    }, Math.max(0, at - now)));
  }

  /** The pod left this node (deleted, or replaced by a new pod of the same name): drop its state. */
  private forget(key: string): void {
    const rec = this.records.get(key);
    if (!rec) return;
    for (const node of this.d.nodes.values()) node.pool?.release(rec.uid);
    this.records.delete(key);
    this.written.delete(key);
    this.retries.delete(key);
    this.schedule(key, undefined, 0);
  }
}
