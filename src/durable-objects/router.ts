import type { Env } from "../worker/env";

/**
 * Maps (cluster, stored resource, namespace) to the ResourceStore that holds it. One shard per
 * resource today; nothing outside this file may assume that, so sharding by namespace later changes
 * only `shardsFor` and `shardOf`.
 */
export function clusterName(env: Env): string {
  return env.CLUSTER_NAME || "default";
}

export function shardOf(_namespace: string | undefined): string {
  return "0";
}

/** The shards a list or watch must visit (one, until namespace sharding lands). */
export function shardsFor(_namespace: string | undefined): string[] {
  return ["0"];
}

export function storeStub(env: Env, resource: string, shard: string) {
  return env.STORE.get(env.STORE.idFromName(`${clusterName(env)}/${resource}/${shard}`));
}

/** Resources no control loop reads: their writes wake nobody. */
const UNWATCHED = new Set(["events", "events.events.k8s.io"]);
const SCHEDULER_INPUTS = new Set(["pods", "nodes", "namespaces", "persistentvolumeclaims", "persistentvolumes"]);

/** The control-loop hosts a change to `resource` must reach (one of each per cluster). */
export function notificationTargets(env: Env, resource: string) {
  if (UNWATCHED.has(resource)) return [];
  const name = clusterName(env);
  const targets = [env.CONTROLLERS.get(env.CONTROLLERS.idFromName(name))];
  if (SCHEDULER_INPUTS.has(resource)) targets.push(env.SCHEDULER.get(env.SCHEDULER.idFromName(name)));
  return targets;
}

/** Both hosts of a cluster, for the cron resync. */
export function controlLoopHosts(env: Env) {
  const name = clusterName(env);
  return [env.CONTROLLERS.get(env.CONTROLLERS.idFromName(name)), env.SCHEDULER.get(env.SCHEDULER.idFromName(name))];
}
