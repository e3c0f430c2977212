// policy/v1 PodDisruptionBudget.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.policy.v1.";

export const policy: Descriptions = {
  [`${P}PodDisruptionBudget`]: {
    "": "Limits how many pods of an application voluntary disruptions, such as drains and evictions, may take " +
      "down at once. Enforced by the eviction API; plain deletes ignore it.",
    ...objectFields,
    spec: "Which pods are protected and how many must stay available.",
    status: "How many pods are healthy and how many evictions are allowed right now.",
  },
  [`${P}PodDisruptionBudgetSpec`]: {
    "": "The desired protection of a PodDisruptionBudget; set at most one of minAvailable and maxUnavailable.",
    maxUnavailable: "How many selected pods may be unavailable after an eviction, as a number or a percentage. " +
      "Cannot be combined with minAvailable.",
    minAvailable: "How many selected pods must still be available after an eviction, as a number or a " +
      "percentage; 100% blocks all evictions. Cannot be combined with maxUnavailable.",
    selector: "The pods the budget covers, in its namespace. An empty selector covers every pod in the " +
      "namespace; a missing one covers none.",
    unhealthyPodEvictionPolicy: "When running but not-ready pods may be evicted: IfHealthyBudget (the default) " +
      "only while the budget is met, AlwaysAllow at any time, which helps drains past broken pods.",
  },
  [`${P}PodDisruptionBudgetStatus`]: {
    "": "The observed state of a PodDisruptionBudget, maintained by the disruption controller. It may lag.",
    conditions: "DisruptionAllowed, True when evictions are currently permitted, with reasons such as " +
      "SufficientPods, InsufficientPods or SyncFailed.",
    currentHealthy: "Selected pods that are currently healthy (Ready).",
    desiredHealthy: "The fewest healthy pods the budget requires.",
    disruptedPods: "Pods accepted for eviction but not yet seen as deleting, mapped to when the eviction was " +
      "accepted. Normally empty; entries expire.",
    disruptionsAllowed: "How many more pods may be evicted right now.",
    expectedPods: "Total pods the budget counts.",
    observedGeneration: "The metadata.generation the status was computed for; other fields are only valid when " +
      "it matches.",
  },
};
