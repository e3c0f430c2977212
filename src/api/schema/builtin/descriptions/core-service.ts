// core/v1 Service: spec, ports, status.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

const notExternalName = "Not used by ExternalName Services, and cleared when switching to that type.";

export const coreService: Descriptions = {
  [`${P}Service`]: {
    "": "A stable name and virtual IP for a set of pods chosen by label selector, load-balancing connections " +
      "across them; it can also be exposed on node ports or an external load balancer, or alias a DNS name.",
    ...objectFields,
    spec: "How the Service is exposed and which pods back it.",
    status: "The Service's observed state, mainly the addresses of an external load balancer.",
  },
  [`${P}ServiceSpec`]: {
    "": "The desired behaviour of a Service.",
    allocateLoadBalancerNodePorts: "For LoadBalancer Services, whether node ports are allocated automatically. " +
      "Defaults to true; set false if the load balancer reaches pods directly. Explicit nodePorts are kept.",
    clusterIP: "The virtual IP, normally allocated at random; you may request a free one in the service range. " +
      "\"None\" makes a headless Service with no virtual IP. Immutable except when changing to or from ExternalName.",
    clusterIPs: "The virtual IPs, one per IP family, the first equal to clusterIP. Same rules as clusterIP; " +
      "filled in from it when omitted.",
    externalIPs: "Extra addresses, not managed by Kubernetes, that nodes treat as belonging to this Service " +
      "too. Getting that traffic to the nodes is up to you.",
    externalName: "For type ExternalName: the DNS name returned as a CNAME in place of a cluster IP, written " +
      "as a lowercase RFC 1123 name.",
    externalTrafficPolicy: "For traffic arriving on node ports, external IPs or load balancer IPs: Cluster (the " +
      "default) spreads it to all endpoints; Local keeps it on the receiving node and preserves the client IP.",
    healthCheckNodePort: "For LoadBalancer Services with externalTrafficPolicy Local: the node port a load " +
      "balancer polls to learn which nodes have local endpoints. Allocated if unset; cannot be changed once set.",
    internalTrafficPolicy: "For traffic to the cluster IP: Cluster (the default) uses all endpoints; Local uses " +
      "only endpoints on the client's node and drops traffic when there are none.",
    ipFamilies: "The IP families used, IPv4 and/or IPv6, primary first. Usually derived from ipFamilyPolicy and " +
      `the cluster; a secondary family may be added or removed, the primary cannot change. ${notExternalName}`,
    ipFamilyPolicy: "SingleStack (the default), PreferDualStack (two families where the cluster supports it) or " +
      `RequireDualStack (two families or fail). ${notExternalName}`,
    loadBalancerClass: "Which load balancer implementation handles this LoadBalancer Service, as a label-style " +
      "name; unset uses the default one. Cannot be changed once set.",
    loadBalancerIP: "Deprecated: a requested load balancer address, honoured only by some providers. Prefer " +
      "provider-specific annotations.",
    loadBalancerSourceRanges: "Client CIDRs allowed through the load balancer, where the provider supports it.",
    ports: "The ports the Service exposes and the pod ports they forward to.",
    publishNotReadyAddresses: "Treat every endpoint as ready, even pods that are not, so DNS publishes them all. " +
      "Mostly used by StatefulSet headless Services for peer discovery.",
    selector: "Pods with these labels become the Service's endpoints. Without a selector, endpoints are managed " +
      "by someone else. Ignored for ExternalName.",
    sessionAffinity: "ClientIP sends each client's connections to the same pod; None (the default) does not.",
    sessionAffinityConfig: "Settings for the chosen session affinity.",
    trafficDistribution: "A routing preference for implementations, such as PreferClose to favour endpoints in " +
      "the client's zone. Unset uses the default routing.",
    type: "ClusterIP (the default, internal virtual IP), NodePort (plus a port on every node), LoadBalancer " +
      "(plus an external load balancer) or ExternalName (a DNS alias, no proxying).",
  },
  [`${P}ServicePort`]: {
    "": "One port a Service exposes.",
    appProtocol: "The application protocol, as a hint to implementations: an IANA service name, " +
      "kubernetes.io/h2c, kubernetes.io/ws, kubernetes.io/wss, or a domain-prefixed custom name.",
    name: "The port's name, a DNS label unique within the Service. Required when there is more than one port; " +
      "matches the port names in endpoints.",
    nodePort: "The port opened on every node for NodePort and LoadBalancer Services. Allocated from the node " +
      "port range if unset; a requested value must be free. Cleared when no longer needed.",
    port: "The port the Service listens on. Required.",
    protocol: "TCP (the default), UDP or SCTP.",
    targetPort: "The port on the pods to forward to, as a number or a named container port. Defaults to the " +
      "value of port.",
  },
  [`${P}ServiceStatus`]: {
    "": "The observed state of a Service.",
    conditions: "The latest observations of the Service's state.",
    loadBalancer: "The external load balancer's addresses, once one has been provisioned.",
  },
  [`${P}LoadBalancerStatus`]: {
    "": "Where a load balancer accepts traffic.",
    ingress: "The load balancer's entry points; clients should send the Service's traffic to these.",
  },
  [`${P}LoadBalancerIngress`]: {
    "": "One entry point of a load balancer.",
    hostname: "A DNS name, for load balancers addressed by name.",
    ip: "An IP address, for load balancers addressed by IP.",
    ipMode: "Only with ip: VIP delivers packets addressed to the load balancer IP; Proxy delivers them to the " +
      "node or pod address instead. Lets proxies route accordingly.",
    ports: "Per-port status, if reported; then every Service port has an entry.",
  },
  [`${P}PortStatus`]: {
    "": "A problem reported for one port of a Service's load balancer.",
    error: "The problem, as a CamelCase code, or domain-prefixed for provider-specific errors.",
    port: "The Service port concerned.",
    protocol: "The port's protocol: TCP, UDP or SCTP.",
  },
  [`${P}SessionAffinityConfig`]: {
    "": "Session affinity settings.",
    clientIP: "Settings for ClientIP affinity.",
  },
  [`${P}ClientIPConfig`]: {
    "": "Settings for client-IP session affinity.",
    timeoutSeconds: "How long a client sticks to its pod, 1 to 86400 seconds. Defaults to 10800 (3 hours).",
  },
};
