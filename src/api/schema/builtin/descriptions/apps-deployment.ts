// apps/v1 Deployment and ReplicaSet.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.apps.v1.";

export const appsDeployment: Descriptions = {
  [`${P}Deployment`]: {
    "": "Declares a desired set of identical, interchangeable pods. The deployment controller manages ReplicaSets " +
      "to reach it and rolls out template changes gradually, with rollback to earlier revisions.",
    ...objectFields,
    spec: "The desired state: how many pods, their template, and how to roll out changes.",
    status: "What the deployment controller last observed. Written by the controller; read-only to users.",
  },
  [`${P}DeploymentSpec`]: {
    "": "The desired state of a Deployment.",
    minReadySeconds: "How long a new pod must stay ready, with no container crashing, before it counts as " +
      "available. Defaults to 0: a ready pod is available at once.",
    paused: "While true, changes to the template do not start a rollout and progress is not tracked.",
    progressDeadlineSeconds: "Seconds a rollout may go without progress before the Progressing condition turns " +
      "False with reason ProgressDeadlineExceeded. The rollout itself is not stopped. Defaults to 600.",
    replicas: "The number of pods wanted. Defaults to 1; an explicit 0 is kept.",
    revisionHistoryLimit: "How many old, scaled-down ReplicaSets to keep for rollback. Defaults to 10.",
    selector: "Labels identifying the pods this Deployment manages. Must match the template's labels and " +
      "cannot be changed after creation in apps/v1.",
    strategy: "How existing pods are replaced by new ones when the template changes.",
    template: "The pod to create for each replica. Its labels must satisfy the selector and its restartPolicy " +
      "must be Always; any change to it starts a new rollout.",
  },
  [`${P}DeploymentStrategy`]: {
    "": "How a Deployment replaces old pods with new ones.",
    rollingUpdate: "Limits for a rolling update. Only allowed when type is RollingUpdate.",
    type: "RollingUpdate (the default) swaps pods gradually; Recreate deletes all old pods before creating " +
      "new ones.",
  },
  [`${P}RollingUpdateDeployment`]: {
    "": "Pacing for a Deployment's rolling update.",
    maxSurge: "How many pods may exist above the desired count during the update, as a number or a percentage " +
      "of replicas (rounded up). Cannot be 0 if maxUnavailable is 0. Defaults to 25%.",
    maxUnavailable: "How many of the desired pods may be unavailable during the update, as a number or a " +
      "percentage of replicas (rounded down). Cannot be 0 if maxSurge is 0. Defaults to 25%.",
  },
  [`${P}DeploymentStatus`]: {
    "": "The observed state of a Deployment, maintained by its controller.",
    availableReplicas: "Pods of this Deployment, not terminating, that have been ready for at least minReadySeconds.",
    collisionCount: "Incremented when the name for a new ReplicaSet clashes with an existing one; it feeds the " +
      "name hash so the next attempt differs.",
    conditions: "The latest observations of the rollout, such as Available, Progressing and ReplicaFailure.",
    observedGeneration: "The metadata.generation the controller last acted on. When lower than the current " +
      "generation, the other status fields may be stale.",
    readyReplicas: "Non-terminating pods of this Deployment whose Ready condition is True.",
    replicas: "Non-terminating pods whose labels match the selector, across all its ReplicaSets.",
    terminatingReplicas: "Pods of this Deployment that are being deleted but have not yet finished. Alpha; " +
      "only reported when the DeploymentReplicaSetTerminatingReplicas feature is on.",
    unavailableReplicas: "How many more available pods are needed to reach the desired count: pods not yet " +
      "available plus pods not yet created.",
    updatedReplicas: "Non-terminating pods created from the current template.",
  },
  [`${P}DeploymentCondition`]: {
    "": "One aspect of a Deployment's state at a point in time.",
    ...conditionFields,
    lastUpdateTime: "When the controller last refreshed this condition, even without a status change.",
    type: "Which aspect this is: Available, Progressing or ReplicaFailure.",
  },
  [`${P}ReplicaSet`]: {
    "": "Keeps a given number of pods matching a selector running. Usually created and managed by a " +
      "Deployment rather than directly.",
    ...objectFields,
    spec: "The desired state: how many pods and which template to create them from.",
    status: "What the ReplicaSet controller last observed. Read-only to users.",
  },
  [`${P}ReplicaSetSpec`]: {
    "": "The desired state of a ReplicaSet.",
    minReadySeconds: "How long a new pod must stay ready, with no container crashing, before it counts as " +
      "available. Defaults to 0.",
    replicas: "The number of pods wanted. Defaults to 1; an explicit 0 is kept.",
    selector: "Labels identifying the pods this ReplicaSet counts and manages. Must match the template's labels; " +
      "cannot be changed in apps/v1.",
    template: "The pod to create when there are too few. Changing it does not affect pods that already exist.",
  },
  [`${P}ReplicaSetStatus`]: {
    "": "The observed state of a ReplicaSet.",
    availableReplicas: "Non-terminating pods that have been ready for at least minReadySeconds.",
    conditions: "The latest observations, such as ReplicaFailure when pods cannot be created or deleted.",
    fullyLabeledReplicas: "Non-terminating pods whose labels carry all of the template's labels.",
    observedGeneration: "The metadata.generation the controller last acted on.",
    readyReplicas: "Non-terminating pods whose Ready condition is True.",
    replicas: "Non-terminating pods matching the selector, as last counted.",
    terminatingReplicas: "Pods being deleted that have not finished yet. Alpha; reported only with the " +
      "DeploymentReplicaSetTerminatingReplicas feature.",
  },
  [`${P}ReplicaSetCondition`]: {
    "": "One aspect of a ReplicaSet's state at a point in time.",
    ...conditionFields,
    type: "Which aspect this is; ReplicaFailure is the one in use.",
  },
};
