import { DurableObject } from "cloudflare:workers";
import type { Controller } from "../controllers/types";
import { ControlLoop, type ChangeType } from "../controllers/runtime/loop";
import { createApp } from "../worker/app";
import type { Env } from "../worker/env";
import { InternalExecutor } from "../worker/internal-executor";

/** One change as a store reports it: the object travels as JSON text. */
export interface Change {
  resource: string;
  type: ChangeType;
  object: string;
}

/** How long one alarm may run reconciles before yielding (and re-arming). */
const DRAIN_BUDGET_MS = 15_000;

const app = createApp();

/**
 * Hosts a ControlLoop in a Durable Object: exactly one instance per cluster, so no leader election.
 * Store notifications wake it at once; the cron trigger resyncs it every minute; an alarm runs the
 * queue (and retries with backoff).
 */
export abstract class ControlLoopHost extends DurableObject<Env> {
  protected abstract controllers(): Controller[];
  protected abstract readonly userAgent: string;
  private loop?: ControlLoop;
  private starting?: Promise<ControlLoop>;

  /** The loop, listed into its cache on first use (a cold start). */
  private started(): Promise<ControlLoop> {
    this.starting ??= (async () => {
      const executor = new InternalExecutor(this.env, this.ctx as unknown as ExecutionContext, app.fetch, this.userAgent);
      const loop = new ControlLoop(this.controllers(), executor);
      await loop.resync();
      this.loop = loop;
      return loop;
    })().catch((e) => {
      this.starting = undefined;
      throw e;
    });
    return this.starting;
  }

  /** Store notifications (fire-and-forget from the stores). */
  async notify(changes: Change[]): Promise<void> {
    const loop = await this.started();
    for (const c of changes) if (loop.watches(c.resource)) loop.observe(c.resource, c.type, JSON.parse(c.object));
    await this.arm(loop);
  }

  /** The cron trigger's full resync. */
  async resync(): Promise<void> {
    const cold = !this.starting;
    const loop = await this.started();
    // A cold start has just listed everything.
    if (!cold) await loop.resync();
    await this.arm(loop);
  }

  override async alarm(): Promise<void> {
    const loop = await this.started();
    await loop.drain(DRAIN_BUDGET_MS);
    await this.arm(loop);
  }

  private async arm(loop: ControlLoop): Promise<void> {
    const next = loop.nextWake();
    if (next === undefined) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
  }
}
