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
