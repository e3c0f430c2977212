// batch/v1 Job and CronJob.

import type { SchemaPackage } from "../schema";

export const batch: SchemaPackage = {
  proto: "k8s.io.api.batch.v1",
  messages: {
    Job: { 1: "metadata:meta.ObjectMeta", 2: "spec:JobSpec", 3: "status:JobStatus" },
    CronJob: { 1: "metadata:meta.ObjectMeta", 2: "spec:CronJobSpec", 3: "status:CronJobStatus" },
    JobSpec: { 1: "parallelism*:int32", 2: "completions*:int32", 3: "activeDeadlineSeconds*:int64",
      4: "selector*:meta.LabelSelector", 5: "manualSelector*:bool", 6: "template!:core.PodTemplateSpec",
      7: "backoffLimit*:int32", 8: "ttlSecondsAfterFinished*:int32", 9: "completionMode*", 10: "suspend*:bool",
      11: "podFailurePolicy*:PodFailurePolicy", 12: "backoffLimitPerIndex*:int32", 13: "maxFailedIndexes*:int32",
      14: "podReplacementPolicy*", 15: "managedBy*", 16: "successPolicy*:SuccessPolicy" },
    JobStatus: { 1: "conditions[]:JobCondition ~merge(type) =atomic", 2: "startTime*:meta.Time",
      3: "completionTime*:meta.Time", 4: "active:int32", 5: "succeeded:int32", 6: "failed:int32",
      7: "completedIndexes", 8: "uncountedTerminatedPods*:UncountedTerminatedPods", 9: "ready*:int32",
      10: "failedIndexes*", 11: "terminating*:int32" },
    CronJobSpec: { 1: "schedule!", 2: "startingDeadlineSeconds*:int64", 3: "concurrencyPolicy",
      4: "suspend*:bool", 5: "jobTemplate!:JobTemplateSpec", 6: "successfulJobsHistoryLimit*:int32",
      7: "failedJobsHistoryLimit*:int32", 8: "timeZone*" },
    CronJobStatus: { 1: "active[]:core.ObjectReference =atomic", 4: "lastScheduleTime*:meta.Time",
      5: "lastSuccessfulTime*:meta.Time" },
    PodFailurePolicy: { 1: "rules[]!:PodFailurePolicyRule =atomic" },
    SuccessPolicy: { 1: "rules[]!:SuccessPolicyRule =atomic" },
    JobCondition: { 1: "type!", 2: "status!", 3: "lastProbeTime:meta.Time", 4: "lastTransitionTime:meta.Time",
      5: "reason", 6: "message" },
    UncountedTerminatedPods: { 1: "succeeded[] =set", 2: "failed[] =set" },
    JobTemplateSpec: { 1: "metadata:meta.ObjectMeta", 2: "spec:JobSpec" },
    PodFailurePolicyRule: { 1: "action!", 2: "onExitCodes*:PodFailurePolicyOnExitCodesRequirement",
      3: "onPodConditions[]:PodFailurePolicyOnPodConditionsPattern =atomic" },
    SuccessPolicyRule: { 1: "succeededIndexes*", 2: "succeededCount*:int32" },
    PodFailurePolicyOnExitCodesRequirement: { 1: "containerName*", 2: "operator!", 3: "values[]!:int32 =set" },
    PodFailurePolicyOnPodConditionsPattern: { 1: "type!", 2: "status!" },
  },
};
