// networking.k8s.io/v1 Ingress, IngressClass and NetworkPolicy.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.networking.v1.";

const allIfEmpty = "Entries are alternatives; an empty or missing list matches everything.";

export const networking: Descriptions = {
  [`${P}Ingress`]: {
    "": "HTTP and HTTPS routing from outside the cluster to Services, by host name and path, optionally " +
      "terminating TLS. An ingress controller must be running to act on it.",
    ...objectFields,
    spec: "The routing rules, TLS settings and the controller class to use.",
    status: "The addresses the ingress controller exposes this Ingress on.",
  },
  [`${P}IngressSpec`]: {
    "": "The desired routing of an Ingress.",
    defaultBackend: "Where requests go that match no rule. If unset, the controller decides, often a 404.",
    ingressClassName: "The IngressClass, and so the controller, that should serve this Ingress. Unset uses the " +
      "default class, if one is marked. Replaces the deprecated kubernetes.io/ingress.class annotation.",
    rules: "Host and path rules. Without rules, or when none matches, traffic goes to defaultBackend.",
    tls: "TLS settings for port 443; different hosts can share the port through SNI.",
  },
  [`${P}IngressRule`]: {
    "": "Routes requests for one host (or any host) by path.",
    host: "The host name to match, such as foo.example.com, or a wildcard such as *.example.com covering one " +
      "label. No IPs or ports. Unset matches every host.",
    http: "Path rules for HTTP requests to this host.",
  },
  [`${P}HTTPIngressRuleValue`]: {
    "": "Path-based routing for one host.",
    paths: "Paths and the backend each one routes to.",
  },
  [`${P}HTTPIngressPath`]: {
    "": "Sends requests whose path matches to a backend.",
    backend: "Where matching requests go.",
    path: "The path to match; must start with / for Exact and Prefix.",
    pathType: "Exact (whole path), Prefix (by /-separated segments, so /foo matches /foo/bar but not /foobar) " +
      "or ImplementationSpecific (up to the controller). Required.",
  },
  [`${P}IngressBackend`]: {
    "": "A destination for Ingress traffic: a Service port or another resource; set exactly one.",
    resource: "An object in the Ingress's namespace, such as a storage bucket, served by the controller.",
    service: "A Service and port in the Ingress's namespace.",
  },
  [`${P}IngressServiceBackend`]: {
    "": "A Service as an Ingress backend.",
    name: "The Service's name, in the Ingress's namespace.",
    port: "The Service port to send traffic to.",
  },
  [`${P}ServiceBackendPort`]: {
    "": "A Service port, by name or by number; set exactly one.",
    name: "The Service port's name.",
    number: "The Service port's number.",
  },
  [`${P}IngressTLS`]: {
    "": "TLS for a set of hosts.",
    hosts: "Host names the certificate covers; should match the rules' hosts. Defaults to the controller's " +
      "wildcard host.",
    secretName: "A kubernetes.io/tls Secret in the same namespace with the certificate and key. Optional, for " +
      "controllers that route by SNI alone.",
  },
  [`${P}IngressStatus`]: {
    "": "The observed state of an Ingress.",
    loadBalancer: "The addresses the controller exposes the Ingress on.",
  },
  [`${P}IngressLoadBalancerStatus`]: {
    "": "Where an Ingress can be reached.",
    ingress: "The load balancer's entry points.",
  },
  [`${P}IngressLoadBalancerIngress`]: {
    "": "One entry point of an Ingress load balancer.",
    hostname: "A DNS name, for load balancers addressed by name.",
    ip: "An IP address, for load balancers addressed by IP.",
    ports: "Per-port status, if reported.",
  },
  [`${P}IngressPortStatus`]: {
    "": "A problem reported for one port of an Ingress load balancer.",
    error: "The problem, as a CamelCase code, or domain-prefixed for provider-specific errors.",
    port: "The port number.",
    protocol: "TCP, UDP or SCTP.",
  },
  [`${P}IngressClass`]: {
    "": "A kind of Ingress handling, naming the controller that implements it and optional parameters. The " +
      "annotation ingressclass.kubernetes.io/is-default-class: \"true\" makes it the default.",
    ...objectFields,
    spec: "The controller and its parameters.",
  },
  [`${P}IngressClassSpec`]: {
    "": "What an IngressClass stands for.",
    controller: "The controller handling this class, as a domain-prefixed path such as " +
      "example.com/ingress-controller (at most 250 characters). Immutable.",
    parameters: "An object holding controller-specific settings for this class.",
  },
  [`${P}IngressClassParametersReference`]: {
    "": "Refers to the object that holds an IngressClass's parameters.",
    apiGroup: "The API group of the kind; empty for the core group.",
    kind: "The kind of the parameters object.",
    name: "Its name.",
    namespace: "Its namespace; required when scope is Namespace and forbidden when it is Cluster.",
    scope: "Cluster (the default) for a cluster-scoped object, or Namespace.",
  },
  [`${P}NetworkPolicy`]: {
    "": "Restricts which traffic may reach or leave selected pods. Pods selected by any policy accept only " +
      "what some policy allows. Needs a network plugin that enforces it.",
    ...objectFields,
    spec: "Which pods the policy applies to and the traffic it allows.",
  },
  [`${P}NetworkPolicySpec`]: {
    "": "The pods a NetworkPolicy covers and the traffic allowed to and from them.",
    egress: "Allowed outgoing traffic. With Egress in policyTypes and no rules, all egress is denied.",
    ingress: "Allowed incoming traffic. With Ingress in policyTypes and no rules, all ingress is denied.",
    podSelector: "The pods in this namespace the policy applies to; empty selects all of them.",
    policyTypes: "Ingress, Egress or both. Defaults to Ingress, plus Egress when egress rules are present; " +
      "list Egress explicitly for egress-only or deny-all-egress policies.",
  },
  [`${P}NetworkPolicyIngressRule`]: {
    "": "Traffic allowed into the selected pods: it must match both from and ports.",
    from: `Allowed sources. ${allIfEmpty}`,
    ports: `Allowed destination ports on the pods. ${allIfEmpty}`,
  },
  [`${P}NetworkPolicyEgressRule`]: {
    "": "Traffic allowed out of the selected pods: it must match both to and ports.",
    ports: `Allowed destination ports. ${allIfEmpty}`,
    to: `Allowed destinations. ${allIfEmpty}`,
  },
  [`${P}NetworkPolicyPeer`]: {
    "": "A traffic source or destination: pods by label, namespaces by label, both together, or an IP range.",
    ipBlock: "An IP range. Cannot be combined with the selectors.",
    namespaceSelector: "Namespaces whose pods match; with podSelector, only those pods in those namespaces. " +
      "Empty selects all namespaces.",
    podSelector: "Pods that match, in the policy's namespace unless namespaceSelector is set.",
  },
  [`${P}NetworkPolicyPort`]: {
    "": "A port, or range of ports, and protocol.",
    endPort: "The last port of a range starting at port. Requires a numeric port and must not be lower.",
    port: "A port number or named container port. Unset matches all ports.",
    protocol: "TCP (the default), UDP or SCTP.",
  },
  [`${P}IPBlock`]: {
    "": "An IP range, with optional holes, as a NetworkPolicy peer.",
    cidr: "The range, such as 10.0.0.0/16 or 2001:db8::/64.",
    except: "Sub-ranges of cidr to leave out.",
  },
};
