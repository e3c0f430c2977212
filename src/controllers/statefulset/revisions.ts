// A StatefulSet's current and update revisions (getStatefulSetRevisions) and history truncation.
// The update revision is the one matching today's template: found, renumbered when an older one
// comes back (a rollback), or created; the current revision is the one status names.
import type { KubeObject } from "../../api/object";
import { controlled } from "../job/shared";
import type { Action, Cache } from "../types";
import {
  createRevision, deleteRevision, hashOf, newRevision, renumber, REVISIONS, sameData, sortRevisions, surplusRevisions, templatePatch,
} from "../daemonset/history";
import { revisionOf } from "./pods";

/** The label the history package puts on every revision it names. */
const HASH_LABEL = "controller.kubernetes.io/hash";

export interface Revisions {
  current: KubeObject;
  update: KubeObject;
  collisionCount: number;
  /** Sorted, as listed before this pass. */
  all: KubeObject[];
  actions: Action[];
}

export function setRevisions(set: KubeObject, cache: Cache): Revisions {
  const all = sortRevisions(controlled(cache, REVISIONS, set));
  let collisionCount: number = set.status?.collisionCount ?? 0;
  const data = templatePatch(set);
  const next = (all.at(-1)?.revision ?? 0) + 1;
  const equal = all.filter((r) => sameData(r.data, data));
  const actions: Action[] = [];
  let update: KubeObject;
  if (equal.length > 0 && equal.at(-1) === all.at(-1)) {
    update = all.at(-1)!;
  } else if (equal.length > 0) {
    const renumbered = renumber(equal.at(-1)!, next);
    actions.push(renumbered.action);
    update = renumbered.revision;
  } else {
    // A name taken by a different template bumps the collision count until the name is free.
    for (;;) {
      const hash = hashOf(data, collisionCount);
      const name = `${set.metadata.name}-${hash}`;
      const existing = cache.get(REVISIONS, set.metadata.namespace, name);
      if (existing && sameData(existing.data, data)) {
        update = existing;
        break;
      }
      if (!existing) {
        const labels = { ...(set.spec?.template?.metadata?.labels ?? {}), [HASH_LABEL]: hash };
        update = newRevision({ owner: set, ownerApiVersion: "apps/v1", ownerKind: "StatefulSet", name, labels, data, revision: next });
        actions.push(createRevision(update));
        break;
      }
      collisionCount++;
    }
  }
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, all, actions };
}

/** truncateHistory: keep revisionHistoryLimit revisions besides the live ones (status's and pods'). */
export function truncateHistory(set: KubeObject, pods: KubeObject[], r: Revisions): Action[] {
  const live = new Set([r.current.metadata.name, r.update.metadata.name, ...pods.map(revisionOf)]);
  const limit: number = set.spec?.revisionHistoryLimit ?? 10;
  return surplusRevisions(r.all, limit, (rev) => live.has(rev.metadata.name)).map(deleteRevision);
}
