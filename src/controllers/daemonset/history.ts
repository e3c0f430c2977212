// ControllerRevisions (upstream pkg/controller/history), shared by the DaemonSet and StatefulSet
// controllers: a revision stores the pod template as the patch that would restore it, is named
// `<owner>-<hash>` and numbered; a collision count varies the hash when two templates collide.
import type { KubeObject } from "../../api/object";
import type { Action } from "../types";
import { canonicalJSON, fnv32a, newControllerRef, parseTime, safeEncodeString, type Obj } from "../job/shared";

export const REVISIONS = "controllerrevisions.apps";
export const REVISION_HASH_LABEL = "controller-revision-hash";

/** getPatch: the template wrapped as a strategic patch that replaces it wholesale. */
export function templatePatch(owner: KubeObject): Obj {
  return { spec: { template: { ...structuredClone(owner.spec?.template ?? {}), $patch: "replace" } } };
}

/** The template a revision restores (ApplyRevision, for patches of templatePatch's shape). */
export function revisionTemplate(revision: KubeObject): Obj {
  const { $patch: _, ...template } = revision.data?.spec?.template ?? {};
  return template;
}

export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJSON(a) === canonicalJSON(b);
}

/** controller.ComputeHash / HashControllerRevision: FNV-32a, then the safe alphabet. */
export function hashOf(value: unknown, collisionCount?: number): string {
  return safeEncodeString(String(fnv32a(canonicalJSON(value), collisionCount)));
}

/** Oldest first: by revision number, then creation time, then name. */
export function sortRevisions(list: KubeObject[]): KubeObject[] {
  const created = (r: KubeObject) => parseTime(r.metadata.creationTimestamp) ?? 0;
  return [...list].sort(
    (a, b) => (a.revision ?? 0) - (b.revision ?? 0) || created(a) - created(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1),
  );
}

export function maxRevision(list: KubeObject[]): number {
  return list.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
}

export interface RevisionSpec {
  owner: KubeObject;
  ownerApiVersion: string;
  ownerKind: string;
  name: string;
  labels: Record<string, string>;
  data: Obj;
  revision: number;
}

export function newRevision(s: RevisionSpec): KubeObject {
  const annotations = s.owner.metadata.annotations;
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: {
      name: s.name,
      namespace: s.owner.metadata.namespace,
      labels: s.labels,
      ...(annotations && Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      ownerReferences: [newControllerRef(s.owner, s.ownerApiVersion, s.ownerKind)],
    },
    data: s.data,
    revision: s.revision,
  };
}

export function createRevision(revision: KubeObject): Action {
  return { verb: "create", resource: REVISIONS, namespace: revision.metadata.namespace, object: revision };
}

/** Renumbers an existing revision (a rollback to an earlier template makes it the newest). */
export function renumber(revision: KubeObject, to: number): { action: Action; revision: KubeObject } {
  const next = { ...structuredClone(revision), revision: to };
  return { action: { verb: "update", resource: REVISIONS, object: next }, revision: next };
}

export function deleteRevision(revision: KubeObject): Action {
  return {
    verb: "delete",
    resource: REVISIONS,
    namespace: revision.metadata.namespace,
    name: revision.metadata.name!,
    preconditions: { uid: revision.metadata.uid },
  };
}

/** The oldest revisions beyond `limit`, never one that is still `live`. */
export function surplusRevisions(old: KubeObject[], limit: number, live: (r: KubeObject) => boolean): KubeObject[] {
  const history = sortRevisions(old).filter((r) => !live(r));
  return history.slice(0, Math.max(0, history.length - limit));
}
