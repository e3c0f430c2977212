// Typed errors inside, Kubernetes Status objects at the edge: every failure the API can report is a
// StatusError, rendered once by the worker's error handler.

export type StatusReason =
  | "BadRequest"
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Gone"
  | "Expired"
  | "Invalid"
  | "MethodNotAllowed"
  | "NotAcceptable"
  | "UnsupportedMediaType"
  | "RequestEntityTooLarge"
  | "TooManyRequests"
  | "Timeout"
  | "InternalError"
  | "ServiceUnavailable";

export type CauseType =
  | "FieldValueRequired"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueDuplicate"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "FieldValueTypeInvalid"
  | "InternalError"
  | "FieldValueNotFound"
  | "ExitCode"
  | string;

/** One validation failure, as upstream's field.Error: a path such as `spec.containers[0].name`. */
export interface FieldError {
  type: CauseType;
  field: string;
  /** The offending value, echoed in the message as upstream does (omit for Required/Forbidden). */
  value?: unknown;
  /** Upstream's detail text, e.g. "must be no more than 63 characters". */
  detail?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason: string; message: string; field?: string }[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Success" | "Failure";
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = "StatusError";
  }

  toStatus(): Status {
    const status: Status = {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) status.details = this.details;
    return status;
  }
}

/** "pods" or "deployments.apps": how upstream names a resource in error messages. */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

export const errors = {
  notFound: (group: string, resource: string, name: string) =>
    new StatusError(404, "NotFound", `${qualifiedResource(group, resource)} "${name}" not found`, {
      name,
      group: group || undefined,
      kind: resource,
    }),
  alreadyExists: (group: string, resource: string, name: string) =>
    new StatusError(409, "AlreadyExists", `${qualifiedResource(group, resource)} "${name}" already exists`, {
      name,
      group: group || undefined,
      kind: resource,
    }),
  conflict: (group: string, resource: string, name: string, why: string) =>
    new StatusError(
      409,
      "Conflict",
      `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": ${why}`,
      { name, group: group || undefined, kind: resource },
    ),
  badRequest: (message: string) => new StatusError(400, "BadRequest", message),
  methodNotAllowed: (message: string) => new StatusError(405, "MethodNotAllowed", message),
  gone: (message: string) => new StatusError(410, "Expired", message),
  forbidden: (message: string) => new StatusError(403, "Forbidden", message),
  unauthorized: () => new StatusError(401, "Unauthorized", "Unauthorized"),
  unsupportedMediaType: () =>
    new StatusError(
      415,
      "UnsupportedMediaType",
      "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf",
    ),
  tooLarge: () => new StatusError(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728"),
  notAcceptable: (message: string) => new StatusError(406, "NotAcceptable", message),
  internal: (message: string) => new StatusError(500, "InternalError", `Internal error occurred: ${message}`),
  timeout: (message: string) => new StatusError(504, "Timeout", message),
};

/** Upstream's field.Error.Error() text for one cause. */
export function fieldErrorMessage(e: FieldError): string {
  const value = e.value === undefined ? "" : `${formatValue(e.value)}: `;
  switch (e.type) {
    case "FieldValueRequired":
      return `Required value${e.detail ? `: ${e.detail}` : ""}`;
    case "FieldValueForbidden":
      return `Forbidden${e.detail ? `: ${e.detail}` : ""}`;
    case "FieldValueNotSupported":
      return `Unsupported value: ${formatValue(e.value)}${e.detail ? `: ${e.detail}` : ""}`;
    case "FieldValueDuplicate":
      return `Duplicate value: ${formatValue(e.value)}`;
    case "FieldValueTooMany":
      return `Too many: ${formatValue(e.value)}: ${e.detail ?? "has too many items"}`;
    case "FieldValueTooLong":
      return `Too long: ${e.detail ?? "value is too long"}`;
    case "FieldValueNotFound":
      return `Not found: ${formatValue(e.value)}`;
    default:
      return `Invalid value: ${value}${e.detail ?? ""}`.replace(/: $/, "");
  }
}

function formatValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Upstream's NewInvalid: `Kind.group "name" is invalid: [path: msg, path: msg]`. */
export function invalid(group: string, kind: string, name: string, causes: FieldError[]): StatusError {
  const parts = causes.map((c) => `${c.field}: ${fieldErrorMessage(c)}`);
  const what = group ? `${kind}.${group}` : kind;
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(", ")}]`;
  return new StatusError(422, "Invalid", `${what} "${name}" is invalid: ${joined}`, {
    name,
    group: group || undefined,
    kind,
    causes: causes.map((c) => ({ reason: c.type, message: fieldErrorMessage(c), field: c.field })),
  });
}
