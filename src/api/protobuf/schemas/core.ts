// core/v1 objects kubectl's generators create (namespace, configmap, secret, serviceaccount, quota,
// service) plus the shared references; the pod template lives in core-pod/-container/-volume.ts.

import type { SchemaPackage } from "../schema";
import { coreContainer } from "./core-container";
import { corePod } from "./core-pod";
import { coreVolume } from "./core-volume";

export const core: SchemaPackage = {
  proto: "k8s.io.api.core.v1",
  messages: {
    Namespace: { 1: "metadata:meta.ObjectMeta", 2: "spec:NamespaceSpec", 3: "status:NamespaceStatus" },
    ConfigMap: { 1: "metadata:meta.ObjectMeta", 2: "data:{string}", 3: "binaryData:{bytes}",
      4: "immutable*:bool" },
    Secret: { 1: "metadata:meta.ObjectMeta", 2: "data:{bytes}", 3: "type", 4: "stringData:{string}",
      5: "immutable*:bool" },
    ServiceAccount: { 1: "metadata:meta.ObjectMeta", 2: "secrets[]:ObjectReference",
      3: "imagePullSecrets[]:LocalObjectReference", 4: "automountServiceAccountToken*:bool" },
    ResourceQuota: { 1: "metadata:meta.ObjectMeta", 2: "spec:ResourceQuotaSpec",
      3: "status:ResourceQuotaStatus" },
    Service: { 1: "metadata:meta.ObjectMeta", 2: "spec:ServiceSpec", 3: "status:ServiceStatus" },
    NamespaceSpec: { 1: "finalizers[]" },
    NamespaceStatus: { 1: "phase", 2: "conditions[]:NamespaceCondition" },
    ObjectReference: { 1: "kind", 2: "namespace", 3: "name", 4: "uid", 5: "apiVersion",
      6: "resourceVersion", 7: "fieldPath" },
    LocalObjectReference: { 1: "name" },
    ResourceQuotaSpec: { 1: "hard:{resource.Quantity}", 2: "scopes[]", 3: "scopeSelector*:ScopeSelector" },
    ResourceQuotaStatus: { 1: "hard:{resource.Quantity}", 2: "used:{resource.Quantity}" },
    ServiceSpec: { 1: "ports[]:ServicePort", 2: "selector:{string}", 3: "clusterIP", 4: "type",
      5: "externalIPs[]", 7: "sessionAffinity", 8: "loadBalancerIP", 9: "loadBalancerSourceRanges[]",
      10: "externalName", 11: "externalTrafficPolicy", 12: "healthCheckNodePort:int32",
      13: "publishNotReadyAddresses:bool", 14: "sessionAffinityConfig*:SessionAffinityConfig",
      17: "ipFamilyPolicy*", 18: "clusterIPs[]", 19: "ipFamilies[]",
      20: "allocateLoadBalancerNodePorts*:bool", 21: "loadBalancerClass*", 22: "internalTrafficPolicy*",
      23: "trafficDistribution*" },
    ServiceStatus: { 1: "loadBalancer:LoadBalancerStatus", 2: "conditions[]:meta.Condition" },
    NamespaceCondition: { 1: "type", 2: "status", 4: "lastTransitionTime:meta.Time", 5: "reason",
      6: "message" },
    ScopeSelector: { 1: "matchExpressions[]:ScopedResourceSelectorRequirement" },
    ServicePort: { 1: "name", 2: "protocol", 3: "port:int32", 4: "targetPort:intstr.IntOrString",
      5: "nodePort:int32", 6: "appProtocol*" },
    SessionAffinityConfig: { 1: "clientIP*:ClientIPConfig" },
    LoadBalancerStatus: { 1: "ingress[]:LoadBalancerIngress" },
    ScopedResourceSelectorRequirement: { 1: "scopeName", 2: "operator", 3: "values[]" },
    ClientIPConfig: { 1: "timeoutSeconds*:int32" },
    LoadBalancerIngress: { 1: "ip", 2: "hostname", 3: "ipMode*", 4: "ports[]:PortStatus" },
    TypedLocalObjectReference: { 1: "apiGroup*", 2: "kind", 3: "name" },
    PortStatus: { 1: "port:int32", 2: "protocol", 3: "error*" },
    TypedObjectReference: { 1: "apiGroup*", 2: "kind", 3: "name", 4: "namespace*" },
    ...corePod,
    ...coreContainer,
    ...coreVolume,
  },
};
