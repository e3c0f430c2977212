import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from "../../../src/api/defaults/apps";
import { defaultReplicationController } from "../../../src/api/defaults/core";
import { validateDaemonSet, validateDaemonSetUpdate } from "../../../src/api/validation/apps/daemonset";
import { validateDeployment, validateDeploymentUpdate, validateReplicaSet } from "../../../src/api/validation/apps/deployment";
import { validateStatefulSet, validateStatefulSetUpdate } from "../../../src/api/validation/apps/statefulset";
import { validateReplicationController } from "../../../src/api/validation/core/controller";
import { nginxDeployment } from "../strategies/manifests";
import { only, show } from "./helpers";

function deployment(mutate: (spec: any) => void = () => {}): KubeObject {
  const d = nginxDeployment();
  mutate(d.spec);
  defaultDeployment(d);
  return d;
}

describe("Deployment validation", () => {
  it("accepts a typical nginx deployment", () => {
    expect(validateDeployment(deployment())).toEqual([]);
  });

  it("requires the selector to match the template labels", () => {
    const e = only(validateDeployment(deployment((s) => (s.selector.matchLabels = { app: "other" }))));
    expect(e).toEqual({
      type: "FieldValueInvalid",
      field: "spec.template.metadata.labels",
      message: 'Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    });
  });

  it("requires a non-empty selector", () => {
    expect(show(validateDeployment(deployment((s) => delete s.selector)))).toEqual([
      "spec.selector: Required value",
      'spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    ]);
    expect(show(validateDeployment(deployment((s) => (s.selector = {}))))).toEqual(["spec.selector: Invalid value: {}: empty selector is invalid for deployment"]);
  });

  it("validates selector expressions", () => {
    const d = deployment((s) => (s.selector = { matchExpressions: [{ key: "app", operator: "Is", values: ["nginx"] }] }));
    expect(show(validateDeployment(d))).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Is","values":["nginx"]}]}: invalid label selector',
    ]);
  });

  it("requires restartPolicy Always in the template", () => {
    expect(only(validateDeployment(deployment((s) => (s.template.spec.restartPolicy = "Never"))))).toEqual({
      type: "FieldValueNotSupported",
      field: "spec.template.spec.restartPolicy",
      message: 'Unsupported value: "Never": supported values: "Always"',
    });
  });

  it("validates replicas and the strategy", () => {
    expect(show(validateDeployment(deployment((s) => (s.replicas = -1))))).toEqual(["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]);
    const zero = deployment((s) => (s.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: "0%" } }));
    expect(show(validateDeployment(zero))).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']);
    const recreate = deployment((s) => (s.strategy = { type: "Recreate", rollingUpdate: { maxSurge: 1 } }));
    expect(show(validateDeployment(recreate))).toEqual(["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]);
    const pct = deployment((s) => (s.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: "1", maxUnavailable: "150%" } }));
    expect(show(validateDeployment(pct))).toEqual([
      expect.stringMatching(/^spec.strategy.rollingUpdate.maxSurge: Invalid value: "1": a valid percent string must be/),
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]);
    const pds = deployment((s) => ((s.minReadySeconds = 700), (s.progressDeadlineSeconds = 600)));
    expect(show(validateDeployment(pds))).toEqual(["spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"]);
  });

  it("reports pod template problems with full paths", () => {
    const d = deployment((s) => delete s.template.spec.containers[0].image);
    expect(show(validateDeployment(d))).toEqual(["spec.template.spec.containers[0].image: Required value"]);
  });

  it("keeps the apps/v1 selector immutable", () => {
    const old = deployment();
    const next = deployment((s) => {
      s.selector.matchLabels.tier = "web";
      s.template.metadata.labels.tier = "web";
    });
    expect(show(validateDeploymentUpdate(next, old))).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"nginx","tier":"web"}}: field is immutable']);
    const scaled = deployment((s) => (s.replicas = 5));
    expect(validateDeploymentUpdate(scaled, old)).toEqual([]);
  });
});

describe("other workload controllers", () => {
  const template = { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "db", image: "postgres:16" }] } };

  it("ReplicaSet uses the same rules", () => {
    const rs: KubeObject = { metadata: { name: "rs", namespace: "d" }, spec: { selector: { matchLabels: { app: "db" } }, template: structuredClone(template) } };
    defaultReplicaSet(rs);
    expect(validateReplicaSet(rs)).toEqual([]);
  });

  it("ReplicationController defaults its selector from the template and requires it to match", () => {
    const rc: KubeObject = { metadata: { name: "rc", namespace: "d" }, spec: { template: structuredClone(template) } };
    defaultReplicationController(rc);
    expect(rc.spec.selector).toEqual({ app: "db" });
    expect(validateReplicationController(rc)).toEqual([]);
    rc.spec.selector = { app: "x" };
    expect(show(validateReplicationController(rc))).toEqual(['spec.template.metadata.labels: Invalid value: {"app":"db"}: `selector` does not match template `labels`']);
  });

  it("StatefulSet: DNS-label names, selector, and limited updates", () => {
    const ss: KubeObject = {
      metadata: { name: "db", namespace: "d" },
      spec: {
        serviceName: "db",
        selector: { matchLabels: { app: "db" } },
        template: structuredClone(template),
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      },
    };
    defaultStatefulSet(ss);
    expect(validateStatefulSet(ss)).toEqual([]);
    const bad = structuredClone(ss);
    bad.metadata.name = "db.main";
    expect(show(validateStatefulSet(bad))).toEqual(['metadata.name: Invalid value: "db.main": must not contain dots']);
    const changed = structuredClone(ss);
    changed.spec.serviceName = "other";
    expect(show(validateStatefulSetUpdate(changed, ss))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
    const noStorage = structuredClone(ss);
    delete noStorage.spec.volumeClaimTemplates[0].spec.resources;
    expect(show(validateStatefulSet(noStorage))).toEqual(["spec.volumeClaimTemplates[0].spec.resources[storage]: Required value"]);
  });

  it("DaemonSet: strategy rules and immutable selector", () => {
    const ds: KubeObject = { metadata: { name: "agent", namespace: "d" }, spec: { selector: { matchLabels: { app: "db" } }, template: structuredClone(template) } };
    defaultDaemonSet(ds);
    expect(validateDaemonSet(ds)).toEqual([]);
    const both = structuredClone(ds);
    both.spec.updateStrategy.rollingUpdate = { maxUnavailable: 1, maxSurge: 1 };
    expect(show(validateDaemonSet(both))).toEqual(["spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"]);
    const moved = structuredClone(ds);
    moved.spec.selector = { matchLabels: { app: "db", x: "y" } };
    moved.spec.template.metadata.labels.x = "y";
    expect(show(validateDaemonSetUpdate(moved, ds))).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"db","x":"y"}}: field is immutable']);
  });
});
