// Small printers of the remaining groups: policy, coordination, scheduling, certificates, node and
// apiregistration.
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { humanDuration } from "./duration";
import { ageColumn, arr, col, intOrString, nameColumn } from "./format";

export const podDisruptionBudgetColumns: ColumnDef[] = [
  nameColumn,
  col("Min Available", "The minimum number of pods that must be available.", (o) => intOrString(o.spec?.minAvailable)),
  col("Max Unavailable", "The maximum number of pods that may be unavailable.", (o) => intOrString(o.spec?.maxUnavailable)),
  col("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time.", (o) => o.status?.disruptionsAllowed ?? 0, {
    type: "integer",
  }),
  ageColumn,
];

export const leaseColumns: ColumnDef[] = [
  nameColumn,
  col("Holder", DOC["LeaseSpec.holderIdentity"], (o) => o.spec?.holderIdentity ?? ""),
  ageColumn,
];

export const priorityClassColumns: ColumnDef[] = [
  nameColumn,
  col("Value", DOC["PriorityClass.value"], (o) => o.value ?? 0, { type: "integer" }),
  col("Global-Default", DOC["PriorityClass.globalDefault"], (o) => Boolean(o.globalDefault), { type: "boolean" }),
  ageColumn,
  // Upstream gives this column priority 0, so it shows without -o wide.
  col("PreemptionPolicy", DOC["PriorityClass.preemptionPolicy"], (o) => o.preemptionPolicy ?? ""),
];

/** Denied beats Approved beats Pending; Failed and Issued are appended. */
function csrCondition(o: KubeObject): string {
  const types = new Set(arr(o.status?.conditions).map((c) => c?.type));
  let status = types.has("Denied") ? "Denied" : types.has("Approved") ? "Approved" : "Pending";
  if (types.has("Failed")) status += ",Failed";
  if (o.status?.certificate) status += ",Issued";
  return status;
}

export const certificateSigningRequestColumns: ColumnDef[] = [
  nameColumn,
  ageColumn,
  col("SignerName", DOC["CertificateSigningRequestSpec.signerName"], (o) => o.spec?.signerName || "<none>"),
  col("Requestor", DOC["CertificateSigningRequestSpec.request"], (o) => o.spec?.username ?? ""),
  col("RequestedDuration", DOC["CertificateSigningRequestSpec.expirationSeconds"], (o) =>
    o.spec?.expirationSeconds === undefined || o.spec?.expirationSeconds === null ? "<none>" : humanDuration(o.spec.expirationSeconds * 1000),
  ),
  col("Condition", DOC["CertificateSigningRequestStatus.conditions"], csrCondition),
];

export const runtimeClassColumns: ColumnDef[] = [
  nameColumn,
  // Upstream looks this description up under a key ObjectMeta does not have, so it is empty.
  col("Handler", "", (o) => o.handler ?? ""),
  ageColumn,
];

/** "True", or "False (Reason)" when the Available condition explains itself. */
function apiServiceAvailable(o: KubeObject): string {
  const c = arr(o.status?.conditions).find((x) => x?.type === "Available");
  if (!c) return "Unknown";
  if (c.status === "True" || !c.reason) return String(c.status ?? "");
  return `${c.status} (${c.reason})`;
}

export const apiServiceColumns: ColumnDef[] = [
  nameColumn,
  col("Service", "The reference to the service that hosts this API endpoint.", (o) =>
    o.spec?.service ? `${o.spec.service.namespace ?? ""}/${o.spec.service.name ?? ""}` : "Local",
  ),
  col("Available", "Whether this service is available.", apiServiceAvailable),
  ageColumn,
];
