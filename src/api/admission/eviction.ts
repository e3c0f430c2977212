// The decision behind pods/<name>/eviction (pkg/registry/core/pod/storage/eviction.go): may this pod
// be deleted without breaking its PodDisruptionBudget, and what must be written if so. The caller
// reads the pod and the namespace's PDBs, writes the PDB status, then the pod condition, then deletes.
import { StatusError } from "../errors";
import type { KubeObject } from "../object";
import { isPodReady, metaTime, pdbSelector, withDisruptionCondition } from "./pdb";

type Obj = Record<string, any>;

/** More entries than this means evictions the PDB controller has not caught up with. */
export const MAX_DISRUPTED_PODS = 2000;
const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

export type EvictionDecision =
  | {
      allow: true;
      /** PDBs to write back through poddisruptionbudgets/status (conditional on their resourceVersion; retry the decision on 409). */
      pdbUpdates: KubeObject[];
      /** Set on the pod's status before deleting it (PodDisruptionConditions); omit on dry run. */
      podCondition: Obj;
      /** Delete only if the pod still has this resourceVersion: it must not have become ready meanwhile. */
      preconditionResourceVersion?: string;
    }
  | { allow: false; status: StatusError };

function tooManyRequests(retryAfterSeconds: number, cause: string): StatusError {
  return new StatusError(429, "TooManyRequests", VIOLATION, {
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    causes: [{ reason: "DisruptionBudget", message: cause }],
  });
}

function pdbForbidden(name: string, why: string): StatusError {
  return new StatusError(403, "Forbidden", `poddisruptionbudget.policy "${name}" is forbidden: ${why}`, {
    name,
    group: "policy",
    kind: "poddisruptionbudget",
  });
}

/** Evicting a pod that is not running (or already going) breaks nothing: PDBs are not consulted. */
const canIgnorePDB = (pod: KubeObject): boolean =>
  ["Succeeded", "Failed", "Pending"].includes(pod.status?.phase) || !!pod.metadata.deletionTimestamp;

/** PDBs guarding the pod; an empty or unparseable selector guards nothing here (unlike the controller). */
export function podDisruptionBudgetsFor(pod: KubeObject, pdbs: KubeObject[]): KubeObject[] {
  return pdbs.filter((pdb) => {
    if (pdb.metadata.namespace !== pod.metadata.namespace) return false;
    const sel = pdbSelector(pdb);
    return !!sel && !sel.isEmpty() && sel.matches(pod.metadata.labels);
  });
}

export function decideEviction(
  pod: KubeObject,
  pdbs: KubeObject[],
  now: Date = new Date(),
  opts: { dryRun?: boolean } = {},
): EvictionDecision {
  const podCondition = {
    type: "DisruptionTarget",
    status: "True",
    reason: "EvictionByEvictionAPI",
    message: "Eviction API: evicting",
    lastTransitionTime: metaTime(now),
  };
  const rv = pod.metadata.resourceVersion;
  if (canIgnorePDB(pod)) {
    // A Pending pod could start meanwhile: pin the version, as upstream does for non-terminal pods.
    const pin = pod.status?.phase === "Pending" && !pod.metadata.deletionTimestamp;
    return { allow: true, pdbUpdates: [], podCondition, ...(pin && rv ? { preconditionResourceVersion: rv } : {}) };
  }
  const matching = podDisruptionBudgetsFor(pod, pdbs);
  if (matching.length > 1) {
    return {
      allow: false,
      status: new StatusError(500, "InternalError", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."),
    };
  }
  if (matching.length === 0) return { allow: true, pdbUpdates: [], podCondition };

  const pdb = matching[0]!;
  const name = pdb.metadata.name!;
  const status: Obj = pdb.status ?? {};
  // An unready pod adds nothing to the budget: it may go if the policy says so or the budget is met.
  if (!isPodReady(pod)) {
    const always = pdb.spec?.unhealthyPodEvictionPolicy === "AlwaysAllow";
    const desired = status.desiredHealthy ?? 0;
    if (always || ((status.currentHealthy ?? 0) >= desired && desired > 0)) {
      return { allow: true, pdbUpdates: [], podCondition, ...(rv ? { preconditionResourceVersion: rv } : {}) };
    }
  }
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    return { allow: false, status: tooManyRequests(10, `The disruption budget ${name} is still being processed by the server.`) };
  }
  const allowed: number = status.disruptionsAllowed ?? 0;
  if (allowed < 0) return { allow: false, status: pdbForbidden(name, "pdb disruptions allowed is negative") };
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS) {
    return {
      allow: false,
      status: pdbForbidden(name, "DisruptedPods map too big - too many evictions not confirmed by PDB controller"),
    };
  }
  if (allowed === 0) {
    const why = `The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`;
    return { allow: false, status: tooManyRequests(0, why) };
  }

  let next: Obj = { ...structuredClone(status), disruptionsAllowed: allowed - 1 };
  if (allowed - 1 === 0) next = withDisruptionCondition(next, now);
  // Tell the controller this pod is on its way out, so it stops counting it as healthy.
  if (!opts.dryRun) next.disruptedPods = { ...(status.disruptedPods ?? {}), [pod.metadata.name!]: metaTime(now) };
  return { allow: true, pdbUpdates: [{ ...structuredClone(pdb), status: next }], podCondition };
}
