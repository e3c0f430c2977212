// The 409 an apply gets when it would change fields another manager owns, worded as upstream's
// field manager words it: kubectl recognises the Conflict and prints its advice (use --force-conflicts,
// drop the field, or become a co-owner) beneath the message.

import { StatusError } from "../errors";
import { managerId, type Operation } from "./managed";
import { goQuote } from "./value";

export interface Conflict {
  /** The other manager's name, e.g. "kubectl-client-side-apply". */
  manager: string;
  operation: Operation;
  apiVersion: string;
  subresource?: string;
  /** Upstream's path form: `.spec.replicas`, `.spec.template.spec.containers[name="web"].image`. */
  path: string;
}

/** How upstream names a manager in conflicts: `"kubectl-edit" using apps/v1`, `"kubectl"` for appliers. */
export function describeManager(c: Pick<Conflict, "manager" | "operation" | "apiVersion" | "subresource">): string {
  let s = goQuote(c.manager);
  if (c.subresource) s += ` with subresource ${goQuote(c.subresource)}`;
  // Entries carry a time, but the identity upstream prints from does not, so no "at <time>".
  return c.operation === "Update" ? `${s} using ${c.apiVersion}` : s;
}

export function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) {
    return `Apply failed with 1 conflict: conflict with ${describeManager(conflicts[0])}: ${conflicts[0].path}`;
  }
  // Grouped by manager identity, identities sorted, as upstream prints them.
  const byManager = new Map<string, Conflict[]>();
  for (const c of conflicts) byManager.set(managerId(c), [...(byManager.get(managerId(c)) ?? []), c]);
  const lines = [...byManager.keys()]
    .sort()
    .flatMap((id) => {
      const group = byManager.get(id)!;
      return [`conflicts with ${describeManager(group[0])}:`, ...group.map((c) => `- ${c.path}`)];
    });
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`;
}

/**
 * The Conflict status for an apply. Upstream leaves details.name/kind unset (its own TODO) and
 * lists only the causes; `kind` (a name or a registry row) and `name` are accepted so callers need
 * not know that, and deliberately not rendered.
 */
export function conflictError(_kind: string | { kind: string }, _name: string, conflicts: readonly Conflict[]): StatusError {
  return new StatusError(409, "Conflict", conflictMessage(conflicts), {
    causes: conflicts.map((c) => ({
      reason: "FieldManagerConflict",
      message: `conflict with ${describeManager(c)}`,
      field: c.path,
    })),
  });
}
