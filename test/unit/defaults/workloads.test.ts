import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultDaemonSet, defaultDeployment, defaultStatefulSet } from "../../../src/api/defaults/apps";
import { defaultCronJob, defaultJob } from "../../../src/api/defaults/batch";
import { kubectlCreateDeployment } from "../strategies/manifests";

const templateSpec = (image: string, pullPolicy: string) => ({
  containers: [
    {
      name: "nginx",
      image,
      resources: {},
      imagePullPolicy: pullPolicy,
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
    },
  ],
  dnsPolicy: "ClusterFirst",
  restartPolicy: "Always",
  schedulerName: "default-scheduler",
  securityContext: {},
  terminationGracePeriodSeconds: 30,
});

describe("apps/v1 defaults", () => {
  it("defaults `kubectl create deployment web --image=nginx` as upstream stores it", () => {
    const d = kubectlCreateDeployment();
    defaultDeployment(d);
    expect(d.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { creationTimestamp: null, labels: { app: "web" } }, spec: templateSpec("nginx", "Always") },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  it("keeps explicit values and only defaults rollingUpdate for RollingUpdate", () => {
    const d: KubeObject = { metadata: { name: "x" }, spec: { replicas: 0, strategy: { type: "Recreate" }, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } };
    defaultDeployment(d);
    expect(d.spec.replicas).toBe(0);
    expect(d.spec.strategy).toEqual({ type: "Recreate" });
    expect(d.spec.template.spec.containers[0].imagePullPolicy).toBe("IfNotPresent");
  });

  it("defaults StatefulSets including claim templates", () => {
    const ss: KubeObject = {
      metadata: { name: "db" },
      spec: {
        selector: { matchLabels: { app: "db" } },
        template: { spec: { containers: [{ name: "nginx", image: "nginx:latest" }] } },
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      },
    };
    defaultStatefulSet(ss);
    expect(ss.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
      revisionHistoryLimit: 10,
    });
    expect(ss.spec.template.spec).toEqual(templateSpec("nginx:latest", "Always"));
    expect(ss.spec.volumeClaimTemplates[0]).toEqual({
      metadata: { name: "data" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, volumeMode: "Filesystem" },
      status: { phase: "Pending" },
    });
  });

  it("defaults DaemonSets", () => {
    const ds: KubeObject = { metadata: { name: "agent" }, spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx@sha256:abc" }] } } } };
    defaultDaemonSet(ds);
    expect(ds.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.spec.template.spec.containers[0].imagePullPolicy).toBe("IfNotPresent");
  });
});

describe("batch/v1 defaults", () => {
  it("defaults Jobs", () => {
    const job: KubeObject = { metadata: { name: "pi" }, spec: { template: { metadata: { labels: { app: "pi" } }, spec: { restartPolicy: "Never", containers: [{ name: "nginx", image: "nginx" }] } } } };
    defaultJob(job);
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      podReplacementPolicy: "TerminatingOrFailed",
      manualSelector: false,
    });
    expect(job.metadata.labels).toEqual({ app: "pi" });
    const parallel: KubeObject = { metadata: { name: "p" }, spec: { parallelism: 3, template: {} } };
    defaultJob(parallel);
    expect(parallel.spec.completions).toBeUndefined();
    expect(parallel.spec.parallelism).toBe(3);
  });

  it("defaults CronJobs and their pod template", () => {
    const cj: KubeObject = { metadata: { name: "hello" }, spec: { schedule: "@hourly", jobTemplate: { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx" }] } } } } } };
    defaultCronJob(cj);
    expect(cj.spec).toMatchObject({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe("ClusterFirst");
    expect(cj.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
  });
});
