// ResourceQuota (pkg/controller/resourcequota): status.hard mirrors spec.hard and status.used is
// recounted from the namespace's objects, correcting whatever admission charged for writes that
// then failed and releasing what deleted objects held. Admission (src/api/admission/quota.ts)
// refuses a quota's resources until this controller has filled its status in.
import type { KubeObject } from "../api/object";
import { evaluatorFor, matchesScopes } from "../api/admission/quota-usage";
import { addInto, fromResourceMap, mask, sameResources, toResourceMap, zero, type ResourceMap } from "../api/admission/resources";
import type { Cache, Controller } from "./types";
import { splitKey } from "./types";

const QUOTAS = "resourcequotas";

/**
 * What this controller counts: each is cached by the runtime, so the list is a memory budget.
 * count/<resource> for anything else keeps whatever admission charged (it is never recounted).
 */
export const DEFAULT_QUOTA_RESOURCES = [
  "pods",
  "services",
  "configmaps",
  "secrets",
  "persistentvolumeclaims",
  "replicationcontrollers",
  QUOTAS,
  "deployments.apps",
  "replicasets.apps",
  "statefulsets.apps",
  "daemonsets.apps",
  "jobs.batch",
  "cronjobs.batch",
];

/** The status a quota should have: hard from spec, used recounted for every resource we can count. */
export function quotaStatus(quota: KubeObject, cache: Cache, resources: string[], now: Date): { hard: ResourceMap; used: ResourceMap } {
  const hard = toResourceMap(quota.spec?.hard);
  // Start from the recorded usage so names nobody here can count keep admission's charges.
  const used = toResourceMap(quota.status?.used);
  for (const name of hard.keys()) if (!used.has(name)) used.set(name, zero);
  for (const resource of resources) {
    const ev = evaluatorFor(resource);
    const names = [...hard.keys()].filter((n) => ev.matches(n));
    if (names.length === 0) continue;
    const sum: ResourceMap = new Map(names.map((n) => [n, zero]));
    for (const obj of cache.list(resource, quota.metadata.namespace)) {
      if (matchesScopes(ev, quota, obj)) addInto(sum, mask(ev.usage(obj, now), names));
    }
    for (const [n, q] of sum) used.set(n, q);
  }
  return { hard, used: mask(used, hard.keys()) };
}

export function createResourceQuotaController(opts: { resources?: string[] } = {}): Controller {
  const resources = opts.resources ?? DEFAULT_QUOTA_RESOURCES;
  // Any change in a namespace may move any of its quotas; namespaces hold few quotas.
  const quotasOf = (obj: KubeObject, cache: Cache) =>
    cache.list(QUOTAS, obj.metadata.namespace).map((q) => `${q.metadata.namespace}/${q.metadata.name}`);
  const watched = resources.includes(QUOTAS) ? resources : [QUOTAS, ...resources];
  return {
    name: "resourcequota",
    watches: watched.map((resource) => ({
      resource,
      keys: resource === QUOTAS ? (q: KubeObject, cache: Cache) => [...new Set([`${q.metadata.namespace}/${q.metadata.name}`, ...quotasOf(q, cache)])] : quotasOf,
    })),
    reconcile(key, cache, now) {
      const { namespace, name } = splitKey(key);
      const quota = cache.get(QUOTAS, namespace, name);
      if (!quota) return { actions: [] };
      const { hard, used } = quotaStatus(quota, cache, resources, now);
      const status = quota.status ?? {};
      const fresh =
        status.hard && status.used && sameResources(toResourceMap(status.hard), hard) && sameResources(toResourceMap(status.used), used);
      if (fresh) return { actions: [] };
      const copy = structuredClone(quota);
      copy.status = { ...copy.status, hard: fromResourceMap(hard), used: fromResourceMap(used) };
      return { actions: [{ verb: "update", resource: QUOTAS, object: copy, subresource: "status" }] };
    },
  };
}
