// Failures the API server reports become one typed error carrying its Status, so callers branch on
// `reason`/`code` (NotFound, Conflict, Expired…) instead of parsing messages.
import type { Status, StatusReason } from "../api/errors";

export type { Status, StatusReason };

const REASONS: Record<number, StatusReason> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  409: "Conflict",
  410: "Expired",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  422: "Invalid",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
};

export class ApiError extends Error {
  readonly code: number;
  readonly reason: StatusReason | undefined;

  constructor(readonly status: Status) {
    super(status.message || `the server answered ${status.code}`);
    this.name = "ApiError";
    this.code = status.code;
    this.reason = status.reason;
  }

  /** Builds the error from any failed response; bodies that are not a Status still get one. */
  static fromBody(httpStatus: number, body: string): ApiError {
    try {
      const parsed = JSON.parse(body) as Partial<Status>;
      if (parsed && parsed.kind === "Status") return new ApiError({ ...(parsed as Status), code: parsed.code || httpStatus });
    } catch {
      // Not JSON: fall through to a synthesised Status.
    }
    return new ApiError(statusFor(httpStatus, body.trim() || `the server answered ${httpStatus}`));
  }
}

export function statusFor(code: number, message: string): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: REASONS[code], code };
}

const hasCode = (code: number) => (e: unknown): e is ApiError => e instanceof ApiError && e.code === code;
export const isNotFound = hasCode(404);
export const isConflict = hasCode(409);
/** A watch or continue token older than the server keeps: the caller must re-list. */
export const isGone = hasCode(410);
export const isAlreadyExists = (e: unknown): e is ApiError => e instanceof ApiError && e.reason === "AlreadyExists";
/** Worth retrying as is: throttling, timeouts and server-side failures. */
export const isRetriable = (e: unknown): boolean => !(e instanceof ApiError) || e.code === 429 || e.code >= 500;
