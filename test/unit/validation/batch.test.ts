import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultCronJob, defaultJob } from "../../../src/api/defaults/batch";
import { generateJobSelector } from "../../../src/api/strategies/workloads";
import { validateCronJob, validateCronJobUpdate } from "../../../src/api/validation/batch/cronjob";
import { validateJob, validateJobUpdate } from "../../../src/api/validation/batch/job";
import { helloCronJob, piJob } from "../strategies/manifests";
import { only, show } from "./helpers";

function job(mutate: (spec: any) => void = () => {}): KubeObject {
  const j = piJob();
  mutate(j.spec);
  defaultJob(j);
  generateJobSelector(j);
  return j;
}

describe("Job validation", () => {
  it("accepts a typical job", () => {
    expect(validateJob(job())).toEqual([]);
  });

  it("requires restartPolicy OnFailure or Never", () => {
    expect(only(validateJob(job((s) => delete s.template.spec.restartPolicy)))).toEqual({
      type: "FieldValueRequired",
      field: "spec.template.spec.restartPolicy",
      message: 'Required value: valid values: "OnFailure", "Never"',
    });
    expect(show(validateJob(job((s) => (s.template.spec.restartPolicy = "Always"))))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });

  it("rejects negative completions and parallelism", () => {
    expect(show(validateJob(job((s) => ((s.completions = -1), (s.parallelism = -2)))))).toEqual([
      "spec.parallelism: Invalid value: -2: must be greater than or equal to 0",
      "spec.completions: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });

  it("checks the generated selector against the uid", () => {
    const j = job();
    j.spec.template.metadata.labels["controller-uid"] = "someone-else";
    expect(show(validateJob(j))).toEqual([
      expect.stringMatching(/^spec.template.metadata.labels\[controller-uid\]: Invalid value: .*must be '2f5c7b6e-1111-4c3d-9e7f-0123456789ab'$/),
    ]);
    const wrongSelector = job((s) => (s.selector = { matchLabels: { "batch.kubernetes.io/controller-uid": "other" } }));
    wrongSelector.spec.template.metadata.labels["batch.kubernetes.io/controller-uid"] = "other";
    expect(show(validateJob(wrongSelector))).toEqual([
      "spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Invalid value: {\"job-name\":\"pi\",\"batch.kubernetes.io/job-name\":\"pi\",\"controller-uid\":\"2f5c7b6e-1111-4c3d-9e7f-0123456789ab\",\"batch.kubernetes.io/controller-uid\":\"other\"}: must be '2f5c7b6e-1111-4c3d-9e7f-0123456789ab'",
      'spec.selector: Invalid value: {"matchLabels":{"batch.kubernetes.io/controller-uid":"other"}}: `selector` not auto-generated',
    ]);
  });

  it("a manual selector must match the template", () => {
    const j = job((s) => {
      s.manualSelector = true;
      s.selector = { matchLabels: { app: "pi" } };
    });
    expect(show(validateJob(j))).toEqual(["spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`"]);
  });

  it("keeps completions, selector and template immutable", () => {
    const old = job();
    const next = structuredClone(old);
    next.spec.completions = 3;
    next.spec.template.spec.containers[0].image = "perl:5.36";
    expect(show(validateJobUpdate(next, old))).toEqual([
      "spec.completions: Invalid value: 3: field is immutable",
      expect.stringMatching(/^spec.template: Invalid value: .*: field is immutable$/),
    ]);
    const suspended = structuredClone(old);
    suspended.spec.parallelism = 4;
    expect(validateJobUpdate(suspended, old)).toEqual([]);
  });
});

describe("CronJob validation", () => {
  const cron = (mutate: (spec: any) => void = () => {}) => {
    const c = helloCronJob();
    mutate(c.spec);
    defaultCronJob(c);
    return c;
  };

  it("accepts a typical cronjob and descriptors", () => {
    expect(validateCronJob(cron())).toEqual([]);
    expect(validateCronJob(cron((s) => (s.schedule = "@hourly")))).toEqual([]);
  });

  it("requires a valid schedule", () => {
    expect(only(validateCronJob(cron((s) => delete s.schedule)))).toEqual({ type: "FieldValueRequired", field: "spec.schedule", message: "Required value" });
    expect(only(validateCronJob(cron((s) => (s.schedule = "61 * * * *"))))).toEqual({
      type: "FieldValueInvalid",
      field: "spec.schedule",
      message: 'Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    });
    expect(show(validateCronJob(cron((s) => (s.schedule = "TZ=UTC 0 * * * *"))))).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
  });

  it("checks the time zone and concurrency policy", () => {
    expect(show(validateCronJob(cron((s) => (s.timeZone = "Mars/Olympus"))))).toEqual(['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']);
    expect(show(validateCronJob(cron((s) => (s.timeZone = "Local"))))).toEqual([
      'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    ]);
    expect(show(validateCronJob(cron((s) => (s.concurrencyPolicy = "Sometimes"))))).toEqual([
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ]);
  });

  it("validates the job template and name length", () => {
    expect(show(validateCronJob(cron((s) => (s.jobTemplate.spec.template.spec.restartPolicy = "Always"))))).toEqual([
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    const long = cron();
    long.metadata.name = "a".repeat(53);
    expect(show(validateCronJob(long))).toEqual([`metadata.name: Invalid value: "${"a".repeat(53)}": must be no more than 52 characters`]);
    expect(validateCronJobUpdate(long, long)).toEqual([]);
  });
});
