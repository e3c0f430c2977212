// Revision bookkeeping on replica sets: what `kubectl rollout history` lists and `rollout undo`
// copies back. The newest template's replica set carries the highest revision; re-using an older
// one (a rollback) moves its previous numbers into revision-history.

import type { KubeObject } from "../../api/object";
import { byCreation, specReplicas } from "./controller-utils";
import { maxSurge } from "./util";

export const Annotation = {
  revision: "deployment.kubernetes.io/revision",
  revisionHistory: "deployment.kubernetes.io/revision-history",
  desiredReplicas: "deployment.kubernetes.io/desired-replicas",
  maxReplicas: "deployment.kubernetes.io/max-replicas",
} as const;

/** Limit revision-history to ~100 entries. */
const MAX_HISTORY_CHARS = 2000;

/** Never copied from the deployment onto its replica sets (nor back on rollback). */
const skipCopy = new Set<string>([
  "kubectl.kubernetes.io/last-applied-configuration",
  Annotation.revision,
  Annotation.revisionHistory,
  Annotation.desiredReplicas,
  Annotation.maxReplicas,
  "deprecated.deployment.rollback.to",
]);

/** The revision number; absent is 0, unparsable is undefined (skipped, as upstream logs and skips). */
export function revision(rs: KubeObject): number | undefined {
  const v = rs.metadata.annotations?.[Annotation.revision];
  if (v === undefined) return 0;
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export function maxRevision(list: KubeObject[]): number {
  return list.reduce((m, rs) => Math.max(m, revision(rs) ?? 0), 0);
}

/** ReplicaSetsByRevision: lowest revision first (creation order on ties), the order history is pruned in. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  const ra = revision(a);
  const rb = revision(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(a, b);
  return ra - rb;
}

function annotations(obj: KubeObject): Record<string, string> {
  return (obj.metadata.annotations ??= {});
}

/** Sets one annotation; true if it changed. */
function put(obj: KubeObject, key: string, value: string): boolean {
  const a = annotations(obj);
  if (a[key] === value) return false;
  a[key] = value;
  return true;
}

/** SetNewReplicaSetAnnotations; true if the replica set's annotations changed. */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!skipCopy.has(k)) changed = put(rs, k, v) || changed;
  const a = annotations(rs);
  const old = a[Annotation.revision];
  const oldNumber = old === undefined || old === "" ? 0 : /^-?\d+$/.test(old) ? Number(old) : undefined;
  if (oldNumber === undefined) return false; // a garbled revision is left for a human, as upstream does
  if (oldNumber < newRevision) {
    a[Annotation.revision] = String(newRevision);
    changed = true;
    if (old !== undefined) appendHistory(a, old);
  }
  if (!exists) changed = setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d)) || changed;
  return changed;
}

/** A reused replica set remembers the revisions it served before, oldest dropped past the limit. */
function appendHistory(a: Record<string, string>, old: string): void {
  const current = a[Annotation.revisionHistory] ?? "";
  if (current === "") {
    a[Annotation.revisionHistory] = old;
    return;
  }
  const entries = current.split(",");
  let total = current.length + old.length + 1;
  let start = 0;
  while (total > MAX_HISTORY_CHARS && start < entries.length) total -= entries[start++].length + 1;
  if (total <= MAX_HISTORY_CHARS) a[Annotation.revisionHistory] = [...entries.slice(start), old].join(",");
}

export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = put(rs, Annotation.desiredReplicas, String(desired));
  const b = put(rs, Annotation.maxReplicas, String(max));
  return a || b;
}

export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[Annotation.desiredReplicas] !== String(desired) || a[Annotation.maxReplicas] !== String(max);
}

/** An int annotation, or undefined when absent or not a number. */
export function intAnnotation(rs: KubeObject, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}
