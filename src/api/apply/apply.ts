// Server-side apply, as upstream's merge.Updater.Apply: merge the applied configuration into the
// live object, prune what this applier stopped sending and nobody else owns, then settle
// ownership — a changed field owned by someone else is a conflict unless forced.

import { errors } from "../errors";
import type { KubeObject } from "../object";
import { timestamp } from "../registry/generic";
import type { Schema, SchemaSource } from "../schema/types";
import { compareObjects, excluding } from "./compare";
import { FieldSet } from "./fieldset";
import { decodeManagedFields, encodeManagedFields, managerId, NEVER_OWNED, type Managed, type ManagedFieldsEntry } from "./managed";
import { mergeValues } from "./merge";
import { pathString } from "./path";
import { removeFields } from "./remove";
import { ShapeError, toFieldSet, typing, withNamedFieldMembers, type Typing } from "./typed";
import { ignoredFields, recordUpdate, stripManaged } from "./update";
import { deepEqual } from "./value";
import type { Conflict } from "./conflicts";

export interface ApplyOptions {
  /** The stored object; undefined when the apply creates it. */
  live?: KubeObject;
  /** The configuration sent (already decoded from YAML/JSON). */
  applied: KubeObject;
  /** Entries to start from; defaults to live's. */
  managedFields?: readonly unknown[];
  manager: string;
  force: boolean;
  apiVersion: string;
  now: Date;
  schema: Schema | undefined;
  /** Where the schema's $refs resolve; optional for schema-less kinds. */
  source?: SchemaSource;
  /** Set when applying to a subresource ("status"); part of the manager's identity. */
  subresource?: string;
  /** The kind has a status subresource: applying to the main resource ignores and never owns status. */
  statusSubresource?: boolean;
}

export type ApplyResult = { object: KubeObject; managedFields: ManagedFieldsEntry[] } | { conflicts: Conflict[] };

export function applyPatch(o: ApplyOptions): ApplyResult {
  if (o.applied.metadata?.managedFields != null) throw errors.badRequest("metadata.managedFields must be nil");
  const t = typing(o.schema, o.source);
  const now = timestamp(o.now);
  const ignored = ignoredFields(o);
  let managed: Managed;
  try {
    managed = decodeManagedFields(o.managedFields ?? o.live?.metadata.managedFields);
  } catch (e) {
    throw errors.internal(`failed to decode managed fields: ${(e as Error).message}`);
  }
  const live: KubeObject = o.live ? stripManaged(o.live) : ({} as KubeObject);
  const config: KubeObject = { ...o.applied };
  if (!ignored.empty) delete config.status; // the strategy would reset it anyway

  try {
    // An object that predates tracking: what is there goes to a stand-in manager, so fields this
    // apply does not send survive pruning and changing one is a conflict like any other owner's.
    if (managed.size === 0 && o.live) {
      recordUpdate(managed, {}, live, { manager: "before-first-apply", apiVersion: o.apiVersion }, now, t, ignored);
    }
    const applied = toFieldSet(config, t, true).recursiveDifference(ignored);
    const who = { manager: o.manager, operation: "Apply" as const, apiVersion: o.apiVersion, subresource: o.subresource };
    const id = managerId(who);
    const previous = managed.get(id);
    managed.set(id, { ...who, time: previous?.time, set: applied });

    let merged = mergeValues(live, config, t) as KubeObject;
    if (previous && !previous.set.empty) merged = prune(merged, previous.set, managed, t) as KubeObject;

    const cmp = excluding(compareObjects(live, merged, t), ignored);
    const changed = cmp.modified.union(cmp.added);
    const conflicts = new Map<string, FieldSet>();
    for (const [other, m] of managed) {
      if (other === id) continue;
      const overlap = m.set.intersection(changed);
      if (!overlap.empty) conflicts.set(other, overlap);
    }
    if (conflicts.size && !o.force) return { conflicts: listConflicts(managed, conflicts) };
    for (const [other, m] of managed) {
      if (other === id) continue;
      m.set = m.set.difference(conflicts.get(other) ?? new FieldSet()).difference(cmp.removed);
      if (m.set.empty) managed.delete(other);
    }

    const mine = managed.get(id)!;
    mine.set = mine.set.difference(NEVER_OWNED);
    if (mine.set.empty) managed.delete(id);
    // The entry's time moves only when the object changed, as upstream stamps it.
    else if (!deepEqual(live, merged)) mine.time = now;

    const managedFields = encodeManagedFields(managed);
    const object = structuredClone(merged);
    object.metadata = { ...object.metadata };
    if (managedFields.length) object.metadata.managedFields = managedFields;
    return { object, managedFields };
  } catch (e) {
    if (e instanceof ShapeError) throw errors.badRequest(`failed to create typed patch object (${gvk(o.applied)}): ${e.message}`);
    throw e;
  }
}

/**
 * Drops what the applier owned last time, no longer sends, and no manager (this apply included)
 * owns now. Struct fields on the way to an owned field count as owned, so a struct everyone
 * stopped caring about goes as a whole while one still holding owned fields stays.
 */
function prune(merged: unknown, last: FieldSet, managed: Managed, t: Typing): unknown {
  let owned = new FieldSet();
  for (const m of managed.values()) owned = owned.union(m.set);
  const present = withNamedFieldMembers(toFieldSet(merged, t), t);
  const dropped = withNamedFieldMembers(last, t).intersection(present).difference(withNamedFieldMembers(owned, t));
  return removeFields(merged, dropped, t);
}

function listConflicts(managed: Managed, conflicts: Map<string, FieldSet>): Conflict[] {
  // Upstream walks a Go map (random order); sorting by identity keeps messages stable.
  return [...conflicts.keys()].sort().flatMap((id) => {
    const m = managed.get(id)!;
    return conflicts.get(id)!.paths().map((p) => ({
      manager: m.manager,
      operation: m.operation,
      apiVersion: m.apiVersion,
      ...(m.subresource ? { subresource: m.subresource } : {}),
      path: pathString(p),
    }));
  });
}

/** Go's GroupVersionKind string: "apps/v1, Kind=Deployment", "/v1, Kind=Pod". */
function gvk(obj: KubeObject): string {
  const apiVersion = obj.apiVersion ?? "";
  return `${apiVersion.includes("/") ? apiVersion : `/${apiVersion}`}, Kind=${obj.kind ?? ""}`;
}
