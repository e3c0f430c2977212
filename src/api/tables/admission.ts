// admissionregistration.k8s.io (webhook configurations, validating admission policies and their
// bindings) and flowcontrol.apiserver.k8s.io (flow schemas, priority levels).
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { ageColumn, arr, byteOrder, col, nameColumn } from "./format";

const webhookColumns: ColumnDef[] = [
  nameColumn,
  col("Webhooks", "Webhooks indicates the number of webhooks registered in this configuration", (o) => arr(o.webhooks).length, { type: "integer" }),
  ageColumn,
];
export const mutatingWebhookColumns = webhookColumns;
export const validatingWebhookColumns = webhookColumns;

export const validatingAdmissionPolicyColumns: ColumnDef[] = [
  nameColumn,
  col("Validations", "Validations indicates the number of validation rules defined in this configuration", (o) => arr(o.spec?.validations).length, {
    type: "integer",
  }),
  col("ParamKind", "ParamKind specifies the kind of resources used to parameterize this policy", (o) =>
    o.spec?.paramKind ? `${o.spec.paramKind.apiVersion ?? ""}/${o.spec.paramKind.kind ?? ""}` : "<unset>",
  ),
  ageColumn,
];

/** Go's generated String() of a metav1.LabelSelector, which upstream prints as-is here. */
function goSelectorString(sel: any): string {
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort(byteOrder)
    .map((k) => `${k}: ${sel.matchLabels[k]},`)
    .join("");
  const exprs = arr(sel.matchExpressions)
    .map((e) => `LabelSelectorRequirement{Key:${e?.key ?? ""},Operator:${e?.operator ?? ""},Values:[${arr(e?.values).join(" ")}],},`)
    .join("");
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

function paramRef(o: KubeObject): string {
  const pr = o.spec?.paramRef;
  if (!pr) return "<unset>";
  // Without a namespace the param may be cluster-scoped or in the request's namespace: "*/".
  if (pr.name) return pr.namespace ? `${pr.namespace}/${pr.name}` : `*/${pr.name}`;
  return pr.selector ? goSelectorString(pr.selector) : "<unset>";
}

export const validatingAdmissionPolicyBindingColumns: ColumnDef[] = [
  nameColumn,
  col("PolicyName", "PolicyName indicates the policy definition which the policy binding binded to", (o) => o.spec?.policyName ?? ""),
  col("ParamRef", "ParamRef indicates the param resource which sets the configration param", paramRef),
  ageColumn,
];

export const flowSchemaColumns: ColumnDef[] = [
  nameColumn,
  col("PriorityLevel", DOC["PriorityLevelConfigurationReference.name"], (o) => o.spec?.priorityLevelConfiguration?.name ?? ""),
  col("MatchingPrecedence", DOC["FlowSchemaSpec.matchingPrecedence"], (o) => o.spec?.matchingPrecedence ?? 0),
  col("DistinguisherMethod", DOC["FlowSchemaSpec.distinguisherMethod"], (o) => o.spec?.distinguisherMethod?.type ?? "<none>"),
  ageColumn,
  col("MissingPL", "references a broken or non-existent PriorityLevelConfiguration", (o) =>
    String(arr(o.status?.conditions).find((c) => c?.type === "Dangling")?.status ?? "?"),
  ),
];

/** Upstream lists flow schemas in matching order: precedence, then name. */
export function compareFlowSchemas(a: KubeObject, b: KubeObject): number {
  const pa = a.spec?.matchingPrecedence ?? 0;
  const pb = b.spec?.matchingPrecedence ?? 0;
  return pa !== pb ? pa - pb : byteOrder(a.metadata.name ?? "", b.metadata.name ?? "");
}

const limited = (field: "nominalConcurrencyShares" | "queues" | "handSize" | "queueLengthLimit") => (o: KubeObject): unknown => {
  const lim = o.spec?.limited;
  if (!lim) return "<none>";
  if (field === "nominalConcurrencyShares") return lim.nominalConcurrencyShares ?? 0;
  const q = lim.limitResponse?.queuing;
  return q ? (q[field] ?? 0) : "<none>";
};

export const priorityLevelColumns: ColumnDef[] = [
  nameColumn,
  col("Type", DOC["PriorityLevelConfigurationSpec.type"], (o) => o.spec?.type ?? ""),
  col("NominalConcurrencyShares", DOC["LimitedPriorityLevelConfiguration.nominalConcurrencyShares"], limited("nominalConcurrencyShares")),
  col("Queues", DOC["QueuingConfiguration.queues"], limited("queues")),
  col("HandSize", DOC["QueuingConfiguration.handSize"], limited("handSize")),
  col("QueueLengthLimit", DOC["QueuingConfiguration.queueLengthLimit"], limited("queueLengthLimit")),
  ageColumn,
];
