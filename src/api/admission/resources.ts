// Resource lists (corev1.ResourceList) as exact quantities, shared by ResourceQuota, LimitRanger and
// the quota controller: arithmetic with upstream's formatting rules and its "a=1,b=2" printing.
import { cmpQuantity, formatQuantity, parseQuantity, type Quantity } from "../validation/quantity";

export type ResourceMap = Map<string, Quantity>;
type Obj = Record<string, any>;

export const one: Quantity = { num: 1n, den: 1n, format: "DecimalSI" };
export const zero: Quantity = { num: 0n, den: 1n, format: "DecimalSI" };

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
};

/** Quantity.Add: a zero receiver takes the addend's format ("0" + "1Gi" prints "1Gi"). Reduced, so sums stay small. */
export function plus(a: Quantity, b: Quantity): Quantity {
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const g = gcd(num, den);
  return { num: num / g, den: den / g, format: a.num === 0n ? b.format : a.format };
}

export function minus(a: Quantity, b: Quantity): Quantity {
  return plus(a, { ...b, num: -b.num });
}

/** A ResourceList from JSON; values that do not parse are skipped (validation reports them). */
export function toResourceMap(list: unknown): ResourceMap {
  const out: ResourceMap = new Map();
  if (typeof list !== "object" || list === null || Array.isArray(list)) return out;
  for (const [k, v] of Object.entries(list as Obj)) {
    const q = parseQuantity(v);
    if (typeof q !== "string") out.set(k, q);
  }
  return out;
}

/** Back to JSON with canonical values and sorted keys, as the API server would store them. */
export function fromResourceMap(m: ResourceMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...m.keys()].sort()) out[k] = formatQuantity(m.get(k)!);
  return out;
}

export function addInto(into: ResourceMap, from: ResourceMap): ResourceMap {
  for (const [k, v] of from) into.set(k, into.has(k) ? plus(into.get(k)!, v) : v);
  return into;
}

/** quota.Add: a new list, a's keys then b's. */
export function addMaps(a: ResourceMap, b: ResourceMap): ResourceMap {
  return addInto(new Map(a), b);
}

/** Per key, the larger of the two (maxResourceList). */
export function maxInto(into: ResourceMap, from: ResourceMap): ResourceMap {
  for (const [k, v] of from) if (!into.has(k) || cmpQuantity(v, into.get(k)!) > 0) into.set(k, v);
  return into;
}

/** quota.Mask: only the named keys. */
export function mask(m: ResourceMap, names: Iterable<string>): ResourceMap {
  const out: ResourceMap = new Map();
  for (const n of names) if (m.has(n)) out.set(n, m.get(n)!);
  return out;
}

/** quota.SubtractWithNonNegativeResult: a - b per key of a, floored at zero. */
export function subtractNonNegative(a: ResourceMap, b: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, v] of a) {
    const d = b.has(k) ? minus(v, b.get(k)!) : v;
    out.set(k, d.num < 0n ? { ...zero, format: v.format } : d);
  }
  return out;
}

/** Equal as quantities (not as strings): "1000m" equals "1". */
export function sameResources(a: ResourceMap, b: ResourceMap): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || cmpQuantity(v, b.get(k)!) !== 0) return false;
  return true;
}

/** The quota admission's prettyPrint: "name=value" by sorted name, comma-joined. */
export function prettyPrint(m: ResourceMap): string {
  return [...m.keys()].sort().map((k) => `${k}=${formatQuantity(m.get(k)!)}`).join(",");
}

/**
 * A pod's effective requests or limits (component-helpers PodRequests/PodLimits): the containers'
 * sum, sidecars (restartable init containers) added to it, and at least the largest init container
 * plus the sidecars started before it. Overhead is added to requests, and to limits already set.
 */
export function podResources(spec: Obj | undefined, kind: "requests" | "limits", withOverhead: boolean): ResourceMap {
  const total: ResourceMap = new Map();
  for (const c of spec?.containers ?? []) addInto(total, toResourceMap(c?.resources?.[kind]));
  const sidecars: ResourceMap = new Map();
  const initPeak: ResourceMap = new Map();
  for (const c of spec?.initContainers ?? []) {
    const own = toResourceMap(c?.resources?.[kind]);
    if (c?.restartPolicy === "Always") {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initPeak, sidecars);
    } else {
      maxInto(initPeak, addInto(own, sidecars));
    }
  }
  maxInto(total, initPeak);
  if (withOverhead) {
    for (const [k, v] of toResourceMap(spec?.overhead)) {
      if (kind === "requests" || total.has(k)) total.set(k, total.has(k) ? plus(total.get(k)!, v) : v);
    }
  }
  return total;
}
