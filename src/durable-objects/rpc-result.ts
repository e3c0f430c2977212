import { StatusError, type Status } from "../api/errors";

// A thrown StatusError crosses DO RPC as a plain Error and loses its code; so store methods return
// failures as data and the caller rethrows them as the typed error.
export type Rpc<T> = { ok: T } | { status: Status };

export function rpc<T>(fn: () => T): Rpc<T> {
  try {
    return { ok: fn() };
  } catch (e) {
    if (e instanceof StatusError) return { status: e.toStatus() };
    throw e;
  }
}

export function unwrap<T>(result: Rpc<T>): T {
  if ("status" in result) {
    const s = result.status;
    throw new StatusError(s.code, s.reason ?? "InternalError", s.message ?? "", s.details);
  }
  return result.ok;
}
