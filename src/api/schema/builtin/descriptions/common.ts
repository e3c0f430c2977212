// Shared by every description file: the data type, and the three fields every kind carries.
// Descriptions are kubeflare's own wording of upstream's facts; keep them short and factual.

/** OpenAPI definition name → json field name → description; "" describes the type itself. */
export type Descriptions = Record<string, Record<string, string>>;

export const objectFields: Record<"apiVersion" | "kind" | "metadata", string> = {
  apiVersion:
    "The versioned schema this object is written in: group/version, or just the version for the core group. " +
    "The server converts versions it knows and rejects those it does not.",
  kind:
    "The type of this object in CamelCase, such as Pod or Deployment. " +
    "The server can infer it from the request URL; it cannot be changed after creation.",
  metadata:
    "Standard object metadata: name, namespace, labels, annotations and owner references, " +
    "plus server-maintained fields such as uid, resourceVersion and creationTimestamp.",
};

/** For the `metadata` field of list-like types. */
export const listMetadata =
  "Standard list metadata: the resourceVersion the list was read at and, for paginated reads, a continue token.";

/** The fields every status condition shares; `type` and anything extra are described per kind. */
export const conditionFields: Record<"lastTransitionTime" | "message" | "reason" | "status", string> = {
  lastTransitionTime: "When status last flipped between True, False and Unknown.",
  message: "A human-readable explanation of the latest transition.",
  reason: "A short CamelCase code saying why the condition last changed.",
  status: "Whether the condition holds: True, False or Unknown.",
};
