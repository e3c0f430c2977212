// The resources kubeflare's own components talk to, as typed refs. Anything else: write a literal.
import type { ResourceRef } from "./paths";

const core = (resource: string, kind: string, namespaced = true): ResourceRef => ({ group: "", version: "v1", resource, kind, namespaced });

export const resources = {
  pods: core("pods", "Pod"),
  nodes: core("nodes", "Node", false),
  namespaces: core("namespaces", "Namespace", false),
  configmaps: core("configmaps", "ConfigMap"),
  secrets: core("secrets", "Secret"),
  services: core("services", "Service"),
  events: core("events", "Event"),
  leases: { group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", namespaced: true },
} satisfies Record<string, ResourceRef>;
