// metadata.managedFields: decoding entries into per-manager field sets and back, in upstream's
// identity, order and limits. A manager is identified as upstream does — name, operation and
// subresource, plus the apiVersion for Update entries (an applier keeps one entry across versions).

import { isObject } from "../object";
import { FieldSet, fromFieldsV1, toFieldsV1, type FieldsV1 } from "./fieldset";
import { field } from "./path";
import { compareStrings } from "./value";

export type Operation = "Apply" | "Update";

export interface ManagedFieldsEntry {
  manager: string;
  operation: Operation;
  apiVersion: string;
  /** Omitted when upstream would omit it: an applier whose first apply changed nothing. */
  time?: string;
  fieldsType: "FieldsV1";
  fieldsV1: FieldsV1;
  subresource?: string;
}

export interface Manager {
  manager: string;
  operation: Operation;
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
}

/** Managers by identity; a plain Map so callers mutate it the way upstream's Managed is used. */
export type Managed = Map<string, Manager>;

/** Update entries beyond this many are folded into "ancient-changes", oldest first. */
export const MAX_UPDATE_MANAGERS = 10;

/**
 * Fields no manager ever owns: type and identity metadata the server sets (the `metadata` node
 * itself too, but not what lies under it).
 */
export const NEVER_OWNED = FieldSet.of(
  [field("apiVersion")],
  [field("kind")],
  [field("metadata")],
  ...["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion"].map(
    (f) => [field("metadata"), field(f)],
  ),
);

/** Upstream's identifier: the entry's JSON without fields, time, and (for appliers) apiVersion. */
export function managerId(m: Pick<Manager, "manager" | "operation" | "apiVersion" | "subresource">): string {
  const id: Record<string, string> = { manager: m.manager, operation: m.operation };
  if (m.operation === "Update" && m.apiVersion) id.apiVersion = m.apiVersion;
  if (m.subresource) id.subresource = m.subresource;
  return JSON.stringify(id);
}

/** Malformed entries are an error, as upstream's decoder reports; callers choose how to react. */
export function decodeManagedFields(entries: readonly unknown[] | null | undefined): Managed {
  const managed: Managed = new Map();
  (entries ?? []).forEach((raw, i) => {
    if (!isObject(raw)) throw new Error(`managed fields entry ${i} is not an object`);
    const { manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource } = raw;
    if (operation !== "Apply" && operation !== "Update") throw new Error("operation must be `Apply` or `Update`");
    if (typeof apiVersion !== "string" || !apiVersion) throw new Error("apiVersion must not be empty");
    if (fieldsType !== "FieldsV1") throw new Error(`invalid fieldsType ${JSON.stringify(fieldsType)} in managed fields entry ${i}`);
    const m: Manager = {
      manager: typeof manager === "string" ? manager : "",
      operation,
      apiVersion,
      subresource: typeof subresource === "string" && subresource ? subresource : undefined,
      time: typeof time === "string" ? time : undefined,
      set: fromFieldsV1(fieldsV1 ?? {}),
    };
    managed.set(managerId(m), m);
  });
  return managed;
}

const seconds = (time: string | undefined) => (time ? Math.floor(Date.parse(time) / 1000) || 0 : 0);

/** Entries in upstream's order: Apply before Update, then oldest first, then by name. */
export function encodeManagedFields(managed: Managed): ManagedFieldsEntry[] {
  const entries = [...managed.values()].map(
    (m): ManagedFieldsEntry => ({
      manager: m.manager,
      operation: m.operation,
      apiVersion: m.apiVersion,
      ...(m.time ? { time: m.time } : {}),
      fieldsType: "FieldsV1",
      fieldsV1: toFieldsV1(m.set),
      ...(m.subresource ? { subresource: m.subresource } : {}),
    }),
  );
  return entries.sort(
    (p, q) =>
      compareStrings(p.operation, q.operation) ||
      Math.sign(seconds(p.time) - seconds(q.time)) ||
      compareStrings(p.manager, q.manager) ||
      compareStrings(p.apiVersion, q.apiVersion) ||
      compareStrings(p.subresource ?? "", q.subresource ?? ""),
  );
}

/**
 * Keeps at most `max` Update entries as upstream does: oldest first, an entry whose apiVersion
 * was already seen is folded together with the oldest one of that version into an
 * "ancient-changes" entry, which takes the time of the newer of the two.
 */
export function capUpdateManagers(managed: Managed, max = MAX_UPDATE_MANAGERS): void {
  for (;;) {
    const updaters = [...managed.entries()].filter(([, m]) => m.operation === "Update");
    if (updaters.length <= max) return;
    updaters.sort(([a, p], [b, q]) => Math.sign(seconds(p.time) - seconds(q.time)) || compareStrings(a, b));
    const oldest = new Map<string, string>();
    let pair: [first: string, newer: string] | undefined;
    for (const [id, m] of updaters) {
      const first = oldest.get(m.apiVersion);
      if (first !== undefined) {
        pair = [first, id];
        break;
      }
      oldest.set(m.apiVersion, id);
    }
    if (!pair) return; // every entry has its own apiVersion: nothing can be folded
    const [first, id] = pair;
    const newer = managed.get(id)!;
    const bucket: Manager = {
      manager: "ancient-changes",
      operation: "Update",
      apiVersion: newer.apiVersion,
      time: newer.time,
      set: managed.get(first)!.set.union(newer.set),
    };
    managed.delete(first);
    managed.delete(id);
    managed.set(managerId(bucket), bucket);
  }
}

/**
 * Which managedFields an update starts from, as upstream decides: the request's own list when it
 * sends one (so clients can rewrite it), `[]` or `[{}]` to reset, else the live object's; a
 * subresource write always keeps the live list.
 */
export function managedFieldsForUpdate(
  live: readonly unknown[] | undefined,
  request: readonly unknown[] | null | undefined,
  subresource?: string,
): readonly unknown[] {
  if (subresource || request == null) return live ?? [];
  if (request.length === 0 || (request.length === 1 && isObject(request[0]) && Object.keys(request[0]).length === 0)) return [];
  try {
    // An undecodable list from the client is ignored rather than failing the write.
    return decodeManagedFields(request).size ? request : (live ?? []);
  } catch {
    return live ?? [];
  }
}
