// autoscaling/v2 HorizontalPodAutoscaler (and the v1 top level).
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.autoscaling.v2.";
const V1 = "io.k8s.api.autoscaling.v1.";

const hpa = "Scales a workload with a scale subresource (Deployment, StatefulSet, ReplicaSet…) between a minimum " +
  "and maximum replica count, based on observed metrics such as CPU utilisation.";
const minReplicas = "The fewest replicas to scale down to. Defaults to 1; 0 is only allowed with the " +
  "HPAScaleToZero feature and an Object or External metric.";
const targetRef = "The object to scale: its apiVersion, kind and name in the same namespace.";

export const autoscaling: Descriptions = {
  [`${P}HorizontalPodAutoscaler`]: {
    "": hpa,
    ...objectFields,
    spec: "What to scale, the replica bounds, the metrics to follow and how fast to react.",
    status: "The autoscaler's latest readings and decisions.",
  },
  [`${P}HorizontalPodAutoscalerSpec`]: {
    "": "The desired behaviour of an autoscaler.",
    behavior: "Limits on how fast to scale up and down. Unset uses the defaults described on scaleUp and " +
      "scaleDown.",
    maxReplicas: "The most replicas to scale up to; not below minReplicas. Required.",
    metrics: "The metrics to track; each proposes a replica count and the largest wins. The count grows with " +
      "current/target, so metrics must fall as pods are added. Defaults to 80% average CPU utilisation.",
    minReplicas,
    scaleTargetRef: targetRef,
  },
  [`${P}CrossVersionObjectReference`]: {
    "": "Identifies an object in the same namespace by API version, kind and name.",
    apiVersion: "The referent's API version, such as apps/v1.",
    kind: "The referent's kind, such as Deployment.",
    name: "The referent's name.",
  },
  [`${P}MetricSpec`]: {
    "": "One metric to scale on: set type and the matching field.",
    containerResource: "A resource (cpu, memory) of one container across the target's pods.",
    external: "A metric from outside the cluster, such as a queue length.",
    object: "A metric of a single Kubernetes object, such as requests per second on an Ingress.",
    pods: "A custom per-pod metric averaged across the target's pods.",
    resource: "A resource (cpu, memory) of whole pods, as in their requests and limits.",
    type: "Resource, ContainerResource, Pods, Object or External.",
  },
  [`${P}ResourceMetricSource`]: {
    "": "Scale on a standard resource of the target's pods, averaged across them.",
    name: "The resource, such as cpu or memory.",
    target: "The utilisation or value to aim for.",
  },
  [`${P}ContainerResourceMetricSource`]: {
    "": "Scale on a standard resource of one container of the target's pods, averaged across them.",
    container: "The container's name.",
    name: "The resource, such as cpu or memory.",
    target: "The utilisation or value to aim for.",
  },
  [`${P}PodsMetricSource`]: {
    "": "Scale on a custom metric reported per pod, averaged across the target's pods.",
    metric: "The metric's name and optional selector.",
    target: "The average value to aim for.",
  },
  [`${P}ObjectMetricSource`]: {
    "": "Scale on a metric describing one Kubernetes object.",
    describedObject: "The object the metric describes.",
    metric: "The metric's name and optional selector.",
    target: "The value or average value to aim for.",
  },
  [`${P}ExternalMetricSource`]: {
    "": "Scale on a metric not tied to any Kubernetes object.",
    metric: "The metric's name and optional selector.",
    target: "The value or average value to aim for.",
  },
  [`${P}MetricIdentifier`]: {
    "": "Names a metric, optionally narrowed by labels.",
    name: "The metric's name.",
    selector: "Labels narrowing which series of the metric are used; unset lets the metrics server decide.",
  },
  [`${P}MetricTarget`]: {
    "": "The level of a metric the autoscaler aims for.",
    averageUtilization: "Target average as a percentage of the pods' requests. Only for resource metrics.",
    averageValue: "Target value averaged over the pods, as a quantity.",
    type: "Utilization, Value or AverageValue; the matching field must be set.",
    value: "Target total value, as a quantity.",
  },
  [`${P}HorizontalPodAutoscalerBehavior`]: {
    "": "How quickly the autoscaler may change the replica count in each direction.",
    scaleDown: "Rules for scaling down. Defaults to a 300-second stabilisation window and allowing every " +
      "surplus pod to go within 15 seconds.",
    scaleUp: "Rules for scaling up. Defaults to no stabilisation window and, per 15 seconds, the larger of " +
      "doubling or adding 4 pods.",
  },
  [`${P}HPAScalingRules`]: {
    "": "Rate limits and smoothing for one scaling direction.",
    policies: "Limits on how much may change within a period; selectPolicy picks among them.",
    selectPolicy: "Max (the default) uses the policy allowing the biggest change, Min the smallest, and " +
      "Disabled turns scaling in this direction off.",
    stabilizationWindowSeconds: "Seconds of past recommendations to consider, picking the most conservative, " +
      "to avoid flapping. 0 to 3600.",
    tolerance: "Relative metric deviation, such as 0.05, within which no scaling happens. Defaults to the " +
      "cluster-wide 10%. Needs the HPAConfigurableTolerance feature.",
  },
  [`${P}HPAScalingPolicy`]: {
    "": "One limit on scaling speed.",
    periodSeconds: "The window the limit applies to, 1 to 1800 seconds.",
    type: "Pods (an absolute number) or Percent (of the current replicas).",
    value: "How much change the window allows. Must be positive.",
  },
  [`${P}HorizontalPodAutoscalerStatus`]: {
    "": "The observed state of an autoscaler.",
    conditions: "Whether it can scale (AbleToScale), is active (ScalingActive), and is pinned at a bound " +
      "(ScalingLimited).",
    currentMetrics: "The metric values read most recently.",
    currentReplicas: "Replicas of the target as last seen.",
    desiredReplicas: "Replicas the autoscaler last decided on.",
    lastScaleTime: "When the autoscaler last changed the replica count.",
    observedGeneration: "The metadata.generation the autoscaler last acted on.",
  },
  [`${P}HorizontalPodAutoscalerCondition`]: {
    "": "One aspect of an autoscaler's state.",
    ...conditionFields,
    type: "AbleToScale, ScalingActive or ScalingLimited.",
  },
  [`${P}MetricStatus`]: {
    "": "The last reading of one metric; type says which field is set.",
    containerResource: "Reading of a container resource metric.",
    external: "Reading of an external metric.",
    object: "Reading of an object metric.",
    pods: "Reading of a pods metric.",
    resource: "Reading of a resource metric.",
    type: "Resource, ContainerResource, Pods, Object or External.",
  },
  [`${V1}HorizontalPodAutoscaler`]: {
    "": `${hpa} This older version only supports CPU utilisation; autoscaling/v2 adds other metrics.`,
    ...objectFields,
    spec: "What to scale, the replica bounds and the CPU target.",
    status: "The autoscaler's latest readings and decisions.",
  },
  [`${V1}HorizontalPodAutoscalerSpec`]: {
    "": "The desired behaviour of an autoscaler (v1, CPU only).",
    maxReplicas: "The most replicas to scale up to; not below minReplicas. Required.",
    minReplicas,
    scaleTargetRef: targetRef,
    targetCPUUtilizationPercentage: "Average CPU use to aim for, in percent of the pods' CPU requests. Unset uses " +
      "the default policy (80%).",
  },
  [`${V1}HorizontalPodAutoscalerStatus`]: {
    "": "The observed state of an autoscaler (v1).",
    currentCPUUtilizationPercentage: "Current average CPU use, in percent of the pods' CPU requests.",
    currentReplicas: "Replicas of the target as last seen.",
    desiredReplicas: "Replicas the autoscaler last decided on.",
    lastScaleTime: "When the autoscaler last changed the replica count.",
    observedGeneration: "The metadata.generation the autoscaler last acted on.",
  },
  [`${V1}CrossVersionObjectReference`]: {
    "": "Identifies an object in the same namespace by API version, kind and name.",
    apiVersion: "The referent's API version, such as apps/v1.",
    kind: "The referent's kind, such as Deployment.",
    name: "The referent's name.",
  },
};
