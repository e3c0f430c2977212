// Shared pieces of upstream's printers: the Name/Age columns and the small formatters many kinds
// use (labels, selectors, container lists, "a,b,c + 2 more...").
import type { ColumnDef } from "../registry/types";
import type { KubeObject } from "../object";
import { DOC } from "./descriptions";
import { translateTimestampSince } from "./duration";

type Cell = ColumnDef["cell"];

/** A column definition; most upstream columns are strings at priority 0. */
export function col(name: string, description: string, cell: Cell, opts: Partial<Pick<ColumnDef, "type" | "priority" | "format">> = {}): ColumnDef {
  const format = opts.format ? { format: opts.format } : {};
  return { name, type: opts.type ?? "string", ...format, description, priority: opts.priority ?? 0, cell };
}

export const nameColumn: ColumnDef = col("Name", DOC["ObjectMeta.name"], (o) => o.metadata.name ?? "", { format: "name" });
export const ageColumn: ColumnDef = col("Age", DOC["ObjectMeta.creationTimestamp"], (o, now) =>
  translateTimestampSince(o.metadata.creationTimestamp, now),
);

/** Containers/Images columns of a pod template (wide for controllers), reading containers with `get`. */
export function containerColumns(get: (o: KubeObject) => unknown, priority = 1): ColumnDef[] {
  const list = (o: KubeObject): any[] => arr(get(o));
  return [
    col("Containers", "Names of each container in the template.", (o) => list(o).map((c) => c?.name ?? "").join(","), { priority }),
    col("Images", "Images referenced by each container in the template.", (o) => list(o).map((c) => c?.image ?? "").join(","), { priority }),
  ];
}

/** Sorted "k=v" pairs as labels.FormatLabels; "<none>" when empty. */
export function formatLabels(map: unknown): string {
  if (!map || typeof map !== "object") return "<none>";
  const pairs = Object.entries(map as Record<string, unknown>).map(([k, v]) => `${k}=${v}`);
  pairs.sort(byteOrder);
  return pairs.length ? pairs.join(",") : "<none>";
}

/** Go compares strings bytewise; for label text that is plain code-unit order. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const OPERATORS: Record<string, (key: string, values: string) => string> = {
  In: (k, v) => `${k} in (${v})`,
  NotIn: (k, v) => `${k} notin (${v})`,
  Exists: (k) => k,
  DoesNotExist: (k) => `!${k}`,
};

/**
 * A metav1.LabelSelector as labels.Selector.String(): requirements ordered by key, values sorted.
 * Undefined if it cannot be converted (unknown operator). A missing or empty selector gives "".
 */
export function selectorString(sel: any): string | undefined {
  if (!sel || typeof sel !== "object") return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []) {
    const op = OPERATORS[e?.operator];
    if (!op) return undefined;
    const values = [...(e.values ?? [])].map(String).sort(byteOrder).join(",");
    reqs.push({ key: String(e.key), text: op(String(e.key), values) });
  }
  reqs.sort((a, b) => byteOrder(a.key, b.key));
  return reqs.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: "<none>" for an empty selector, "<error>" for a bad one. */
export function formatLabelSelector(sel: unknown): string {
  const s = selectorString(sel);
  if (s === undefined) return "<error>";
  return s === "" ? "<none>" : s;
}

/** Upstream's "first three, then + N more..." lists; empty gives `empty`. */
export function listWithMore(items: string[], max: number, empty: string): string {
  if (items.length === 0) return empty;
  const shown = items.slice(0, max).join(",");
  return items.length > max ? `${shown} + ${items.length - max} more...` : shown;
}

/** net.JoinHostPort: IPv6 addresses get brackets. */
export function joinHostPort(host: string, port: unknown): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** A *bool printed as "True"/"False", "<unset>" when nil. */
export function boolPtr(v: unknown): string {
  if (v === undefined || v === null) return "<unset>";
  return v ? "True" : "False";
}

/** An IntOrString as its String(); "N/A" where upstream shows a nil pointer. */
export function intOrString(v: unknown, nil = "N/A"): string {
  return v === undefined || v === null ? nil : String(v);
}

/** Sorted unique ingress points (IP, else hostname) of a load-balancer status, comma-joined. */
export function loadBalancerIngress(status: any): string {
  const set = new Set<string>();
  for (const i of status?.ingress ?? []) {
    if (i?.ip) set.add(i.ip);
    else if (i?.hostname) set.add(i.hostname);
  }
  return [...set].sort(byteOrder).join(",");
}

/** Array field or []. */
export function arr(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/** Number of keys of a map field. */
export function count(v: unknown): number {
  return v && typeof v === "object" ? Object.keys(v).length : 0;
}
