// Indexed Jobs: the completion index on pods, and `status.completedIndexes` as upstream writes
// it ("0-2,4,6,7": runs of three or more as ranges, pairs as two numbers).
import type { KubeObject } from "../../api/object";
import type { Obj } from "./shared";

export const COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";

/** The pod's index, or undefined when missing, malformed or outside [0, completions). */
export function completionIndex(pod: KubeObject, completions: number): number | undefined {
  const raw = pod.metadata.annotations?.[COMPLETION_INDEX];
  if (raw === undefined || !/^[0-9]+$/.test(raw)) return undefined;
  const ix = Number(raw);
  return ix < completions ? ix : undefined;
}

/** Parses completedIndexes, dropping anything at or beyond `completions`. */
export function parseIndexes(text: unknown, completions: number): Set<number> {
  const out = new Set<number>();
  if (typeof text !== "string" || text === "") return out;
  for (const part of text.split(",")) {
    const [a, b = a] = part.split("-");
    for (let i = Number(a); i <= Number(b) && i < completions; i++) if (Number.isInteger(i) && i >= 0) out.add(i);
  }
  return out;
}

export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = sorted[i]!;
    const last = sorted[j]!;
    parts.push(last === first ? `${first}` : `${first}${last === first + 1 ? "," : "-"}${last}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** The lowest indexes neither succeeded nor held by an active pod. */
export function pendingIndexes(completions: number, succeeded: Set<number>, active: KubeObject[], count: number): number[] {
  const held = new Set(active.map((p) => completionIndex(p, completions)));
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!succeeded.has(i) && !held.has(i)) out.push(i);
  return out;
}

/** Gives every container JOB_COMPLETION_INDEX from the pod's annotation, unless it sets its own. */
export function addIndexEnv(spec: Obj): void {
  const env = {
    name: "JOB_COMPLETION_INDEX",
    valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } },
  };
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])] as Obj[]) {
    c.env ??= [];
    if (!c.env.some((e: Obj) => e?.name === env.name)) c.env.push(structuredClone(env));
  }
}
