import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { DrizzleSqliteDODatabase } from "drizzle-orm/durable-sqlite";
import { errors } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { decodeContinue, encodeContinue } from "./continue-token";
import type { ListRequest, ListResult, WriteResult } from "./contract";
import { events, meta, objects } from "./schema";
import type { Predicate } from "./selection";

type Db = DrizzleSqliteDODatabase<Record<string, never>>;
export type EventType = "ADDED" | "MODIFIED" | "DELETED";
export interface StoreEvent {
  rv: number;
  type: EventType;
  key: string;
  namespace: string;
  value: string;
  prev: string | null;
}
interface Row {
  key: string;
  value: string;
}

const SCAN_BATCH = 500;
/** One list answer stays well under the 32 MiB DO RPC limit; callers page on with `continue`. */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

/**
 * etcd semantics over SQLite, after kine: every write appends an event whose row id is the new
 * revision; updates and deletes compare the caller's expected revision (CAS) and report a conflict
 * as a result, not an exception. All methods are synchronous so each write is one SQLite transaction.
 */
export class Store {
  private rev: number;
  private compactedThrough: number;

  constructor(
    private readonly db: Db,
    /** How many events the log keeps; older ones are compacted away. */
    private readonly retain = 10_000,
  ) {
    this.rev = this.readMeta("revision");
    this.compactedThrough = this.readMeta("compacted");
  }

  get revision(): number {
    return this.rev;
  }

  /** The oldest revision a watch or paged list may still start from. */
  get oldestResumable(): number {
    return this.compactedThrough;
  }

  get(key: string): string | null {
    return this.db.select({ value: objects.value }).from(objects).where(eq(objects.key, key)).get()?.value ?? null;
  }

  create(key: string, namespace: string, name: string, value: string): { result: WriteResult; event?: StoreEvent } {
    if (this.get(key) !== null) return { result: { ok: false, reason: "AlreadyExists" } };
    return this.write("ADDED", key, namespace, name, value, null);
  }

  update(key: string, value: string, expectedRV: number | null): { result: WriteResult; event?: StoreEvent } {
    const current = this.db.select().from(objects).where(eq(objects.key, key)).get();
    if (!current) return { result: { ok: false, reason: "NotFound" } };
    if (expectedRV !== null && current.rv !== expectedRV) {
      return { result: { ok: false, reason: "Conflict", current: current.value } };
    }
    return this.write("MODIFIED", key, current.namespace, current.name, value, current.value);
  }

  /** Removes the object; `final` is the state the DELETED event reports (defaults to the stored one). */
  delete(key: string, expectedRV: number | null, final?: string): { result: WriteResult; event?: StoreEvent } {
    const current = this.db.select().from(objects).where(eq(objects.key, key)).get();
    if (!current) return { result: { ok: false, reason: "NotFound" } };
    if (expectedRV !== null && current.rv !== expectedRV) {
      return { result: { ok: false, reason: "Conflict", current: current.value } };
    }
    return this.write("DELETED", key, current.namespace, current.name, final ?? current.value, current.value);
  }

  private write(
    type: EventType,
    key: string,
    namespace: string,
    name: string,
    value: string,
    prev: string | null,
  ): { result: WriteResult; event: StoreEvent } {
    const rv = this.rev + 1;
    const stamped = withResourceVersion(value, rv);
    this.db.transaction((tx) => {
      if (type === "DELETED") tx.delete(objects).where(eq(objects.key, key)).run();
      else
        tx.insert(objects)
          .values({ key, namespace, name, rv, value: stamped })
          .onConflictDoUpdate({ target: objects.key, set: { rv, value: stamped } })
          .run();
      tx.insert(events).values({ rv, type, key, namespace, value: stamped, prev }).run();
      tx.insert(meta)
        .values({ key: "revision", value: rv })
        .onConflictDoUpdate({ target: meta.key, set: { value: rv } })
        .run();
    });
    this.rev = rv;
    // Compact in steps of a tenth of the log, not on every write.
    if (rv - this.compactedThrough > this.retain + Math.max(10, Math.floor(this.retain / 10))) this.compact(rv - this.retain);
    return { result: { ok: true, value: stamped, rv }, event: { rv, type, key, namespace, value: stamped, prev } };
  }

  /** Drops events at or below `through`; watches and paged lists from before then get 410 Gone. */
  compact(through: number = this.rev): void {
    if (through <= this.compactedThrough) return;
    this.db.transaction((tx) => {
      tx.delete(events).where(lte(events.rv, through)).run();
      tx.insert(meta)
        .values({ key: "compacted", value: through })
        .onConflictDoUpdate({ target: meta.key, set: { value: through } })
        .run();
    });
    this.compactedThrough = through;
  }

  /** Events after `rv`, oldest first; the caller has checked `rv` is not compacted. */
  eventsAfter(rv: number, namespace?: string): StoreEvent[] {
    const where = namespace ? and(gt(events.rv, rv), eq(events.namespace, namespace)) : gt(events.rv, rv);
    return this.db.select().from(events).where(where).orderBy(asc(events.rv)).all() as StoreEvent[];
  }

  list(req: ListRequest, matches: Predicate | null): ListResult {
    const { atRV, start } = this.listPosition(req);
    const limit = req.limit && req.limit > 0 ? req.limit : Infinity;
    const items: string[] = [];
    let lastKey: string | undefined;
    let more = false;
    let bytes = 0;
    for (const row of this.rowsAt(atRV, start, req.namespace)) {
      if (items.length >= limit || bytes >= MAX_LIST_BYTES) {
        more = true;
        break;
      }
      lastKey = row.key;
      if (!matches || matches(JSON.parse(row.value) as KubeObject)) {
        items.push(row.value);
        bytes += row.value.length;
      }
    }
    const result: ListResult = { items, resourceVersion: String(atRV) };
    if (more && lastKey !== undefined) {
      result.continue = encodeContinue(atRV, lastKey);
      // Upstream reports the remaining count only when no selector can make it a guess.
      if (!req.labelSelector && !req.fieldSelector && atRV === this.rev) {
        result.remainingItemCount = this.countAfter(lastKey, req.namespace);
      }
    }
    return result;
  }

  private listPosition(req: ListRequest): { atRV: number; start: string } {
    if (req.continue) {
      const token = decodeContinue(req.continue);
      if (token.rv < this.compactedThrough) {
        throw errors.gone(
          "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
        );
      }
      return { atRV: token.rv, start: token.start };
    }
    const rv = req.resourceVersion ? Number(req.resourceVersion) : 0;
    if (req.resourceVersion && (!Number.isInteger(rv) || rv < 0)) {
      throw errors.badRequest(`Invalid value: "${req.resourceVersion}": resourceVersion must be an integer`);
    }
    if (rv > this.rev) throw errors.timeout(`Too large resource version: ${rv}, current: ${this.rev}`);
    if (req.resourceVersionMatch === "Exact") {
      if (rv < this.compactedThrough) throw errors.gone(`too old resource version: ${rv} (${this.compactedThrough + 1})`);
      return { atRV: rv, start: "" };
    }
    return { atRV: this.rev, start: "" };
  }

  /** Rows in key order as they were at revision `atRV`: current rows, with later changes undone. */
  private *rowsAt(atRV: number, start: string, namespace?: string): Generator<Row> {
    const undone = atRV < this.rev ? this.stateBefore(atRV, start, namespace) : [];
    const changed = new Set(this.changedKeys(atRV, namespace));
    let i = 0;
    for (const row of this.scan(start, namespace)) {
      while (i < undone.length && undone[i].key < row.key) yield undone[i++];
      if (!changed.has(row.key)) yield row;
    }
    while (i < undone.length) yield undone[i++];
  }

  private *scan(start: string, namespace?: string): Generator<Row> {
    let after = start;
    for (;;) {
      const where = namespace
        ? and(eq(objects.namespace, namespace), gt(objects.key, after))
        : gt(objects.key, after);
      const rows = this.db
        .select({ key: objects.key, value: objects.value })
        .from(objects)
        .where(where)
        .orderBy(asc(objects.key))
        .limit(SCAN_BATCH)
        .all();
      yield* rows;
      if (rows.length < SCAN_BATCH) return;
      after = rows[rows.length - 1].key;
    }
  }

  private changedKeys(atRV: number, namespace?: string): string[] {
    if (atRV >= this.rev) return [];
    const where = namespace ? and(gt(events.rv, atRV), eq(events.namespace, namespace)) : gt(events.rv, atRV);
    return this.db.selectDistinct({ key: events.key }).from(events).where(where).all().map((r) => r.key);
  }

  /** For each key written after `atRV`, its value at `atRV` (the `prev` of its first later event). */
  private stateBefore(atRV: number, start: string, namespace?: string): Row[] {
    const conds = [gt(events.rv, atRV), gt(events.key, start)];
    if (namespace) conds.push(eq(events.namespace, namespace));
    const first = this.db
      .select({ key: events.key, prev: events.prev, rv: sql<number>`min(${events.rv})` })
      .from(events)
      .where(and(...conds))
      .groupBy(events.key)
      .orderBy(asc(events.key))
      .all();
    return first.filter((r) => r.prev !== null).map((r) => ({ key: r.key, value: r.prev as string }));
  }

  private countAfter(key: string, namespace?: string): number {
    const where = namespace ? and(eq(objects.namespace, namespace), gt(objects.key, key)) : gt(objects.key, key);
    return this.db.select({ n: sql<number>`count(*)` }).from(objects).where(where).get()?.n ?? 0;
  }

  private readMeta(key: string): number {
    return this.db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value ?? 0;
  }
}

function withResourceVersion(value: string, rv: number): string {
  const obj = JSON.parse(value) as KubeObject;
  obj.metadata.resourceVersion = String(rv);
  return JSON.stringify(obj);
}
