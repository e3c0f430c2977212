// Resource amounts as the scheduler counts them: CPU in millicores, everything else in whole units
// (bytes for memory), rounded up as resource.Quantity's MilliValue()/Value() do; and a pod's
// effective request as upstream's resourcehelper.PodRequests computes it.

import { parseQuantity } from "../api/validation/quantity";

/** Resource name → amount (cpu in millicores). */
export type ResourceVector = Record<string, number>;

/** What a container that omits a cpu/memory request counts as when spreading (schedutil defaults). */
export const DefaultMilliCPURequest = 100;
export const DefaultMemoryRequest = 200 * 1024 * 1024;

// Quantity strings repeat endlessly across pods; parsing is BigInt work, so remember answers.
const memo = new Map<string, number>();

function amount(name: string, q: unknown): number {
  const key = `${name === "cpu" ? "m" : "u"}${String(q)}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const parsed = parseQuantity(q);
  let n = 0;
  if (typeof parsed !== "string") {
    const num = name === "cpu" ? parsed.num * 1000n : parsed.num;
    // Ceiling division, as upstream rounds fractional values up.
    const whole = num / parsed.den + (num % parsed.den > 0n ? 1n : 0n);
    n = Number(whole);
  }
  if (memo.size > 10_000) memo.clear();
  memo.set(key, n);
  return n;
}

/** Extended resources, hugepages and other prefixed names: counted generically (ScalarResources). */
export function isScalarResource(name: string): boolean {
  return name.includes("/") || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
}

/** The resources the scheduler tracks; anything else in a ResourceList is ignored. */
export function isTrackedResource(name: string): boolean {
  return name === "cpu" || name === "memory" || name === "ephemeral-storage" || isScalarResource(name);
}

export function toVector(list: unknown, defaults?: ResourceVector): ResourceVector {
  const out: ResourceVector = {};
  if (list && typeof list === "object") {
    for (const [name, q] of Object.entries(list as Record<string, unknown>)) {
      if (isTrackedResource(name) || name === "pods") out[name] = amount(name, q);
    }
  }
  // A missing request (not an explicit zero) takes the default.
  if (defaults) for (const [name, v] of Object.entries(defaults)) if (!(name in out)) out[name] = v;
  return out;
}

export function addInto(target: ResourceVector, v: ResourceVector, sign = 1): void {
  for (const [k, n] of Object.entries(v)) target[k] = (target[k] ?? 0) + sign * n;
}

function maxInto(target: ResourceVector, v: ResourceVector): void {
  for (const [k, n] of Object.entries(v)) if (n > (target[k] ?? 0)) target[k] = n;
}

interface Container {
  restartPolicy?: string;
  resources?: { requests?: unknown };
}

/**
 * Containers run together, so their requests add up; init containers run one at a time, so
 * the pod needs the largest of them — except sidecars (restartPolicy Always), which keep running
 * and add to both the sum and every later init container. Overhead is added last.
 */
export function podRequests(spec: Record<string, any> | undefined, defaults?: ResourceVector): ResourceVector {
  const reqs: ResourceVector = {};
  for (const c of (spec?.containers ?? []) as Container[]) addInto(reqs, toVector(c.resources?.requests, defaults));
  const sidecars: ResourceVector = {};
  const initMax: ResourceVector = {};
  for (const c of (spec?.initContainers ?? []) as Container[]) {
    let v = toVector(c.resources?.requests, defaults);
    if (c.restartPolicy === "Always") {
      addInto(reqs, v);
      addInto(sidecars, v);
      v = { ...sidecars };
    } else {
      addInto(v, sidecars);
    }
    maxInto(initMax, v);
  }
  maxInto(reqs, initMax);
  if (spec?.overhead) addInto(reqs, toVector(spec.overhead));
  delete reqs.pods;
  return reqs;
}

export const nonZeroDefaults: ResourceVector = { cpu: DefaultMilliCPURequest, memory: DefaultMemoryRequest };
