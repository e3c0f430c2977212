// Ownership after a non-apply write (create, update, patch): whoever changed a field now owns it,
// with an Update entry, and nobody else does; fields that disappeared are nobody's any more.

import type { KubeObject } from "../object";
import { timestamp } from "../registry/generic";
import type { Schema, SchemaSource } from "../schema/types";
import { compareObjects, excluding } from "./compare";
import { FieldSet } from "./fieldset";
import { capUpdateManagers, decodeManagedFields, encodeManagedFields, managerId, NEVER_OWNED, type Managed, type ManagedFieldsEntry } from "./managed";
import { field } from "./path";
import { ShapeError, typing, type Typing } from "./typed";

export interface TrackUpdateOptions {
  /** The stored object; undefined when this write creates it. */
  live?: KubeObject;
  /** The object about to be stored. */
  next: KubeObject;
  /** Entries to start from (see managedFieldsForUpdate); defaults to live's. */
  managedFields?: readonly unknown[];
  manager: string;
  apiVersion: string;
  now: Date;
  subresource?: string;
  schema: Schema | undefined;
  /** Where the schema's $refs resolve; optional for schema-less kinds. */
  source?: SchemaSource;
  /**
   * The kind has a status subresource: a write to the main resource never owns status (upstream's
   * reset fields; the strategy keeps the stored status anyway).
   */
  statusSubresource?: boolean;
}

export function trackUpdate(o: TrackUpdateOptions): ManagedFieldsEntry[] {
  const start = o.managedFields ?? o.live?.metadata.managedFields ?? [];
  let managed: Managed;
  try {
    managed = decodeManagedFields(start);
  } catch {
    managed = new Map(); // upstream drops an undecodable list rather than failing the write
  }
  // An existing object nobody tracks stays untracked (upstream starts tracking at creation or at
  // the first apply); a create hands the whole object to its writer.
  if (managed.size === 0 && o.live) return [];
  const t = typing(o.schema, o.source);
  try {
    recordUpdate(managed, o.live ? stripManaged(o.live) : {}, stripManaged(o.next), o, timestamp(o.now), t, ignoredFields(o));
  } catch (e) {
    // Ownership must not block a write the strategy accepted: keep what was there, as upstream.
    if (e instanceof ShapeError) return start as ManagedFieldsEntry[];
    throw e;
  }
  return encodeManagedFields(managed);
}

/** The reset fields excluded from ownership: status, for the main resource of such kinds. */
export function ignoredFields(o: { statusSubresource?: boolean; subresource?: string }): FieldSet {
  return o.statusSubresource && !o.subresource ? FieldSet.of([field("status")]) : new FieldSet();
}

/** The object without metadata.managedFields (not itself tracked), sharing everything else. */
export function stripManaged(obj: KubeObject): KubeObject {
  if (!obj.metadata || !("managedFields" in obj.metadata)) return obj;
  const { managedFields: _, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/**
 * Records one Update in `managed` (mutated): changed fields move to the writer, removed ones
 * leave every set. The writer's entry is touched (and timestamped) only if it took something.
 */
export function recordUpdate(
  managed: Managed,
  live: unknown,
  next: unknown,
  who: { manager: string; apiVersion: string; subresource?: string },
  now: string,
  t: Typing,
  ignored: FieldSet,
): void {
  const cmp = excluding(compareObjects(live, next, t), ignored);
  const changed = cmp.modified.union(cmp.added);
  for (const [id, m] of managed) {
    m.set = m.set.difference(changed).difference(cmp.removed);
    if (m.set.empty) managed.delete(id);
  }
  const taken = changed.difference(NEVER_OWNED);
  if (!taken.empty) {
    const entry = { manager: who.manager, operation: "Update" as const, apiVersion: who.apiVersion, subresource: who.subresource };
    const id = managerId(entry);
    const previous = managed.get(id)?.set;
    managed.set(id, { ...entry, time: now, set: previous ? previous.union(taken) : taken });
  }
  capUpdateManagers(managed);
}
