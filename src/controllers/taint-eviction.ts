// Taint eviction (pkg/controller/tainteviction): a pod on a node with a NoExecute taint it does not
// tolerate is deleted at once; one it tolerates for tolerationSeconds is deleted when that runs out,
// counted from the taint's timeAdded. Keys are pods; a tainted node wakes the pods bound to it.
import type { KubeObject } from "../api/object";
import { type Action, type Cache, type Controller, eventAction, keyOf, splitKey } from "./types";

type Obj = Record<string, any>;
const COMPONENT = "taint-eviction-controller";

/** Toleration.ToleratesTaint: empty effect/key match any; operator Exists ignores the value. */
export function tolerates(t: Obj, taint: Obj): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === "Exists") return true;
  return (t.operator ?? "Equal") === "Equal" && (t.value ?? "") === (taint.value ?? "");
}

export const noExecuteTaints = (node: KubeObject | undefined): Obj[] =>
  (node?.spec?.taints ?? []).filter((t: Obj) => t?.effect === "NoExecute");

/**
 * When the pod must go (ms since epoch): -Infinity if some taint is not tolerated or a toleration
 * allows zero seconds, undefined if every taint is tolerated forever, else the earliest
 * taint start + tolerationSeconds among the tolerations in use (the first matching one per taint).
 */
export function evictionDeadline(taints: Obj[], tolerations: Obj[], startOf: (taint: Obj) => number): number | undefined {
  let deadline: number | undefined;
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return -Infinity;
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    const seconds = Number(t.tolerationSeconds);
    if (seconds <= 0) return -Infinity;
    const at = startOf(taint) + seconds * 1000;
    deadline = deadline === undefined ? at : Math.min(deadline, at);
  }
  return deadline;
}

const taintId = (t: Obj): string => `${t.key}=${t.value ?? ""}:${t.effect}`;

function podsOn(cache: Cache, node: string): KubeObject[] {
  return cache.list("pods").filter((p) => p.spec?.nodeName === node);
}

export function createTaintEvictionController(): Controller {
  // A taint without timeAdded (one a user set) is timed from when this controller first saw it on
  // the pod's node, as upstream's in-memory eviction queue does; forgotten when the pod or taint goes.
  const firstSeen = new Map<string, Map<string, number>>();

  return {
    name: "taint-eviction",
    watches: [
      { resource: "pods", keys: (pod) => (pod.spec?.nodeName ? [keyOf(pod)] : []) },
      // Only a node with NoExecute taints can evict anything; scanning pods for other nodes is waste.
      { resource: "nodes", keys: (node, cache) => (noExecuteTaints(node).length ? podsOn(cache, node.metadata.name!).map(keyOf) : []) },
    ],
    reconcile(key, cache, now) {
      const { namespace, name } = splitKey(key);
      const pod = cache.get("pods", namespace, name);
      const taints = pod && !pod.metadata.deletionTimestamp ? noExecuteTaints(cache.get("nodes", undefined, pod.spec?.nodeName ?? "")) : [];
      if (!pod || taints.length === 0) {
        firstSeen.delete(key);
        return { actions: [] };
      }

      const seen = firstSeen.get(key) ?? new Map<string, number>();
      for (const id of seen.keys()) if (!taints.some((t) => taintId(t) === id)) seen.delete(id);
      const startOf = (taint: Obj): number => {
        const added = Date.parse(taint.timeAdded ?? "");
        if (!Number.isNaN(added)) return added;
        if (!seen.has(taintId(taint))) seen.set(taintId(taint), now.getTime());
        return seen.get(taintId(taint))!;
      };
      const deadline = evictionDeadline(taints, pod.spec?.tolerations ?? [], startOf);
      if (seen.size) firstSeen.set(key, seen);
      else firstSeen.delete(key);

      if (deadline === undefined) return { actions: [] };
      if (deadline > now.getTime()) return { actions: [], requeueAfter: deadline - now.getTime() };
      firstSeen.delete(key);
      return { actions: evict(pod, now) };
    },
  };
}

/** The event, the DisruptionTarget condition (so the pod's owner knows why), then the delete. */
function evict(pod: KubeObject, now: Date): Action[] {
  const key = keyOf(pod);
  const { namespace, name } = splitKey(key);
  const actions: Action[] = [eventAction(pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${key}`, COMPONENT, now)];
  const reason = "DeletionByTaintManager";
  const message = "Taint manager: deleting due to NoExecute taint";
  const has = (pod.status?.conditions ?? []).some(
    (c: Obj) => c?.type === "DisruptionTarget" && c.status === "True" && c.reason === reason && c.message === message,
  );
  if (!has) {
    const condition = { type: "DisruptionTarget", status: "True", reason, message, lastTransitionTime: now.toISOString().replace(/\.\d{3}Z$/, "Z") };
    // Strategic merge keys pod conditions by type, so the kubelet's own conditions are left alone.
    actions.push({ verb: "patch", resource: "pods", namespace, name, patchType: "strategic", subresource: "status", patch: { status: { conditions: [condition] } } });
  }
  actions.push({ verb: "delete", resource: "pods", namespace, name: name, preconditions: { uid: pod.metadata.uid } });
  return actions;
}
