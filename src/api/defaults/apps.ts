// apps/v1 defaulting (SetDefaults_Deployment, _ReplicaSet, _StatefulSet, _DaemonSet) plus the
// pod-spec defaults of each template.
import { defaultPVCSpec } from "./core";
import { defaultPodTemplate } from "./pod";
import { ensure, isObj, list, type Obj } from "./util";

export function defaultDeployment(d: Obj): void {
  const spec = ensure(d, "spec");
  if (typeof spec.replicas !== "number") spec.replicas = 1;
  const strategy = ensure(spec, "strategy");
  if (!strategy.type) strategy.type = "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const ru = ensure(strategy, "rollingUpdate");
    ru.maxUnavailable ??= "25%";
    ru.maxSurge ??= "25%";
  }
  if (typeof spec.revisionHistoryLimit !== "number") spec.revisionHistoryLimit = 10;
  if (typeof spec.progressDeadlineSeconds !== "number") spec.progressDeadlineSeconds = 600;
  defaultPodTemplate(spec.template);
}

export function defaultReplicaSet(rs: Obj): void {
  const spec = ensure(rs, "spec");
  if (typeof spec.replicas !== "number") spec.replicas = 1;
  defaultPodTemplate(spec.template);
}

export function defaultStatefulSet(ss: Obj): void {
  const spec = ensure(ss, "spec");
  if (!spec.podManagementPolicy) spec.podManagementPolicy = "OrderedReady";
  const us = ensure(spec, "updateStrategy");
  if (!us.type) {
    us.type = "RollingUpdate";
    if (!isObj(us.rollingUpdate)) us.rollingUpdate = {};
  }
  if (us.type === "RollingUpdate" && isObj(us.rollingUpdate) && typeof us.rollingUpdate.partition !== "number") {
    us.rollingUpdate.partition = 0;
  }
  const retention = ensure(spec, "persistentVolumeClaimRetentionPolicy");
  retention.whenDeleted ||= "Retain";
  retention.whenScaled ||= "Retain";
  if (typeof spec.replicas !== "number") spec.replicas = 1;
  if (typeof spec.revisionHistoryLimit !== "number") spec.revisionHistoryLimit = 10;
  defaultPodTemplate(spec.template);
  // Claim templates are PersistentVolumeClaims and get their defaults, status included.
  for (const pvc of list(spec.volumeClaimTemplates)) {
    defaultPVCSpec(ensure(pvc, "spec"));
    ensure(pvc, "status").phase ||= "Pending";
  }
}

export function defaultDaemonSet(ds: Obj): void {
  const spec = ensure(ds, "spec");
  const us = ensure(spec, "updateStrategy");
  if (!us.type) us.type = "RollingUpdate";
  if (us.type === "RollingUpdate") {
    const ru = ensure(us, "rollingUpdate");
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  if (typeof spec.revisionHistoryLimit !== "number") spec.revisionHistoryLimit = 10;
  defaultPodTemplate(spec.template);
}
