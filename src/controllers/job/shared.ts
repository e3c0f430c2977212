// Helpers the workload controllers share (job, cronjob, daemonset, statefulset): pod state as
// upstream's podutil reads it, controller references, API times, and generated names. They live
// here only because this folder came first; nothing in them is Job-specific.
import type { KubeObject, OwnerReference } from "../../api/object";
import type { Cache, Resource } from "../types";

export type Obj = Record<string, any>;

export function phase(pod: KubeObject): string {
  return pod.status?.phase ?? "";
}

export function isTerminal(pod: KubeObject): boolean {
  const p = phase(pod);
  return p === "Succeeded" || p === "Failed";
}

export function condition(obj: KubeObject, type: string): Obj | undefined {
  const list: unknown = obj.status?.conditions;
  return Array.isArray(list) ? list.find((c) => c?.type === type) : undefined;
}

export function isPodReady(pod: KubeObject): boolean {
  return condition(pod, "Ready")?.status === "True";
}

/** podutil.IsPodAvailable: Ready, and for at least minReadySeconds. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const ready = condition(pod, "Ready");
  if (ready?.status !== "True") return false;
  if (!minReadySeconds) return true;
  const since = parseTime(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** Not finished and not being deleted: what upstream's FilterActivePods keeps. */
export function isActive(pod: KubeObject): boolean {
  return !isTerminal(pod) && !pod.metadata.deletionTimestamp;
}

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** Objects of `resource` whose controller reference is `owner` (the owner index, then the uid). */
export function controlled(cache: Cache, resource: Resource, owner: KubeObject): KubeObject[] {
  const uid = owner.metadata.uid ?? "";
  return cache.ownedBy(resource, uid).filter((o) => controllerOf(o)?.uid === uid);
}

export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Watch keys for children: the namespace/name of their controller, when it is of `kind`. */
export function ownerKeys(kind: string): (obj: KubeObject) => string[] {
  return (obj) => {
    const ref = controllerOf(obj);
    return ref?.kind === kind ? [`${obj.metadata.namespace}/${ref.name}`] : [];
  };
}

/** metav1.Time as the API writes it: RFC 3339, whole seconds, UTC. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function parseTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

export { canonical as canonicalJSON } from "../../api/canonical";

/** FNV-1a, 32 bits, over UTF-8: the hash upstream's controllers name things with. */
export function fnv32a(text: string, extra?: number): number {
  let h = 0x811c9dc5;
  const mix = (b: number) => {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const b of new TextEncoder().encode(text)) mix(b);
  // A collision count goes in as its little-endian bytes, as upstream writes it.
  if (extra !== undefined) for (let i = 0; i < 4; i++) mix((extra >>> (8 * i)) & 0xff);
  return h >>> 0;
}

// apimachinery's rand alphabet: no vowels (no words) and no look-alike characters.
const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** rand.SafeEncodeString: each character of `s` mapped onto the alphabet. */
export function safeEncodeString(s: string): string {
  return [...s].map((c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join("");
}

/**
 * A name as `generateName` would get it (the prefix cut to 58 characters, five random-looking
 * characters), but derived from `seed` and skipping names in use. Choosing it here lets the
 * SuccessfulCreate event name the pod, and the same snapshot always yields the same name.
 */
export function generatedName(prefix: string, seed: string, taken: (name: string) => boolean): string {
  const base = prefix.slice(0, 58);
  for (let i = 0; ; i++) {
    let h = fnv32a(`${seed}/${i}`);
    let suffix = "";
    for (let k = 0; k < 5; k++, h = Math.floor(h / ALPHANUMS.length)) suffix += ALPHANUMS[h % ALPHANUMS.length];
    if (!taken(base + suffix)) return base + suffix;
  }
}

/** Strategic-merge patch that drops one finalizer, as upstream's controllers send it. */
export function removeFinalizerPatch(finalizer: string): unknown {
  return { metadata: { "$deleteFromPrimitiveList/finalizers": [finalizer] } };
}
