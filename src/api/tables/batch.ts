// batch/v1: jobs (STATUS, COMPLETIONS "1/3" or "0/1 of 4", DURATION) and cron jobs.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { humanDuration, parseTime, translateTimestampSince } from "./duration";
import { ageColumn, arr, boolPtr, col, containerColumns, formatLabelSelector, nameColumn } from "./format";

/** The first condition of a type decides, as upstream's hasJobCondition. */
function hasCondition(o: KubeObject, type: string): boolean {
  return arr(o.status?.conditions).find((c) => c?.type === type)?.status === "True";
}

function jobStatus(o: KubeObject): string {
  if (hasCondition(o, "Complete")) return "Complete";
  if (hasCondition(o, "Failed")) return "Failed";
  if (o.metadata.deletionTimestamp) return "Terminating";
  if (hasCondition(o, "Suspended")) return "Suspended";
  if (hasCondition(o, "FailureTarget")) return "FailureTarget";
  return "Running";
}

function completions(o: KubeObject): string {
  const succeeded = o.status?.succeeded ?? 0;
  if (o.spec?.completions !== undefined && o.spec?.completions !== null) return `${succeeded}/${o.spec.completions}`;
  // Without a completion count the job is done after one success, however many run in parallel.
  const parallelism = o.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Time from start to completion, or until now while running; empty before it starts. */
function jobDuration(o: KubeObject, now: Date): string {
  if (!o.status?.startTime) return "";
  const start = parseTime(o.status.startTime) ?? 0;
  const end = o.status.completionTime ? (parseTime(o.status.completionTime) ?? 0) : now.getTime();
  return humanDuration(end - start);
}

export const jobColumns: ColumnDef[] = [
  nameColumn,
  col("Status", "Status of the job.", jobStatus),
  col("Completions", DOC["JobStatus.succeeded"], completions),
  col("Duration", "Time required to complete the job.", jobDuration),
  ageColumn,
  ...containerColumns((o) => o.spec?.template?.spec?.containers),
  col("Selector", DOC["JobSpec.selector"], (o) => formatLabelSelector(o.spec?.selector), { priority: 1 }),
];

export const cronJobColumns: ColumnDef[] = [
  nameColumn,
  col("Schedule", DOC["CronJobSpec.schedule"], (o) => o.spec?.schedule ?? ""),
  col("Timezone", DOC["CronJobSpec.timeZone"], (o) => o.spec?.timeZone ?? "<none>"),
  col("Suspend", DOC["CronJobSpec.suspend"], (o) => boolPtr(o.spec?.suspend), { type: "boolean" }),
  col("Active", DOC["CronJobStatus.active"], (o) => arr(o.status?.active).length, { type: "integer" }),
  col("Last Schedule", DOC["CronJobStatus.lastScheduleTime"], (o, now) =>
    o.status?.lastScheduleTime ? translateTimestampSince(o.status.lastScheduleTime, now) : "<none>",
  ),
  ageColumn,
  ...containerColumns((o) => o.spec?.jobTemplate?.spec?.template?.spec?.containers),
  col("Selector", DOC["JobSpec.selector"], (o) => formatLabelSelector(o.spec?.jobTemplate?.spec?.selector), { priority: 1 }),
];
