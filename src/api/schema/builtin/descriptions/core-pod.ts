// core/v1 Pod, PodTemplate and PodSpec with its small helper types.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.core.v1.";

export const corePod: Descriptions = {
  [`${P}Pod`]: {
    "": "The smallest deployable unit: one or more containers that share a network namespace, volumes and a " +
      "node. Usually created by a controller such as a Deployment, Job or StatefulSet.",
    ...objectFields,
    spec: "The desired pod: its containers, volumes and scheduling constraints. Mostly immutable once created; " +
      "container images, activeDeadlineSeconds and added tolerations are among the few changes allowed.",
    status: "The pod's observed state, reported by the kubelet and the scheduler. Read-only to users.",
  },
  [`${P}PodTemplate`]: {
    "": "A stored pod template that other objects or tools can copy pods from.",
    ...objectFields,
    template: "The metadata and spec given to pods made from this template.",
  },
  [`${P}PodTemplateSpec`]: {
    "": "The metadata and spec a controller stamps onto each pod it creates.",
    metadata: "Labels, annotations and other metadata copied onto each pod; labels must satisfy the owner's selector.",
    spec: "The spec each created pod gets.",
  },
  [`${P}PodSpec`]: {
    "": "The desired state of a pod: its containers, volumes, and how and where it should run.",
    activeDeadlineSeconds: "Seconds the pod may run after it started before the kubelet fails it and kills its " +
      "containers. Must be positive; may be lowered but not raised on a running pod.",
    affinity: "Node affinity and inter-pod (anti-)affinity rules the scheduler applies.",
    automountServiceAccountToken: "Whether to mount an API token for the service account into the containers. " +
      "Overrides the ServiceAccount's own setting.",
    containers: "The pod's main containers; at least one is required. Containers cannot be added or removed " +
      "after creation.",
    dnsConfig: "Extra nameservers, search domains and resolver options merged into what dnsPolicy produces.",
    dnsPolicy: "How the pod's resolv.conf is built: ClusterFirst (the default), ClusterFirstWithHostNet, " +
      "Default (inherit the node's) or None (only dnsConfig). Use ClusterFirstWithHostNet with hostNetwork.",
    enableServiceLinks: "Whether Services in the namespace are exposed to containers as Docker-link style " +
      "environment variables. Defaults to true.",
    ephemeralContainers: "Temporary containers added to a running pod, typically for debugging with kubectl " +
      "debug. Cannot be set on create or through a normal update; use the ephemeralcontainers subresource.",
    hostAliases: "Extra IP-to-hostname entries written into the pod's /etc/hosts.",
    hostIPC: "Share the node's IPC namespace. Defaults to false.",
    hostNetwork: "Use the node's network namespace instead of a pod IP. Any hostPort must then equal its " +
      "containerPort. Defaults to false.",
    hostPID: "Share the node's process ID namespace. Defaults to false.",
    hostUsers: "Whether to run in the node's user namespace (true, the default) or in a new one so root in the " +
      "pod is unprivileged on the node. false needs the UserNamespacesSupport feature.",
    hostname: "The pod's hostname. Defaults to a system-chosen value, normally the pod name.",
    hostnameOverride: "Sets the hostname seen inside the pod without changing DNS records, taking precedence " +
      "over hostname and subdomain. Needs the HostnameOverride feature gate.",
    imagePullSecrets: "Secrets in the pod's namespace holding registry credentials for pulling its images.",
    initContainers: "Containers that run to completion one after another before the main containers start; a " +
      "failure is handled by restartPolicy. Those with restartPolicy Always run on as sidecars. Cannot be changed.",
    nodeName: "The node the pod is bound to. Normally set by the scheduler; setting it yourself bypasses " +
      "scheduling entirely. Prefer nodeSelector or affinity to steer placement.",
    nodeSelector: "Node labels (key: value) that every candidate node must have.",
    os: "The operating system the pod is meant for; setting it enables OS-specific validation.",
    overhead: "Resources the sandbox itself costs, added to the containers' requests for scheduling and quota. " +
      "Filled in from the RuntimeClass at admission; do not set it yourself.",
    preemptionPolicy: "Whether this pod may evict lower-priority pods to fit: PreemptLowerPriority (the " +
      "default) or Never. Usually filled in from the PriorityClass.",
    priority: "The pod's numeric priority, higher is more important. Filled in from priorityClassName at " +
      "admission; do not set it directly.",
    priorityClassName: "The PriorityClass giving this pod its priority. Two always exist: system-node-critical " +
      "(the highest) and system-cluster-critical. Unset means the default class, or priority 0.",
    readinessGates: "Extra pod conditions that must be True, besides all containers being ready, before the " +
      "pod counts as Ready.",
    resourceClaims: "Dynamic resource allocation claims the pod needs before it can start; containers refer to " +
      "them by name. Immutable; needs the DynamicResourceAllocation feature.",
    resources: "Pod-wide requests and limits (cpu and memory) shared by all containers, on top of per-container " +
      "values. Needs the PodLevelResources feature.",
    restartPolicy: "When containers are restarted after exiting: Always (the default), OnFailure or Never. " +
      "Workload controllers restrict which values they accept.",
    runtimeClassName: "The RuntimeClass selecting the container runtime handler for this pod. Unset uses the " +
      "default handler; an unknown class keeps the pod from running.",
    schedulerName: "The scheduler responsible for this pod. Defaults to default-scheduler.",
    schedulingGates: "While any gate is listed the scheduler leaves the pod alone (SchedulingGated). Gates can " +
      "only be set at creation and afterwards only removed.",
    securityContext: "Security settings for the whole pod; container-level settings override them.",
    serviceAccount: "Deprecated alias of serviceAccountName.",
    serviceAccountName: "The ServiceAccount the pod runs as. Defaults to \"default\" in the pod's namespace.",
    setHostnameAsFQDN: "Set the kernel hostname to the pod's fully qualified domain name instead of the short " +
      "name. No effect without a subdomain. Defaults to false.",
    shareProcessNamespace: "Put all containers in one process namespace so they can see and signal each " +
      "other's processes. Cannot be combined with hostPID. Defaults to false.",
    subdomain: "With a matching headless Service, gives the pod the DNS name " +
      "<hostname>.<subdomain>.<namespace>.svc.<cluster-domain>.",
    terminationGracePeriodSeconds: "Seconds between the stop signal and a forced kill when the pod is deleted; " +
      "0 kills immediately. A delete request may shorten it. Defaults to 30.",
    tolerations: "Taints this pod accepts, allowing it onto (or keeping it on) nodes carrying them.",
    topologySpreadConstraints: "Rules for spreading matching pods evenly across zones, nodes or other topology " +
      "domains. All of them apply.",
    volumes: "Volumes the pod's containers can mount, each identified by a unique name.",
  },
  [`${P}HostAlias`]: {
    "": "One extra entry for the pod's /etc/hosts file.",
    hostnames: "Host names that should resolve to ip.",
    ip: "The IP address of the entry. Required.",
  },
  [`${P}PodDNSConfig`]: {
    "": "DNS settings merged into the resolver configuration produced by dnsPolicy.",
    nameservers: "Nameserver IPs appended to the base list; duplicates are dropped.",
    options: "Resolver options merged with the base ones; an option given here overrides the base value.",
    searches: "Search domains appended to the base list; duplicates are dropped.",
  },
  [`${P}PodDNSConfigOption`]: {
    "": "One resolver option, such as ndots.",
    name: "The option name. Required.",
    value: "The option value, if it takes one.",
  },
  [`${P}PodReadinessGate`]: {
    "": "Names a pod condition that must be True for the pod to be Ready.",
    conditionType: "The type of the pod condition to wait for.",
  },
  [`${P}PodSchedulingGate`]: {
    "": "A named hold on scheduling; the pod is not scheduled until every gate is removed.",
    name: "The gate's name, unique within the pod.",
  },
  [`${P}PodOS`]: {
    "": "The operating system a pod targets.",
    name: "linux or windows. Clients should treat values they do not recognise as unset.",
  },
  [`${P}PodResourceClaim`]: {
    "": "Gives a pod-local name to a ResourceClaim, either an existing one or one made from a template.",
    name: "The name containers use to refer to the claim. Must be a DNS label, unique in the pod.",
    resourceClaimName: "An existing ResourceClaim in the pod's namespace. Exactly one of this and " +
      "resourceClaimTemplateName must be set.",
    resourceClaimTemplateName: "A ResourceClaimTemplate from which a claim is created for this pod and deleted " +
      "with it. Exactly one of this and resourceClaimName must be set. Immutable.",
  },
  [`${P}LocalObjectReference`]: {
    "": "Refers by name to an object in the same namespace.",
    name: "Name of the referenced object. Effectively required; an empty value is almost certainly a mistake.",
  },
};
