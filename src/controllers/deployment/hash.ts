// The pod-template-hash: FNV-32a over the pod template (plus the collision count), printed in
// decimal and passed through SafeEncodeString, so it is short, stable and a valid label value.
// Upstream hashes Go's spew dump of the typed struct; with no Go types here we hash the template's
// canonical JSON instead, so values differ from upstream's but have the same shape and stability.

import type { KubeObject } from "../../api/object";
import { semanticJSON } from "./controller-utils";

export const HASH_LABEL = "pod-template-hash";

/** k8s.io/apimachinery/pkg/util/rand's alphabet: no vowels (no words) and no look-alike 0/1/3. */
const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character mapped into the alphabet, so no bad words and no dashes. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** controller.ComputeHash: the collision count, when set, is hashed in as 8 little-endian bytes. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(semanticJSON(template)));
  if (typeof collisionCount === "number") {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(extra, h);
  }
  return safeEncodeString(String(h));
}

/** EqualIgnoreHash: two pod templates are the same rollout if they differ only in the hash label. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return semanticJSON(withoutHash(a)) === semanticJSON(withoutHash(b));
}

function withoutHash(template: unknown): unknown {
  const t = structuredClone(template ?? {}) as Record<string, any>;
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return t;
}

/** A random-looking but reproducible pod name suffix, as the API's generateName would pick. */
export function nameSuffix(seed: string, length = 5): string {
  let h = fnv32a(new TextEncoder().encode(seed));
  let out = "";
  for (let i = 0; i < length; i++) {
    out += ALPHANUMS[h % ALPHANUMS.length];
    h = fnv32a(new Uint8Array([i, h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff, h >>> 24]), h);
  }
  return out;
}

export function templateOf(obj: KubeObject): Record<string, any> {
  return (obj.spec?.template ?? {}) as Record<string, any>;
}
