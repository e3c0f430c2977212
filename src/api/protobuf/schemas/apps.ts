// apps/v1 Deployment (kubectl create deployment).

import type { SchemaPackage } from "../schema";

export const apps: SchemaPackage = {
  proto: "k8s.io.api.apps.v1",
  messages: {
    Deployment: { 1: "metadata:meta.ObjectMeta", 2: "spec:DeploymentSpec", 3: "status:DeploymentStatus" },
    DeploymentSpec: { 1: "replicas*:int32", 2: "selector*:meta.LabelSelector",
      3: "template:core.PodTemplateSpec", 4: "strategy:DeploymentStrategy", 5: "minReadySeconds:int32",
      6: "revisionHistoryLimit*:int32", 7: "paused:bool", 9: "progressDeadlineSeconds*:int32" },
    DeploymentStatus: { 1: "observedGeneration:int64", 2: "replicas:int32", 3: "updatedReplicas:int32",
      4: "availableReplicas:int32", 5: "unavailableReplicas:int32", 6: "conditions[]:DeploymentCondition",
      7: "readyReplicas:int32", 8: "collisionCount*:int32", 9: "terminatingReplicas*:int32" },
    DeploymentStrategy: { 1: "type", 2: "rollingUpdate*:RollingUpdateDeployment" },
    DeploymentCondition: { 1: "type", 2: "status", 4: "reason", 5: "message", 6: "lastUpdateTime:meta.Time",
      7: "lastTransitionTime:meta.Time" },
    RollingUpdateDeployment: { 1: "maxUnavailable*:intstr.IntOrString", 2: "maxSurge*:intstr.IntOrString" },
  },
};
