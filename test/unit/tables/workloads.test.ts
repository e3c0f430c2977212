import { describe, expect, it } from "vitest";
import * as apps from "../../../src/api/tables/apps";
import { cronJobColumns, jobColumns } from "../../../src/api/tables/batch";
import { podTemplateColumns, replicationControllerColumns } from "../../../src/api/tables/core";
import { ago, cells, row } from "./helpers";

const template = {
  metadata: { labels: { app: "web" } },
  spec: { containers: [{ name: "web", image: "nginx:1.27" }, { name: "sidecar", image: "envoy:v1" }], nodeSelector: { "kubernetes.io/os": "linux" } },
};
const selector = { matchLabels: { app: "web", tier: "fe" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod", "canary"] }] };

describe("apps", () => {
  it("prints a deployment mid-rollout", () => {
    const d = {
      metadata: { name: "web", creationTimestamp: ago(90 * 60) },
      spec: { replicas: 3, selector, template },
      status: { replicas: 4, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 2 },
    };
    expect(cells(apps.deploymentColumns, d)).toEqual(["web", "2/3", 1, 2, "90m", "web,sidecar", "nginx:1.27,envoy:v1", "app=web,env in (canary,prod),tier=fe"]);
    expect(apps.deploymentColumns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      "Name:string:0", "Ready:string:0", "Up-to-date:string:0", "Available:string:0", "Age:string:0",
      "Containers:string:1", "Images:string:1", "Selector:string:1",
    ]);
  });

  it("prints a fresh deployment without status, and an empty selector as empty", () => {
    const d = { metadata: { name: "new", creationTimestamp: ago(5) }, spec: { replicas: 1, selector: {}, template } };
    expect(row(apps.deploymentColumns, d)).toMatchObject({ READY: "0/1", "UP-TO-DATE": 0, AVAILABLE: 0, AGE: "5s", SELECTOR: "" });
  });

  it("prints replica sets, stateful sets and daemon sets", () => {
    const rs = { metadata: { name: "web-5d8f", creationTimestamp: ago(600) }, spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template }, status: { replicas: 3, readyReplicas: 1 } };
    expect(cells(apps.replicaSetColumns, rs)).toEqual(["web-5d8f", 3, 3, 1, "10m", "web,sidecar", "nginx:1.27,envoy:v1", "app=web"]);

    const sts = { metadata: { name: "db", creationTimestamp: ago(86400 * 3) }, spec: { replicas: 3, template }, status: { replicas: 3, readyReplicas: 2 } };
    expect(cells(apps.statefulSetColumns, sts)).toEqual(["db", "2/3", "3d", "web,sidecar", "nginx:1.27,envoy:v1"]);

    const ds = {
      metadata: { name: "agent", creationTimestamp: ago(3600) },
      spec: { selector: { matchExpressions: [{ key: "app", operator: "Exists" }, { key: "legacy", operator: "DoesNotExist" }] }, template },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    };
    expect(cells(apps.daemonSetColumns, ds)).toEqual(["agent", 3, 3, 2, 3, 2, "kubernetes.io/os=linux", "60m", "web,sidecar", "nginx:1.27,envoy:v1", "app,!legacy"]);
    const bare = { metadata: { name: "x" }, spec: { template: { spec: { containers: [] } } } };
    expect(row(apps.daemonSetColumns, bare)).toMatchObject({ "NODE SELECTOR": "<none>", AGE: "<unknown>", SELECTOR: "<none>", CONTAINERS: "", IMAGES: "" });
  });

  it("names the controller of a controller revision by kind and group", () => {
    const cr = (apiVersion: string, kind: string) => ({
      metadata: { name: "agent-7c9", creationTimestamp: ago(60), ownerReferences: [{ apiVersion, kind, name: "agent", uid: "u", controller: true }] },
      revision: 2,
    });
    expect(cells(apps.controllerRevisionColumns, cr("apps/v1", "DaemonSet"))).toEqual(["agent-7c9", "daemonset.apps/agent", 2, "60s"]);
    expect(row(apps.controllerRevisionColumns, cr("v1", "Pod")).CONTROLLER).toBe("pod/agent");
    expect(row(apps.controllerRevisionColumns, { metadata: { name: "orphan" }, revision: 1 }).CONTROLLER).toBe("<none>");
  });

  it("prints replication controllers (map selector) and pod templates (no age)", () => {
    const rc = { metadata: { name: "old", creationTimestamp: ago(60) }, spec: { replicas: 2, selector: { app: "old" }, template }, status: { replicas: 2, readyReplicas: 2 } };
    expect(cells(replicationControllerColumns, rc)).toEqual(["old", 2, 2, 2, "60s", "web,sidecar", "nginx:1.27,envoy:v1", "app=old"]);
    expect(cells(podTemplateColumns, { metadata: { name: "tpl" }, template })).toEqual(["tpl", "web,sidecar", "nginx:1.27,envoy:v1", "app=web"]);
  });
});

describe("batch", () => {
  const job = (spec: object, status: object, meta: object = {}) => ({
    metadata: { name: "pi", creationTimestamp: ago(3600), ...meta },
    spec: { selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "abc" } }, template, ...spec },
    status,
  });

  it("prints a job that completed", () => {
    const j = job(
      { completions: 1, parallelism: 1 },
      { succeeded: 1, startTime: ago(3590), completionTime: ago(3590 - 17), conditions: [{ type: "SuccessCriteriaMet", status: "True" }, { type: "Complete", status: "True" }] },
    );
    expect(cells(jobColumns, j)).toEqual(["pi", "Complete", "1/1", "17s", "60m", "web,sidecar", "nginx:1.27,envoy:v1", "batch.kubernetes.io/controller-uid=abc"]);
  });

  it("prints running, failed, suspended and terminating jobs", () => {
    expect(row(jobColumns, job({ completions: 5, parallelism: 2 }, { active: 2, succeeded: 2, startTime: ago(250) }))).toMatchObject({
      STATUS: "Running",
      COMPLETIONS: "2/5",
      DURATION: "4m10s",
    });
    expect(row(jobColumns, job({ parallelism: 4 }, { succeeded: 0 })).COMPLETIONS).toBe("0/1 of 4");
    expect(row(jobColumns, job({}, {}))).toMatchObject({ STATUS: "Running", COMPLETIONS: "0/1", DURATION: "" });
    const failed = { failed: 6, startTime: ago(400), conditions: [{ type: "FailureTarget", status: "True" }, { type: "Failed", status: "True" }] };
    expect(row(jobColumns, job({ completions: 1 }, failed)).STATUS).toBe("Failed");
    expect(row(jobColumns, job({ completions: 1 }, { conditions: [{ type: "FailureTarget", status: "True" }] })).STATUS).toBe("FailureTarget");
    expect(row(jobColumns, job({ suspend: true }, { conditions: [{ type: "Suspended", status: "True" }] })).STATUS).toBe("Suspended");
    expect(row(jobColumns, job({}, { conditions: [{ type: "Suspended", status: "True" }] }, { deletionTimestamp: ago(1) })).STATUS).toBe("Terminating");
  });

  it("prints cron jobs", () => {
    const cj = {
      metadata: { name: "nightly", creationTimestamp: ago(86400 * 10) },
      spec: { schedule: "0 2 * * *", suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: "nightly-1" }], lastScheduleTime: ago(7200) },
    };
    expect(cells(cronJobColumns, cj)).toEqual(["nightly", "0 2 * * *", "<none>", "False", 1, "120m", "10d", "web,sidecar", "nginx:1.27,envoy:v1", "<none>"]);
    const tz = { metadata: { name: "x" }, spec: { schedule: "@hourly", timeZone: "Europe/Paris" } };
    expect(row(cronJobColumns, tz)).toMatchObject({ TIMEZONE: "Europe/Paris", SUSPEND: "<unset>", ACTIVE: 0, "LAST SCHEDULE": "<none>" });
  });
});
