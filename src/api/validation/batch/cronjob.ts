// CronJobs (batch validation): schedule syntax, time zone, concurrency policy and job template.
import type { FieldError } from "../../errors";
import type { KubeObject } from "../../object";
import { byteLength, errInvalid, errNotSupported, errRequired, isObj, nonNegative, str, type Obj } from "../field";
import { validateObjectMeta, validateObjectMetaUpdate } from "../meta";
import { nameIsDNSSubdomain } from "../names";
import { cronScheduleError } from "../cron";
import { isKnownTimeZone } from "../timezone";
import { validateJobSpec } from "./jobspec";

const concurrencyPolicies = ["Allow", "Forbid", "Replace"];

function validateTimeZone(tz: unknown): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const p = "spec.timeZone";
  const v = str(tz);
  if (v.length === 0) return [errInvalid(p, v, "timeZone must be nil or non-empty string")];
  for (const part of v.split("/")) {
    if (part === "." || part === ".." || part.startsWith("-") || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) {
      return [errInvalid(p, v, `unknown time zone ${v}`)];
    }
  }
  if (v.toLowerCase() === "local") return [errInvalid(p, v, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")];
  return isKnownTimeZone(v) ? [] : [errInvalid(p, v, `unknown time zone ${v}`)];
}

function validateSpec(spec: Obj, old: Obj | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = str(spec.schedule);
  if (!schedule) errs.push(errRequired("spec.schedule"));
  else {
    const bad = cronScheduleError(schedule);
    if (bad) errs.push(errInvalid("spec.schedule", schedule, bad));
    const allowTZ = str(old?.schedule).includes("TZ");
    if (allowTZ && schedule.includes("TZ") && spec.timeZone !== undefined && spec.timeZone !== null) {
      errs.push(errInvalid("spec.schedule", schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
    } else if (!allowTZ && schedule.includes("TZ")) {
      errs.push(errInvalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
    }
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds"));
  if (!old || old.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone));
  const cp = spec.concurrencyPolicy;
  if (!cp) errs.push(errRequired("spec.concurrencyPolicy"));
  else if (!concurrencyPolicies.includes(cp)) errs.push(errNotSupported("spec.concurrencyPolicy", cp, concurrencyPolicies));
  const jobSpec: Obj = isObj(spec.jobTemplate?.spec) ? spec.jobTemplate.spec : {};
  errs.push(...validateJobSpec(jobSpec, "spec.jobTemplate.spec"));
  if (jobSpec.selector !== undefined && jobSpec.selector !== null) {
    errs.push(errInvalid("spec.jobTemplate.spec.selector", jobSpec.selector, "`selector` will be auto-generated"));
  }
  if (jobSpec.manualSelector === true) errs.push(errNotSupported("spec.jobTemplate.spec.manualSelector", true, ["nil", "false"]));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"));
  return errs;
}

export function validateCronJob(obj: KubeObject): FieldError[] {
  const errs = [...validateObjectMeta(obj.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }), ...validateSpec(isObj(obj.spec) ? obj.spec : {}, undefined)];
  // Jobs are named <cronjob>-<11-digit timestamp> and job names are at most 63 characters.
  if (byteLength(str(obj.metadata?.name)) > 52) errs.push(errInvalid("metadata.name", obj.metadata.name, "must be no more than 52 characters"));
  return errs;
}

export function validateCronJobUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateSpec(isObj(obj.spec) ? obj.spec : {}, isObj(old.spec) ? old.spec : {})];
}
