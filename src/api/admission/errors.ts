import { StatusError } from "../errors";

/**
 * admission.NewForbidden: `pods "x" is forbidden: <why>` (or `pods is forbidden: <why>` before a
 * generated name exists), with details naming the resource as upstream does (kind = plural).
 * `resource` is registry-qualified: "pods", "deployments.apps".
 */
export function admissionForbidden(resource: string, name: string | undefined, why: string): StatusError {
  const dot = resource.indexOf(".");
  const plural = dot < 0 ? resource : resource.slice(0, dot);
  const group = dot < 0 ? undefined : resource.slice(dot + 1);
  const message = name ? `${resource} "${name}" is forbidden: ${why}` : `${resource} is forbidden: ${why}`;
  return new StatusError(403, "Forbidden", message, { name: name || undefined, group, kind: plural });
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several de-duplicated inside brackets. */
export function aggregateMessage(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(", ")}]`;
}
