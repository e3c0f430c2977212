// Printed columns of a custom resource, as apiextensions' table convertor builds them from a
// version's additionalPrinterColumns: Name first, then each column's JSONPath evaluated and its
// first match shown by the column's type. A version without columns shows Age only. Upstream adds
// no Age after declared columns, which is why CRDs declare their own `.metadata.creationTimestamp`.
import type { KubeObject } from "../object";
import type { ColumnDef } from "../registry/types";
import { firstResult, parseJsonPath, printText, type JsonPathNode } from "../schema/jsonpath";
import { DOC } from "../tables/descriptions";
import { translateTimestampSince } from "../tables/duration";
import { nameColumn } from "../tables/format";

type Obj = Record<string, any>;
type CellType = ColumnDef["type"];

const AGE: Obj = { name: "Age", type: "date", description: DOC["ObjectMeta.creationTimestamp"], jsonPath: ".metadata.creationTimestamp" };

/** metav1.Time's query-parameter form: RFC 3339, fractional seconds allowed. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** cellForJSONValue: the value when it has the column's type, else an empty cell. */
function typedCell(type: string, value: unknown, now: Date): unknown {
  switch (type) {
    case "integer":
      return typeof value === "number" ? Math.trunc(value) : null;
    case "number":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "date":
      if (typeof value !== "string") return null;
      if (value !== "" && value !== "null" && !RFC3339.test(value)) return "<invalid>";
      return translateTimestampSince(value, now);
    default:
      return null;
  }
}

function cellFor(nodes: JsonPathNode[], type: string): ColumnDef["cell"] {
  return (obj: KubeObject, now: Date) => {
    const found = firstResult(nodes, obj);
    if (!found) return null;
    return type === "string" ? printText(found.value) : typedCell(type, found.value, now);
  };
}

/**
 * The columns for one CRD version. A JSONPath that does not parse ends the list there, as the
 * convertor upstream stops at the first bad column and serves the ones before it.
 */
export function crdColumns(version: Obj): ColumnDef[] {
  const declared: Obj[] = Array.isArray(version?.additionalPrinterColumns) ? version.additionalPrinterColumns : [];
  const columns: ColumnDef[] = [nameColumn];
  for (const c of declared.length ? declared : [AGE]) {
    let nodes: JsonPathNode[];
    try {
      nodes = parseJsonPath(String(c.jsonPath ?? ""));
    } catch {
      break;
    }
    const type = String(c.type ?? "string");
    const def: ColumnDef = {
      name: String(c.name ?? ""),
      type: type as CellType,
      description: c.description ? String(c.description) : `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      priority: Number(c.priority ?? 0),
      cell: cellFor(nodes, type),
    };
    if (c.format) def.format = String(c.format);
    columns.push(def);
  }
  return columns;
}
