// networking.k8s.io/v1 Ingress, IngressClass and NetworkPolicy.

import type { SchemaPackage } from "../schema";

export const networking: SchemaPackage = {
  proto: "k8s.io.api.networking.v1",
  messages: {
    Ingress: { 1: "metadata:meta.ObjectMeta", 2: "spec:IngressSpec", 3: "status:IngressStatus" },
    IngressClass: { 1: "metadata:meta.ObjectMeta", 2: "spec:IngressClassSpec" },
    NetworkPolicy: { 1: "metadata:meta.ObjectMeta", 2: "spec:NetworkPolicySpec" },
    IngressSpec: { 1: "defaultBackend*:IngressBackend", 2: "tls[]:IngressTLS =atomic",
      3: "rules[]:IngressRule =atomic", 4: "ingressClassName*" },
    IngressStatus: { 1: "loadBalancer:IngressLoadBalancerStatus" },
    IngressClassSpec: { 1: "controller", 2: "parameters*:IngressClassParametersReference" },
    NetworkPolicySpec: { 1: "podSelector!:meta.LabelSelector", 2: "ingress[]:NetworkPolicyIngressRule =atomic",
      3: "egress[]:NetworkPolicyEgressRule =atomic", 4: "policyTypes[] =atomic" },
    IngressBackend: { 3: "resource*:core.TypedLocalObjectReference", 4: "service*:IngressServiceBackend" },
    IngressTLS: { 1: "hosts[] =atomic", 2: "secretName" },
    IngressRule: { 1: "host", 2: "...:IngressRuleValue" },
    IngressLoadBalancerStatus: { 1: "ingress[]:IngressLoadBalancerIngress =atomic" },
    IngressClassParametersReference: { 1: "apiGroup*", 2: "kind!", 3: "name!", 4: "scope*", 5: "namespace*" },
    NetworkPolicyIngressRule: { 1: "ports[]:NetworkPolicyPort =atomic", 2: "from[]:NetworkPolicyPeer =atomic" },
    NetworkPolicyEgressRule: { 1: "ports[]:NetworkPolicyPort =atomic", 2: "to[]:NetworkPolicyPeer =atomic" },
    IngressServiceBackend: { 1: "name!", 2: "port:ServiceBackendPort" },
    IngressRuleValue: { 1: "http*:HTTPIngressRuleValue" },
    IngressLoadBalancerIngress: { 1: "ip", 2: "hostname", 4: "ports[]:IngressPortStatus =atomic" },
    NetworkPolicyPort: { 1: "protocol*", 2: "port*:intstr.IntOrString", 3: "endPort*:int32" },
    NetworkPolicyPeer: { 1: "podSelector*:meta.LabelSelector", 2: "namespaceSelector*:meta.LabelSelector",
      3: "ipBlock*:IPBlock" },
    ServiceBackendPort: { 0: "=atomic", 1: "name", 2: "number:int32" },
    HTTPIngressRuleValue: { 1: "paths[]!:HTTPIngressPath =atomic" },
    IngressPortStatus: { 1: "port!:int32", 2: "protocol!", 3: "error*" },
    IPBlock: { 1: "cidr!", 2: "except[] =atomic" },
    HTTPIngressPath: { 1: "path", 2: "backend!:IngressBackend", 3: "pathType*!" },
  },
};
