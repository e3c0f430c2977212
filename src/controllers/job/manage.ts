// manageJob: bring the number of active pods to what parallelism, completions and suspend ask
// for. Removal takes precedence over creation in one sync, as upstream; creation waits out the
// failure backoff.
import type { KubeObject } from "../../api/object";
import { eventAction, type Action } from "../types";
import { pendingIndexes } from "./indexes";
import { backoffRemaining, hasTrackingFinalizer, newJobPod, onlyReplaceFailedPods, podsForRemoval, TRACKING_FINALIZER } from "./pods";
import { generatedName, isPodReady, removeFinalizerPatch } from "./shared";

export const COMPONENT = "job-controller";
/** Upstream's cap on pods created or deleted in one sync. */
const MAX_PER_SYNC = 500;

export interface JobView {
  job: KubeObject;
  now: Date;
  pods: KubeObject[];
  active: KubeObject[];
  succeeded: number;
  /** Indexed Jobs: completions and the indexes already succeeded. */
  completions?: number;
  succeededIndexes?: Set<number>;
  terminating: number;
  /** Whether a pod name is already used in the namespace. */
  taken(name: string): boolean;
}

export interface Managed {
  actions: Action[];
  active: number;
  removed: number;
  removedReady: number;
  requeueAfter?: number;
}

/** A pod the controller removes is not a failure: drop the finalizer first, then delete it. */
export function deletePod(job: KubeObject, pod: KubeObject, now: Date, keepFinalizer = false): Action[] {
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name!;
  const out: Action[] = [];
  if (!keepFinalizer && hasTrackingFinalizer(pod)) {
    out.push({ verb: "patch", resource: "pods", namespace: ns, name, patchType: "strategic", patch: removeFinalizerPatch(TRACKING_FINALIZER) });
  }
  out.push({ verb: "delete", resource: "pods", namespace: ns, name, preconditions: { uid: pod.metadata.uid } });
  out.push(eventAction(job, "Normal", "SuccessfulDelete", `Deleted pod: ${name}`, COMPONENT, now));
  return out;
}

export function manageJob(v: JobView): Managed {
  const { job } = v;
  const spec = job.spec ?? {};
  const active = v.active.length;
  const indexed = v.succeededIndexes !== undefined;
  const remove = (pods: KubeObject[]): Managed => ({
    actions: pods.flatMap((p) => deletePod(job, p, v.now)),
    active: active - pods.length,
    removed: pods.length,
    removedReady: pods.filter(isPodReady).length,
  });
  if (spec.suspend === true) return remove(v.active);

  const parallelism: number = spec.parallelism ?? 1;
  let want: number;
  if (typeof spec.completions !== "number") {
    // Without completions the Job is done after any success: let what runs finish, start no more.
    want = v.succeeded > 0 ? active : parallelism;
  } else {
    want = Math.max(0, Math.min(spec.completions - v.succeeded, parallelism));
  }
  const excess = podsForRemoval(v.active, Math.max(0, active - want), indexed ? v.completions : undefined);
  if (excess.length > 0) return remove(excess.slice(0, MAX_PER_SYNC));

  const waiting = onlyReplaceFailedPods(job) ? v.terminating : 0;
  let diff = Math.min(want - waiting - active, MAX_PER_SYNC);
  if (diff <= 0) return { actions: [], active, removed: 0, removedReady: 0 };
  const delay = backoffRemaining(job, v.pods, v.now.getTime());
  // Upstream never requeues sooner than its one-second batching period.
  if (delay > 0) return { actions: [], active, removed: 0, removedReady: 0, requeueAfter: Math.max(delay, 1000) };

  const indexes = indexed ? pendingIndexes(v.completions!, v.succeededIndexes!, v.active, diff) : [];
  if (indexed) diff = indexes.length;
  const actions: Action[] = [];
  const chosen = new Set<string>();
  const jobName = job.metadata.name!;
  for (let i = 0; i < diff; i++) {
    const index = indexed ? indexes[i] : undefined;
    const prefix = index === undefined ? `${jobName}-` : `${jobName}-${index}-`;
    const name = generatedName(prefix, `${job.metadata.uid}/${v.pods.length}`, (n) => chosen.has(n) || v.taken(n));
    chosen.add(name);
    actions.push({ verb: "create", resource: "pods", namespace: job.metadata.namespace, object: newJobPod(job, name, prefix, index) });
    actions.push(eventAction(job, "Normal", "SuccessfulCreate", `Created pod: ${name}`, COMPONENT, v.now));
  }
  return { actions, active: active + diff, removed: 0, removedReady: 0 };
}
