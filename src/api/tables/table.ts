// Builds the meta.k8s.io/v1 Table that `kubectl get` asks for. Like kube-apiserver, every column
// is always computed (server-side tables are generated "wide"); kubectl hides priority > 0 columns
// unless run with -o wide.
import type { ColumnDef } from "../registry/types";
import type { KubeObject, ListMeta } from "../object";
import { compareFlowSchemas, flowSchemaColumns } from "./admission";
import { parseTime } from "./duration";
import { col, nameColumn } from "./format";
import { DOC } from "./descriptions";
import { podColumns, podRowConditions } from "./pod";

export type IncludeObject = "None" | "Metadata" | "Object";

export interface TableOptions {
  now: Date;
  /** What each row's `object` holds; upstream defaults to Metadata. */
  includeObject?: IncludeObject;
  listMeta?: ListMeta;
  /** tableOptions.noHeaders: leave out the column definitions (e.g. for later watch events). */
  noHeaders?: boolean;
}

/** Creation time as RFC 3339 in UTC, whole seconds; Go prints a missing time as year 1. */
function createdAt(o: KubeObject): string {
  const t = parseTime(o.metadata.creationTimestamp);
  return t === undefined ? "0001-01-01T00:00:00Z" : new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** apiserver's default table, used by kinds without a printer (roles, CRDs, limit ranges...). */
export const defaultColumns: ColumnDef[] = [nameColumn, col("Created At", DOC["ObjectMeta.creationTimestamp"], createdAt, { type: "date" })];

/** Per-kind extras of upstream printers that are not columns. */
interface RowHooks {
  conditions?: (o: KubeObject) => object[] | undefined;
  order?: (a: KubeObject, b: KubeObject) => number;
}
const HOOKS = new Map<ColumnDef[], RowHooks>([
  [podColumns, { conditions: podRowConditions }],
  [flowSchemaColumns, { order: compareFlowSchemas }],
]);

function rowObject(item: KubeObject, include: IncludeObject): unknown {
  if (include === "None") return undefined;
  if (include === "Object") return item;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: item.metadata };
}

/** ListMeta keeps only what is set, as Go's omitempty does. */
function tableMeta(meta: ListMeta | undefined): ListMeta {
  const out: ListMeta = {};
  if (meta?.resourceVersion) out.resourceVersion = meta.resourceVersion;
  if (meta?.continue) out.continue = meta.continue;
  if (meta?.remainingItemCount !== undefined && meta.remainingItemCount !== null) out.remainingItemCount = meta.remainingItemCount;
  return out;
}

/**
 * The Table for `items` (one item for a GET). `columns` undefined means the kind has no printer
 * and gets the default Name / Created At table.
 */
export function toTable(columns: ColumnDef[] | undefined, items: KubeObject[], opts: TableOptions): object {
  const cols = columns ?? defaultColumns;
  const hooks = HOOKS.get(cols);
  const include = opts.includeObject ?? "Metadata";
  const ordered = hooks?.order ? [...items].sort(hooks.order) : items;
  const rows = ordered.map((item) => {
    const row: Record<string, unknown> = { cells: cols.map((c) => c.cell(item, opts.now) ?? null) };
    const conditions = hooks?.conditions?.(item);
    if (conditions) row.conditions = conditions;
    const object = rowObject(item, include);
    if (object !== undefined) row.object = object;
    return row;
  });
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: tableMeta(opts.listMeta),
    columnDefinitions: opts.noHeaders
      ? []
      : cols.map((c) => ({ name: c.name, type: c.type, format: c.format ?? "", description: c.description, priority: c.priority })),
    rows,
  };
}
