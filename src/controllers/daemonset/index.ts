// The DaemonSet controller (upstream pkg/controller/daemon): one pod per eligible node, each pinned
// to its node by required node affinity (the scheduler binds it), template history kept as
// ControllerRevisions, RollingUpdate (maxUnavailable/maxSurge) or OnDelete, and status.
import type { KubeObject } from "../../api/object";
import { canonicalJSON, controlled, isTerminal, ownerKeys, type Obj } from "../job/shared";
import { keyOf, splitKey, type Action, type Cache, type Controller, type Result } from "../types";
import {
  createRevision, deleteRevision, hashOf, maxRevision, newRevision, renumber, REVISION_HASH_LABEL, REVISIONS, sameData, sortRevisions, templatePatch,
} from "./history";
import { manage, syncNodes } from "./manage";
import { nodeShouldRun, placementSpec, targetNode, type Placement } from "./nodes";
import { rollingUpdate, type DaemonView } from "./rolling";
import { daemonStatus } from "./status";

const DAEMONSETS = "daemonsets.apps";

interface History {
  hash: string;
  old: KubeObject[];
  actions: Action[];
  /** A name collision: only status.collisionCount can be written this pass. */
  collided?: boolean;
}

/** constructHistory: find or record the revision of the current template; older ones are `old`. */
function history(ds: KubeObject, cache: Cache): History {
  const revisions = controlled(cache, REVISIONS, ds);
  const data = templatePatch(ds);
  const current = sortRevisions(revisions.filter((r) => sameData(r.data, data)));
  const old = revisions.filter((r) => !current.includes(r));
  const next = maxRevision(old) + 1;
  const cur = current.at(-1);
  if (cur) {
    const actions = cur.revision < next ? [renumber(cur, next).action] : [];
    return { hash: cur.metadata.labels?.[REVISION_HASH_LABEL] ?? hashOf(ds.spec?.template), old, actions };
  }
  const collisions: number | undefined = ds.status?.collisionCount;
  const hash = hashOf(ds.spec?.template, collisions);
  const name = `${ds.metadata.name}-${hash}`;
  const clash = cache.get(REVISIONS, ds.metadata.namespace, name);
  if (clash && !sameData(clash.data, data)) return { hash, old, actions: [], collided: true };
  const labels = { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash };
  const revision = newRevision({ owner: ds, ownerApiVersion: "apps/v1", ownerKind: "DaemonSet", name, labels, data, revision: next });
  return { hash, old, actions: clash ? [] : [createRevision(revision)] };
}

/** cleanupHistory: drop the oldest revisions beyond revisionHistoryLimit that no pod still uses. */
function cleanupHistory(ds: KubeObject, old: KubeObject[], pods: KubeObject[]): Action[] {
  const limit: number = ds.spec?.revisionHistoryLimit ?? 10;
  let toKill = old.length - limit;
  const live = new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL]).filter(Boolean));
  const out: Action[] = [];
  for (const r of sortRevisions(old)) {
    if (toKill <= 0) break;
    if (live.has(r.metadata.labels?.[REVISION_HASH_LABEL])) continue;
    out.push(deleteRevision(r));
    toKill--;
  }
  return out;
}

function sync(ds: KubeObject, cache: Cache, now: Date): Result {
  const selector = ds.spec?.selector;
  // Deleted (the GC owns it now) or selecting everything (upstream refuses): nothing to do.
  if (ds.metadata.deletionTimestamp || !selector || canonicalJSON(selector) === "{}") return { actions: [] };
  const statusUpdate = (status: Obj): Action[] =>
    canonicalJSON(status) === canonicalJSON(ds.status ?? {})
      ? []
      : [{ verb: "update", resource: DAEMONSETS, subresource: "status", object: { ...structuredClone(ds), status } }];

  const h = history(ds, cache);
  if (h.collided) return { actions: statusUpdate({ ...ds.status, collisionCount: (ds.status?.collisionCount ?? 0) + 1 }) };
  const nodes = cache.list("nodes");
  const allPods = controlled(cache, "pods", ds);
  const spec = placementSpec(ds);
  const placement = new Map<string, Placement>(nodes.map((n) => [n.metadata.name!, nodeShouldRun(n, spec)]));
  const byNode = new Map<string, KubeObject[]>();
  for (const pod of allPods) {
    const node = targetNode(pod);
    // A finished pod already being deleted is the kubelet's or pod GC's business now.
    if (!node || (isTerminal(pod) && pod.metadata.deletionTimestamp)) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), pod]);
  }
  const v: DaemonView = { ds, now: now.getTime(), hash: h.hash, nodeNames: [...placement.keys()].sort(), placement, byNode };

  const work = manage(v, now);
  // As upstream's expectations do: roll only once the manage pass has nothing left to do.
  if (work.createOn.length + work.remove.length === 0 && ds.spec?.updateStrategy?.type === "RollingUpdate") {
    const roll = rollingUpdate(v);
    work.remove.push(...roll.remove);
    work.createOn.push(...roll.createOn);
  }
  const taken = (n: string) => cache.get("pods", ds.metadata.namespace, n) !== undefined;
  const { status, requeueAfter } = daemonStatus(v);
  return {
    actions: [
      ...h.actions,
      ...work.events,
      ...syncNodes(v, work, allPods.length, taken, now),
      ...cleanupHistory(ds, h.old, allPods),
      ...statusUpdate(status),
    ],
    requeueAfter,
  };
}

/** A node change can make any DaemonSet run there, or stop. */
function nodeKeys(_node: KubeObject, cache: Cache): string[] {
  return cache.list(DAEMONSETS).map(keyOf);
}

export const daemonSetController: Controller = {
  name: "daemonset",
  watches: [
    { resource: DAEMONSETS, keys: (o) => [keyOf(o)] },
    { resource: "pods", keys: ownerKeys("DaemonSet") },
    { resource: "nodes", keys: nodeKeys },
    { resource: REVISIONS, keys: ownerKeys("DaemonSet") },
  ],
  reconcile(key: string, cache: Cache, now: Date): Result {
    const { namespace, name } = splitKey(key);
    const ds = cache.get(DAEMONSETS, namespace, name);
    return ds ? sync(ds, cache, now) : { actions: [] };
  },
};
