// policy/v1 PodDisruptionBudget.

import type { SchemaPackage } from "../schema";

export const policy: SchemaPackage = {
  proto: "k8s.io.api.policy.v1",
  messages: {
    PodDisruptionBudget: { 1: "metadata:meta.ObjectMeta", 2: "spec:PodDisruptionBudgetSpec",
      3: "status:PodDisruptionBudgetStatus" },
    PodDisruptionBudgetSpec: { 1: "minAvailable*:intstr.IntOrString", 2: "selector*:meta.LabelSelector ~replace",
      3: "maxUnavailable*:intstr.IntOrString", 4: "unhealthyPodEvictionPolicy*" },
    PodDisruptionBudgetStatus: { 1: "observedGeneration:int64", 2: "disruptedPods:{meta.Time}",
      3: "disruptionsAllowed!:int32", 4: "currentHealthy!:int32", 5: "desiredHealthy!:int32",
      6: "expectedPods!:int32", 7: "conditions[]:meta.Condition ~merge(type) =map(type)" },
  },
};
