import { canonical } from "../canonical";
import type { KubeObject } from "../object";
import type { ResourceDef } from "./types";

export { canonical };

// What kube-apiserver's generic store does for every kind, around the per-kind strategy hooks.

/** RFC 3339 with second precision, as metav1.Time marshals. */
export function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function prepareCreate(def: ResourceDef, obj: KubeObject, uid: string, now: Date): void {
  const meta = obj.metadata;
  meta.uid = uid;
  meta.creationTimestamp = timestamp(now);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  if (def.generation) meta.generation = 1;
  else delete meta.generation;
  if (def.status && !def.statusOnCreate) delete obj.status;
  def.strategy?.prepareForCreate?.(obj);
}

/** Spec-or-equivalent: everything a generation counts, i.e. all but metadata and status. */
function specOf(obj: KubeObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...spec } = obj;
  return canonical(spec);
}

/** An update through the main resource: identity and status come from the stored object. */
export function prepareUpdate(def: ResourceDef, obj: KubeObject, old: KubeObject): void {
  carryIdentity(obj, old);
  if (def.status) {
    if (old.status === undefined) delete obj.status;
    else obj.status = old.status;
  }
  const generation = old.metadata.generation;
  if (def.generation && generation !== undefined) {
    obj.metadata.generation = specOf(obj) === specOf(old) ? generation : generation + 1;
  }
  def.strategy?.prepareForUpdate?.(obj, old);
}

/** An update through /status: only status changes; everything else stays as stored. */
export function prepareStatusUpdate(obj: KubeObject, old: KubeObject): KubeObject {
  const next: KubeObject = { ...structuredClone(old), status: obj.status };
  if (obj.status === undefined) delete next.status;
  next.metadata.resourceVersion = obj.metadata.resourceVersion;
  return next;
}

/** An update through a namespace's /finalize: only spec.finalizers changes. */
export function prepareFinalizeUpdate(obj: KubeObject, old: KubeObject): KubeObject {
  const next = structuredClone(old);
  next.spec = { ...next.spec, finalizers: obj.spec?.finalizers ?? [] };
  next.metadata.resourceVersion = obj.metadata.resourceVersion;
  return next;
}

function carryIdentity(obj: KubeObject, old: KubeObject): void {
  const meta = obj.metadata;
  // A uid the client sent stays, so validation can refuse a changed one; an omitted uid is kept.
  if (!meta.uid) meta.uid = old.metadata.uid;
  meta.creationTimestamp = old.metadata.creationTimestamp;
  setOrDelete(meta, "deletionTimestamp", old.metadata.deletionTimestamp);
  setOrDelete(meta, "deletionGracePeriodSeconds", old.metadata.deletionGracePeriodSeconds);
  setOrDelete(meta, "generation", old.metadata.generation);
  delete meta.selfLink;
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** Whether an update would change nothing: such updates are not written, as upstream. */
export function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
  return canonical(strip(a)) === canonical(strip(b));
}

