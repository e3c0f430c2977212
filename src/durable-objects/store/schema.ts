import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Current state: one row per live object. `key` sorts as upstream's etcd keys do (namespace/name). */
export const objects = sqliteTable(
  "objects",
  {
    key: text("key").primaryKey(),
    namespace: text("namespace").notNull(),
    name: text("name").notNull(),
    rv: integer("rv").notNull(),
    value: text("value").notNull(),
  },
  (t) => [index("objects_namespace").on(t.namespace, t.key)],
);

/**
 * The event log: one row per write, row id = revision (as kine). `prev` is the object before the
 * write, so watches with selectors can tell "left the selection" from "changed", and lists can be
 * served at an older revision for paging.
 */
export const events = sqliteTable(
  "events",
  {
    rv: integer("rv").primaryKey(),
    type: text("type", { enum: ["ADDED", "MODIFIED", "DELETED"] }).notNull(),
    key: text("key").notNull(),
    namespace: text("namespace").notNull(),
    value: text("value").notNull(),
    prev: text("prev"),
  },
  (t) => [index("events_key").on(t.key, t.rv)],
);

/** Counters: `revision` (last written) and `compacted` (oldest revision no longer in the log). */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});
