// batch/v1 Job and CronJob.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.batch.v1.";

export const batch: Descriptions = {
  [`${P}Job`]: {
    "": "Runs pods until a given number of them finish successfully, retrying failures up to a limit. Used " +
      "for batch work, one-off tasks and, through CronJobs, scheduled tasks.",
    ...objectFields,
    spec: "What to run, how many completions are needed, parallelism and failure handling.",
    status: "Progress of the job as observed by the job controller. Read-only to users.",
  },
  [`${P}JobSpec`]: {
    "": "The desired behaviour of a Job.",
    activeDeadlineSeconds: "Seconds the job may run, counted from startTime, before it is failed with reason " +
      "DeadlineExceeded and its pods are stopped. The clock restarts when a suspended job resumes.",
    backoffLimit: "Pod failures to tolerate before the job is marked Failed. Defaults to 6, or to no limit when " +
      "backoffLimitPerIndex is set.",
    backoffLimitPerIndex: "For Indexed jobs with restartPolicy Never: retries allowed per index before that " +
      "index is marked failed. Immutable.",
    completionMode: "NonIndexed (the default): done after `completions` successful pods, which are " +
      "interchangeable. Indexed: each pod gets an index 0..completions-1, and every index must succeed once.",
    completions: "How many successful pods are needed. Unset means any single success finishes the job; " +
      "defaults to 1 when parallelism is also unset.",
    managedBy: "A domain-prefixed controller name that takes over syncing this job; the built-in controller " +
      "skips jobs with any value other than kubernetes.io/job-controller. Immutable.",
    manualSelector: "Leave unset so the system generates a unique selector and pod labels. When true you must " +
      "supply a selector unique to this job yourself.",
    maxFailedIndexes: "With backoffLimitPerIndex: once more indexes than this have failed, the whole job fails. " +
      "Unset lets every index run to the end.",
    parallelism: "The most pods to run at the same time. Defaults to 1; 0 pauses the job.",
    podFailurePolicy: "Rules that turn particular pod failures (by exit code or pod condition) into failing the " +
      "job, failing an index, or not counting the failure.",
    podReplacementPolicy: "When a replacement pod may be created: TerminatingOrFailed (as soon as the old one " +
      "starts terminating) or Failed (only once it has fully stopped). Must be Failed with podFailurePolicy.",
    selector: "Labels identifying the job's pods. Generated unless manualSelector is true; immutable.",
    successPolicy: "For Indexed jobs: rules that declare the job successful before every index has succeeded.",
    suspend: "While true no pods are created, and setting it on a running job deletes its active pods. " +
      "Resuming resets startTime. Defaults to false.",
    template: "The pod to run. restartPolicy must be Never or OnFailure. Immutable except for a few scheduling " +
      "fields of a job that is suspended and has never started.",
    ttlSecondsAfterFinished: "Seconds after the job completes or fails before it is deleted automatically, with " +
      "its pods. Unset keeps it; 0 deletes it right away.",
  },
  [`${P}JobStatus`]: {
    "": "The observed state of a Job.",
    active: "Pods that are pending or running and not terminating; 0 once the job has finished.",
    completedIndexes: "For Indexed jobs, the succeeded indexes as a compact list such as 1,3-5,7.",
    completionTime: "When the job completed successfully; never set for failed jobs. Cannot be changed once set.",
    conditions: "Complete, Failed, Suspended and interim conditions such as FailureTarget and " +
      "SuccessCriteriaMet. A job is finished once Complete or Failed is True.",
    failed: "Pods that reached phase Failed. Only grows.",
    failedIndexes: "With backoffLimitPerIndex, the failed indexes as a compact list such as 1,3-5,7.",
    ready: "Active pods whose Ready condition is True.",
    startTime: "When the controller started processing the job; reset each time a suspended job resumes.",
    succeeded: "Pods that reached phase Succeeded.",
    terminating: "Pods that are being deleted but have not stopped yet.",
    uncountedTerminatedPods: "Finished pods the controller has seen but not yet added to the counters; used " +
      "internally to count each pod exactly once.",
  },
  [`${P}JobCondition`]: {
    "": "One aspect of a Job's state.",
    ...conditionFields,
    lastProbeTime: "When the condition was last checked.",
    type: "Complete, Failed, Suspended, FailureTarget or SuccessCriteriaMet.",
  },
  [`${P}JobTemplateSpec`]: {
    "": "The metadata and spec of the Jobs a CronJob creates.",
    metadata: "Labels and annotations for each created Job.",
    spec: "The spec each created Job gets.",
  },
  [`${P}CronJob`]: {
    "": "Creates Jobs on a repeating schedule written in cron syntax.",
    ...objectFields,
    spec: "The schedule, the Job to create, and how runs may overlap.",
    status: "Which jobs are running and when the last one was scheduled and succeeded.",
  },
  [`${P}CronJobSpec`]: {
    "": "The desired behaviour of a CronJob.",
    concurrencyPolicy: "What to do when a run is due while the previous one is still going: Allow (the default), " +
      "Forbid (skip the new run) or Replace (stop the old one and start the new).",
    failedJobsHistoryLimit: "How many failed Jobs to keep. Defaults to 1.",
    jobTemplate: "The Job to create for each run.",
    schedule: "When to run, as five cron fields (minute hour day-of-month month day-of-week) or a macro such " +
      "as @hourly. Required; use timeZone rather than a TZ prefix.",
    startingDeadlineSeconds: "How late a run may still start after its scheduled time; runs missed by more " +
      "are skipped and count as failed. Unset means no deadline.",
    successfulJobsHistoryLimit: "How many successful Jobs to keep. Defaults to 3.",
    suspend: "While true no new runs start; running Jobs are not affected. Defaults to false.",
    timeZone: "An IANA time zone name, such as Europe/Paris, for interpreting the schedule. Defaults to the " +
      "kube-controller-manager's local zone.",
  },
  [`${P}CronJobStatus`]: {
    "": "The observed state of a CronJob.",
    active: "References to the Jobs currently running.",
    lastScheduleTime: "When a Job was last scheduled.",
    lastSuccessfulTime: "When a Job last completed successfully.",
  },
  [`${P}PodFailurePolicy`]: {
    "": "Rules for how particular pod failures affect a Job.",
    rules: "Checked in order, the first matching rule decides; if none matches the failure counts toward " +
      "backoffLimit. At most 20.",
  },
  [`${P}PodFailurePolicyRule`]: {
    "": "One pod failure rule: a match on exit codes or on pod conditions (not both) and an action.",
    action: "FailJob (fail the job and stop its pods), FailIndex (fail just that index), Ignore (do not count " +
      "the failure; replace the pod) or Count (count it as usual).",
    onExitCodes: "Match on container exit codes.",
    onPodConditions: "Match when the pod has any of these conditions, such as DisruptionTarget. At most 20.",
  },
  [`${P}PodFailurePolicyOnExitCodesRequirement`]: {
    "": "Matches a failed pod by the exit codes of its containers; containers that exited 0 are ignored.",
    containerName: "Only look at this container. Unset checks every container and init container.",
    operator: "In (some exit code is in values) or NotIn (some exit code is not in values).",
    values: "Exit codes, sorted and without duplicates; 0 is not allowed with In. 1 to 255 entries.",
  },
  [`${P}PodFailurePolicyOnPodConditionsPattern`]: {
    "": "Matches a failed pod by one of its conditions.",
    status: "The condition status to match. Defaults to True.",
    type: "The condition type to match, such as DisruptionTarget.",
  },
  [`${P}SuccessPolicy`]: {
    "": "Conditions under which an Indexed Job succeeds early; remaining pods are then stopped.",
    rules: "Alternatives checked in order; meeting any one marks the job SuccessCriteriaMet, then Complete. " +
      "At most 20.",
  },
  [`${P}SuccessPolicyRule`]: {
    "": "One early-success rule; set succeededIndexes, succeededCount or both.",
    succeededCount: "How many indexes (of succeededIndexes, if given) must have succeeded. Positive.",
    succeededIndexes: "Indexes that must all have succeeded, as a list like 0,2-4 within 0..completions-1.",
  },
  [`${P}UncountedTerminatedPods`]: {
    "": "UIDs of finished pods not yet reflected in the job's counters.",
    failed: "UIDs of failed pods.",
    succeeded: "UIDs of succeeded pods.",
  },
};
