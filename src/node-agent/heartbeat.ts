// One simulated node's link to the control plane: register the Node, then renew its Lease every
// heartbeat and post its status on change or once per report interval. Decisions are the pure
// functions in lease.ts and node.ts; this file only performs them.
import type { KubeObject } from "../api/object";
import { isAlreadyExists, isConflict, isNotFound, resources, type KubeClient } from "../client";
import type { Clock } from "./clock";
import { LEASE_NAMESPACE, leaseFor, nextRenewDelay, shouldRenew } from "./lease";
import { nodeLabels, nodeObject, nodeStatus, shouldPostStatus, statusChanged, type NodeConfig } from "./node";

export interface HeartbeatOptions {
  leaseSeconds: number;
  heartbeatMs: number;
  statusReportMs: number;
}

export class NodeHeartbeat {
  node: KubeObject | undefined;
  private lease: KubeObject | undefined;
  private lastRenew: number | undefined;
  private lastPost: number | undefined;
  private posted: Record<string, any> | undefined;
  private failures = 0;
  private timer: unknown;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly client: KubeClient,
    readonly cfg: NodeConfig,
    private readonly opts: HeartbeatOptions,
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
  ) {}

  /** Creates the Node, or adopts an existing one (adding our labels and, if given, its podCIDR). */
  async register(): Promise<KubeObject> {
    const now = this.clock.now();
    const want = nodeObject(this.cfg, now);
    try {
      this.node = await this.client.create(resources.nodes, want);
      // The Node was created with its status: no need to post it again straight away.
      this.posted = want.status;
      this.lastPost = now;
      this.log(`node ${this.cfg.name} registered (${this.cfg.internalIP})`);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
      const existing = await this.client.get(resources.nodes, this.cfg.name);
      const patch: Record<string, any> = { metadata: { labels: nodeLabels(this.cfg) } };
      // podCIDR may only go from "" to a value; never fight an IPAM controller that already set it.
      if (this.cfg.podCIDR && !existing.spec?.podCIDR) patch.spec = want.spec;
      this.node = await this.client.patch(resources.nodes, this.cfg.name, patch);
      this.posted = undefined;
      this.log(`node ${this.cfg.name} registered again (existing Node adopted)`);
    }
    await this.beat();
    return this.node!;
  }

  start(): void {
    this.schedule(this.opts.heartbeatMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    await this.running;
  }

  /** One heartbeat: renew the lease and post status when due. */
  async beat(): Promise<void> {
    const now = this.clock.now();
    if (shouldRenew(now, this.lastRenew, this.opts.heartbeatMs)) {
      await this.renewLease(now);
      this.lastRenew = now;
    }
    const status = nodeStatus(this.cfg, now, this.posted ?? this.node?.status);
    if (shouldPostStatus(now, this.lastPost, this.opts.statusReportMs, statusChanged(this.posted, status))) {
      try {
        this.node = await this.client.patch(resources.nodes, this.cfg.name, { status }, { subresource: "status" });
      } catch (e) {
        // Someone deleted our Node: register again, as a restarted kubelet would.
        if (!isNotFound(e)) throw e;
        this.lease = undefined;
        this.lastRenew = undefined;
        await this.register();
        return;
      }
      this.posted = status;
      this.lastPost = now;
    }
  }

  private async renewLease(now: number): Promise<void> {
    const owner = { name: this.cfg.name, uid: this.node?.metadata.uid };
    const { leases } = resources;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const desired = leaseFor(owner, this.opts.leaseSeconds, now, this.lease);
        this.lease = this.lease ? await this.client.update(leases, desired) : await this.client.create(leases, desired);
        return;
      } catch (e) {
        if (isAlreadyExists(e) || isConflict(e)) this.lease = await this.client.get(leases, this.cfg.name, LEASE_NAMESPACE);
        else if (isNotFound(e)) this.lease = undefined;
        else throw e;
      }
    }
    throw new Error(`lease ${LEASE_NAMESPACE}/${this.cfg.name}: kept conflicting`);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    // Timers may fire a millisecond early; the margin keeps "is it due?" from skipping a beat.
    this.timer = this.clock.setTimeout(() => {
      this.running = this.beat().then(
        () => {
          this.failures = 0;
        },
        (e) => {
          this.failures++;
          this.log(`node ${this.cfg.name}: heartbeat failed: ${e instanceof Error ? e.message : String(e)}`);
        },
      ).finally(() => this.schedule(nextRenewDelay(this.opts.heartbeatMs, this.failures) + 5));
    }, ms);
  }
}
