// networking.k8s.io/v1 Ingress (kubectl create ingress).

import type { SchemaPackage } from "../schema";

export const networking: SchemaPackage = {
  proto: "k8s.io.api.networking.v1",
  messages: {
    Ingress: { 1: "metadata:meta.ObjectMeta", 2: "spec:IngressSpec", 3: "status:IngressStatus" },
    IngressSpec: { 1: "defaultBackend*:IngressBackend", 2: "tls[]:IngressTLS", 3: "rules[]:IngressRule",
      4: "ingressClassName*" },
    IngressStatus: { 1: "loadBalancer:IngressLoadBalancerStatus" },
    IngressBackend: { 3: "resource*:core.TypedLocalObjectReference", 4: "service*:IngressServiceBackend" },
    IngressTLS: { 1: "hosts[]", 2: "secretName" },
    IngressRule: { 1: "host", 2: "...:IngressRuleValue" },
    IngressLoadBalancerStatus: { 1: "ingress[]:IngressLoadBalancerIngress" },
    IngressServiceBackend: { 1: "name", 2: "port:ServiceBackendPort" },
    IngressRuleValue: { 1: "http*:HTTPIngressRuleValue" },
    IngressLoadBalancerIngress: { 1: "ip", 2: "hostname", 4: "ports[]:IngressPortStatus" },
    ServiceBackendPort: { 1: "name", 2: "number:int32" },
    HTTPIngressRuleValue: { 1: "paths[]:HTTPIngressPath" },
    IngressPortStatus: { 1: "port:int32", 2: "protocol", 3: "error*" },
    HTTPIngressPath: { 1: "path", 2: "backend:IngressBackend", 3: "pathType*" },
  },
};
