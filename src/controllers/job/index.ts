// The Job controller (upstream pkg/controller/job, plus ttlafterfinished): runs a Job's pods to
// completion and records the outcome; deletes finished Jobs whose TTL has passed.
import type { KubeObject } from "../../api/object";
import { keyOf, splitKey, type Action, type Cache, type Controller, type Result } from "../types";
import { hasTrackingFinalizer, TRACKING_FINALIZER } from "./pods";
import { controlled, controllerOf, removeFinalizerPatch } from "./shared";
import { isFinished, ttlAfterFinished } from "./status";
import { syncJob } from "./sync";

const JOBS = "jobs.batch";
const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
const MANAGED_BY_US = "kubernetes.io/job-controller";

/** Pods wake their Job; an orphan still holding the finalizer wakes the Job it is labelled with. */
function podKeys(pod: KubeObject): string[] {
  const ref = controllerOf(pod);
  const ns = pod.metadata.namespace;
  if (ref?.kind === "Job") return [`${ns}/${ref.name}`];
  const jobName = pod.metadata.labels?.[JOB_NAME_LABEL];
  return jobName && hasTrackingFinalizer(pod) ? [`${ns}/${jobName}`] : [];
}

function releaseFinalizer(pod: KubeObject): Action {
  return {
    verb: "patch",
    resource: "pods",
    namespace: pod.metadata.namespace,
    name: pod.metadata.name!,
    patchType: "strategic",
    patch: removeFinalizerPatch(TRACKING_FINALIZER),
  };
}

/**
 * Pods whose Job is gone would keep the tracking finalizer forever: release them, as upstream's
 * orphan-pod worker does. This scans the namespace, so it runs only once the Job is gone.
 */
function releaseOrphans(cache: Cache, namespace: string | undefined, name: string): Action[] {
  return cache
    .list("pods", namespace)
    .filter((p) => {
      if (!hasTrackingFinalizer(p)) return false;
      const ref = controllerOf(p);
      return ref ? ref.kind === "Job" && ref.name === name : p.metadata.labels?.[JOB_NAME_LABEL] === name;
    })
    .map(releaseFinalizer);
}

export const jobController: Controller = {
  name: "job",
  watches: [
    { resource: JOBS, keys: (o) => [keyOf(o)] },
    { resource: "pods", keys: podKeys },
  ],
  reconcile(key: string, cache: Cache, now: Date): Result {
    const { namespace, name } = splitKey(key);
    const job = cache.get(JOBS, namespace, name);
    if (!job) return { actions: releaseOrphans(cache, namespace, name) };
    // spec.managedBy hands the Job to another controller entirely.
    const managedBy = job.spec?.managedBy;
    if (managedBy && managedBy !== MANAGED_BY_US) return { actions: [] };
    if (isFinished(job)) {
      // Normally counted and released before the Job finished; this is the backstop.
      const leftovers = controlled(cache, "pods", job).filter(hasTrackingFinalizer).map(releaseFinalizer);
      const ttl = ttlAfterFinished(job, now.getTime());
      return { actions: [...leftovers, ...ttl.actions], requeueAfter: ttl.requeueAfter };
    }
    return syncJob(job, cache, now);
  },
};
