// Strategies for apps/v1 and batch/v1 workloads. Generation and status handling are generic; the
// Job strategy generates the selector and pod labels from the uid the caller has already set.
import type { KubeObject } from "../object";
import type { Strategy } from "../registry/types";
import * as ad from "../defaults/apps";
import * as bd from "../defaults/batch";
import * as dep from "../validation/apps/deployment";
import * as ds from "../validation/apps/daemonset";
import * as sts from "../validation/apps/statefulset";
import * as cj from "../validation/batch/cronjob";
import { jobLabels, validateJob, validateJobUpdate } from "../validation/batch/job";

/** The job strategy's generateSelector: select on the uid, label pods with uid and name. */
export function generateJobSelector(job: KubeObject): void {
  const spec = (job.spec ??= {});
  if (spec.manualSelector === true) return;
  const uid = job.metadata.uid ?? "";
  const name = job.metadata.name ?? "";
  const tpl = (spec.template ??= {});
  const tplMeta = (tpl.metadata ??= {});
  const labels: Record<string, string> = (tplMeta.labels ??= {});
  // Labels a user already set are kept; a conflicting value is reported by validation.
  for (const k of [jobLabels.legacyJobName, jobLabels.jobName]) labels[k] ??= name;
  for (const k of [jobLabels.legacyControllerUid, jobLabels.controllerUid]) labels[k] ??= uid;
  const selector = (spec.selector ??= {});
  const matchLabels: Record<string, string> = (selector.matchLabels ??= {});
  matchLabels[jobLabels.controllerUid] ??= uid;
  // Upstream fills empty Job labels from the template when the stored object is read back.
  const meta = job.metadata;
  if (!meta.labels || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
}

export const workloadStrategies: Record<string, Strategy> = {
  "deployments.apps": { defaults: ad.defaultDeployment, validate: dep.validateDeployment, validateUpdate: dep.validateDeploymentUpdate },
  "replicasets.apps": { defaults: ad.defaultReplicaSet, validate: dep.validateReplicaSet, validateUpdate: dep.validateReplicaSetUpdate },
  "statefulsets.apps": { defaults: ad.defaultStatefulSet, validate: sts.validateStatefulSet, validateUpdate: sts.validateStatefulSetUpdate },
  "daemonsets.apps": { defaults: ad.defaultDaemonSet, validate: ds.validateDaemonSet, validateUpdate: ds.validateDaemonSetUpdate },
  "jobs.batch": { defaults: bd.defaultJob, prepareForCreate: generateJobSelector, validate: validateJob, validateUpdate: validateJobUpdate },
  "cronjobs.batch": { defaults: bd.defaultCronJob, validate: cj.validateCronJob, validateUpdate: cj.validateCronJobUpdate },
};
