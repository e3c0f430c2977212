import { createApp } from "./app";
import type { Env } from "./env";
import { ensureBootstrapped } from "./bootstrap";
import { sweepTerminating } from "./cleanup";
import { controlLoopHosts } from "../durable-objects/router";
import { builtinRegistry, currentRegistry } from "./registry";

export { ResourceStore } from "../durable-objects/resource-store";
export { ControllerManager } from "../durable-objects/controller-manager";
export { Scheduler } from "../durable-objects/scheduler";

const app = createApp();

export default {
  fetch: app.fetch,
  /** The cron trigger: the periodic resync that backs up event-driven work. */
  async scheduled(_controller, env, ctx) {
    await ensureBootstrapped(env, ctx, builtinRegistry);
    await sweepTerminating(env, ctx, await currentRegistry(env, 0));
    await Promise.all(controlLoopHosts(env).map((host) => host.resync()));
  },
} satisfies ExportedHandler<Env>;
