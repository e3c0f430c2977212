// Small helpers for defaulting functions, which mutate decoded JSON in place.
import { canonicalQuantity } from "../validation/quantity";

export type Obj = Record<string, any>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function list(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** Ensure obj[k] is an object and return it (for defaulting nested structs). */
export function ensure(obj: Obj, k: string): Obj {
  if (!isObj(obj[k])) obj[k] = {};
  return obj[k];
}

/** Set obj[k] when absent; "absent" means undefined, null or "" as Go's zero-value checks do. */
export function dflt(obj: Obj, k: string, value: unknown): void {
  if (obj[k] === undefined || obj[k] === null || obj[k] === "") obj[k] = value;
}

/** Store quantities in their canonical form, as the API server does ("0.5" -> "500m"). */
export function canonicalizeResourceList(rl: unknown): void {
  if (!isObj(rl)) return;
  for (const k of Object.keys(rl)) rl[k] = canonicalQuantity(rl[k]);
}
