import type { KubeObject } from "../object";

/** Moves top-level fields per a name map (from → to); others pass through unchanged. */
export function renameFields(obj: KubeObject, names: Record<string, string>): KubeObject {
  const out: KubeObject = { metadata: obj.metadata };
  for (const [key, value] of Object.entries(obj)) {
    if (key !== "metadata") out[names[key] ?? key] = value;
  }
  return out;
}

export function invert(names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([a, b]) => [b, a]));
}
