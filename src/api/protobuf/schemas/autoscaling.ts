// autoscaling HorizontalPodAutoscaler: kubectl autoscale sends v1 (1.32) or v2 (1.33). The two versions
// share message names, so they are separate packages.

import type { SchemaPackage } from "../schema";

export const autoscalingv1: SchemaPackage = {
  proto: "k8s.io.api.autoscaling.v1",
  messages: {
    HorizontalPodAutoscaler: { 1: "metadata:meta.ObjectMeta", 2: "spec:HorizontalPodAutoscalerSpec",
      3: "status:HorizontalPodAutoscalerStatus" },
    HorizontalPodAutoscalerSpec: { 1: "scaleTargetRef!:CrossVersionObjectReference", 2: "minReplicas*:int32",
      3: "maxReplicas!:int32", 4: "targetCPUUtilizationPercentage*:int32" },
    HorizontalPodAutoscalerStatus: { 1: "observedGeneration*:int64", 2: "lastScaleTime*:meta.Time",
      3: "currentReplicas!:int32", 4: "desiredReplicas!:int32", 5: "currentCPUUtilizationPercentage*:int32" },
    CrossVersionObjectReference: { 0: "=atomic", 1: "kind!", 2: "name!", 3: "apiVersion" },
  },
};

export const autoscalingv2: SchemaPackage = {
  proto: "k8s.io.api.autoscaling.v2",
  messages: {
    HorizontalPodAutoscaler: { 1: "metadata:meta.ObjectMeta", 2: "spec:HorizontalPodAutoscalerSpec",
      3: "status:HorizontalPodAutoscalerStatus" },
    HorizontalPodAutoscalerSpec: { 1: "scaleTargetRef!:CrossVersionObjectReference", 2: "minReplicas*:int32",
      3: "maxReplicas!:int32", 4: "metrics[]:MetricSpec =atomic", 5: "behavior*:HorizontalPodAutoscalerBehavior" },
    HorizontalPodAutoscalerStatus: { 1: "observedGeneration*:int64", 2: "lastScaleTime*:meta.Time",
      3: "currentReplicas:int32", 4: "desiredReplicas!:int32", 5: "currentMetrics[]:MetricStatus =atomic",
      6: "conditions[]:HorizontalPodAutoscalerCondition ~merge(type) =map(type)" },
    CrossVersionObjectReference: { 1: "kind!", 2: "name!", 3: "apiVersion" },
    MetricSpec: { 1: "type!", 2: "object*:ObjectMetricSource", 3: "pods*:PodsMetricSource",
      4: "resource*:ResourceMetricSource", 5: "external*:ExternalMetricSource",
      7: "containerResource*:ContainerResourceMetricSource" },
    HorizontalPodAutoscalerBehavior: { 1: "scaleUp*:HPAScalingRules", 2: "scaleDown*:HPAScalingRules" },
    MetricStatus: { 1: "type!", 2: "object*:ObjectMetricStatus", 3: "pods*:PodsMetricStatus",
      4: "resource*:ResourceMetricStatus", 5: "external*:ExternalMetricStatus",
      7: "containerResource*:ContainerResourceMetricStatus" },
    HorizontalPodAutoscalerCondition: { 1: "type!", 2: "status!", 3: "lastTransitionTime:meta.Time", 4: "reason",
      5: "message" },
    ObjectMetricSource: { 1: "describedObject!:CrossVersionObjectReference", 2: "target!:MetricTarget",
      3: "metric!:MetricIdentifier" },
    PodsMetricSource: { 1: "metric!:MetricIdentifier", 2: "target!:MetricTarget" },
    ResourceMetricSource: { 1: "name!", 2: "target!:MetricTarget" },
    ExternalMetricSource: { 1: "metric!:MetricIdentifier", 2: "target!:MetricTarget" },
    ContainerResourceMetricSource: { 1: "name!", 2: "target!:MetricTarget", 3: "container!" },
    HPAScalingRules: { 1: "selectPolicy*", 2: "policies[]:HPAScalingPolicy =atomic",
      3: "stabilizationWindowSeconds*:int32", 4: "tolerance*:resource.Quantity @1.33" },
    ObjectMetricStatus: { 1: "metric!:MetricIdentifier", 2: "current!:MetricValueStatus",
      3: "describedObject!:CrossVersionObjectReference" },
    PodsMetricStatus: { 1: "metric!:MetricIdentifier", 2: "current!:MetricValueStatus" },
    ResourceMetricStatus: { 1: "name!", 2: "current!:MetricValueStatus" },
    ExternalMetricStatus: { 1: "metric!:MetricIdentifier", 2: "current!:MetricValueStatus" },
    ContainerResourceMetricStatus: { 1: "name!", 2: "current!:MetricValueStatus", 3: "container!" },
    MetricTarget: { 1: "type!", 2: "value*:resource.Quantity", 3: "averageValue*:resource.Quantity",
      4: "averageUtilization*:int32" },
    MetricIdentifier: { 1: "name!", 2: "selector*:meta.LabelSelector" },
    HPAScalingPolicy: { 1: "type!", 2: "value!:int32", 3: "periodSeconds!:int32" },
    MetricValueStatus: { 1: "value*:resource.Quantity", 2: "averageValue*:resource.Quantity",
      3: "averageUtilization*:int32" },
  },
};
