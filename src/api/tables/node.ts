// `kubectl get nodes`: STATUS from the Ready condition (plus SchedulingDisabled when cordoned),
// ROLES from node-role.kubernetes.io/<role> labels, and addresses/system info when wide.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, byteOrder, col, nameColumn } from "./format";

const ROLE_PREFIX = "node-role.kubernetes.io/";
const LEGACY_ROLE_LABEL = "kubernetes.io/role";

function nodeStatus(o: KubeObject): string {
  // Upstream keys conditions by type, so the last Ready condition listed wins.
  const ready = arr(o.status?.conditions).filter((c) => c?.type === "Ready").pop();
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (o.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

export function nodeRoles(o: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === LEGACY_ROLE_LABEL && v !== "") roles.add(v);
  }
  return [...roles].sort(byteOrder).join(",") || "<none>";
}

const address = (type: string) => (o: KubeObject): string => {
  const found = arr(o.status?.addresses).find((a) => a?.type === type);
  return found ? (found.address ?? "") : "<none>";
};
const info = (field: string) => (o: KubeObject): string => o.status?.nodeInfo?.[field] || "<unknown>";

export const nodeColumns: ColumnDef[] = [
  nameColumn,
  col("Status", "The status of the node", nodeStatus),
  col("Roles", "The roles of the node", nodeRoles),
  ageColumn,
  col("Version", DOC["NodeSystemInfo.kubeletVersion"], (o) => o.status?.nodeInfo?.kubeletVersion ?? ""),
  col("Internal-IP", DOC["NodeStatus.addresses"], address("InternalIP"), { priority: 1 }),
  col("External-IP", DOC["NodeStatus.addresses"], address("ExternalIP"), { priority: 1 }),
  col("OS-Image", DOC["NodeSystemInfo.osImage"], info("osImage"), { priority: 1 }),
  col("Kernel-Version", DOC["NodeSystemInfo.kernelVersion"], info("kernelVersion"), { priority: 1 }),
  col("Container-Runtime", DOC["NodeSystemInfo.containerRuntimeVersion"], info("containerRuntimeVersion"), { priority: 1 }),
];
