// The Deployment controller: keys are deployments; replica sets wake their owner (or, when orphaned,
// any deployment that selects them, which may adopt them); pods wake a Recreate deployment, which
// must see its old pods gone before it starts new ones.

import type { KubeObject } from "../../api/object";
import { keyOf, splitKey, type Cache, type Controller } from "../types";
import { controllerOf, resolveController, safeSelector } from "./controller-utils";
import { syncDeployment } from "./sync";
import { isRecreate } from "./util";

const DEPLOYMENTS = "deployments.apps";
const RS = "replicasets.apps";

function ownerKeys(rs: KubeObject, cache: Cache): string[] {
  const ref = controllerOf(rs);
  if (ref) return ref.kind === "Deployment" ? [`${rs.metadata.namespace}/${ref.name}`] : [];
  return cache
    .list(DEPLOYMENTS, rs.metadata.namespace)
    .filter((d) => safeSelector(d.spec?.selector).matches(rs.metadata.labels))
    .map(keyOf);
}

function recreateKeys(pod: KubeObject, cache: Cache): string[] {
  const get = (resource: string) => (ns: string | undefined, name: string) => cache.get(resource, ns, name);
  const rs = resolveController(pod, "ReplicaSet", get(RS));
  const d = rs && resolveController(rs, "Deployment", get(DEPLOYMENTS));
  return d && isRecreate(d) ? [keyOf(d)] : [];
}

export const deploymentController: Controller = {
  name: "deployment",
  watches: [
    { resource: DEPLOYMENTS, keys: (d) => [keyOf(d)] },
    { resource: RS, keys: ownerKeys },
    { resource: "pods", keys: recreateKeys },
  ],
  reconcile(key, cache, now) {
    const { namespace, name } = splitKey(key);
    const d = cache.get(DEPLOYMENTS, namespace, name);
    if (!d) return { actions: [] };
    return syncDeployment(d, cache, now);
  },
};

export { syncDeployment } from "./sync";
export { computeHash } from "./hash";
