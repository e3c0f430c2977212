import type { ColumnDef } from "../../../src/api/registry/types";
import type { KubeObject } from "../../../src/api/object";

export const NOW = new Date("2024-06-01T12:00:00Z");

/** A timestamp `seconds` before NOW, as RFC 3339. */
export function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Cells of one object, by upper-cased column name as kubectl shows them. */
export function row(columns: ColumnDef[], obj: Partial<KubeObject>, now = NOW): Record<string, unknown> {
  const o = { metadata: {}, ...obj } as KubeObject;
  return Object.fromEntries(columns.map((c) => [c.name.toUpperCase(), c.cell(o, now)]));
}

/** Cells in column order. */
export function cells(columns: ColumnDef[], obj: Partial<KubeObject>, now = NOW): unknown[] {
  const o = { metadata: {}, ...obj } as KubeObject;
  return columns.map((c) => c.cell(o, now));
}
