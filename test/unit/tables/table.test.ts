import { describe, expect, it } from "vitest";
import { defaultColumns, printColumns, toTable } from "../../../src/api/tables";
import { DOC } from "../../../src/api/tables/descriptions";
import { NOW, ago } from "./helpers";

const cm = (name: string, seconds: number) => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: "default", uid: `uid-${name}`, resourceVersion: "42", creationTimestamp: ago(seconds), labels: { a: "b" } },
  data: { k: "v" },
});

describe("toTable", () => {
  it("builds a meta.k8s.io/v1 Table with metadata rows by default", () => {
    const table = toTable(printColumns.configmaps, [cm("one", 30), cm("two", 7200)], { now: NOW, listMeta: { resourceVersion: "99" } });
    expect(JSON.parse(JSON.stringify(table))).toEqual({
      kind: "Table",
      apiVersion: "meta.k8s.io/v1",
      metadata: { resourceVersion: "99" },
      columnDefinitions: [
        { name: "Name", type: "string", format: "name", description: DOC["ObjectMeta.name"], priority: 0 },
        { name: "Data", type: "string", format: "", description: DOC["ConfigMap.data"], priority: 0 },
        { name: "Age", type: "string", format: "", description: DOC["ObjectMeta.creationTimestamp"], priority: 0 },
      ],
      rows: [
        { cells: ["one", 1, "30s"], object: { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: cm("one", 30).metadata } },
        { cells: ["two", 1, "120m"], object: { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: cm("two", 7200).metadata } },
      ],
    });
  });

  it("includes the whole object or nothing on request", () => {
    const full = toTable(printColumns.configmaps, [cm("one", 30)], { now: NOW, includeObject: "Object" }) as any;
    expect(full.rows[0].object).toEqual(cm("one", 30));
    const none = toTable(printColumns.configmaps, [cm("one", 30)], { now: NOW, includeObject: "None" }) as any;
    expect(none.rows[0]).toEqual({ cells: ["one", 1, "30s"] });
  });

  it("carries continue tokens and remaining counts, omitting what is unset", () => {
    const t = toTable(printColumns.configmaps, [], { now: NOW, listMeta: { resourceVersion: "7", continue: "abc", remainingItemCount: 0 } }) as any;
    expect(t.metadata).toEqual({ resourceVersion: "7", continue: "abc", remainingItemCount: 0 });
    expect(t.rows).toEqual([]);
    expect((toTable(printColumns.configmaps, [], { now: NOW }) as any).metadata).toEqual({});
  });

  it("falls back to the default Name / Created At table", () => {
    const crd = { metadata: { name: "widgets.example.com", creationTimestamp: "2024-05-30T08:15:42Z" } };
    const t = toTable(undefined, [crd, { metadata: { name: "no-time" } }], { now: NOW, includeObject: "None" }) as any;
    expect(t.columnDefinitions).toEqual([
      { name: "Name", type: "string", format: "name", description: DOC["ObjectMeta.name"], priority: 0 },
      { name: "Created At", type: "date", format: "", description: DOC["ObjectMeta.creationTimestamp"], priority: 0 },
    ]);
    expect(t.rows).toEqual([{ cells: ["widgets.example.com", "2024-05-30T08:15:42Z"] }, { cells: ["no-time", "0001-01-01T00:00:00Z"] }]);
    expect(printColumns["customresourcedefinitions.apiextensions.k8s.io"]).toBe(defaultColumns);
    expect(printColumns["roles.rbac.authorization.k8s.io"]).toBe(defaultColumns);
    expect(printColumns["clusterroles.rbac.authorization.k8s.io"]).toBe(defaultColumns);
    expect(printColumns.limitranges).toBe(defaultColumns);
  });

  it("omits column definitions when asked for no headers", () => {
    const t = toTable(printColumns.configmaps, [cm("one", 30)], { now: NOW, noHeaders: true }) as any;
    expect(t.columnDefinitions).toEqual([]);
    expect(t.rows).toHaveLength(1);
  });

  it("marks finished pods' rows completed", () => {
    const pod = (phase: string) => ({ metadata: { name: phase }, spec: { containers: [{ name: "c" }] }, status: { phase } });
    const t = toTable(printColumns.pods, [pod("Succeeded"), pod("Failed"), pod("Running")], { now: NOW, includeObject: "None" }) as any;
    expect(t.rows.map((r: any) => r.conditions?.[0]?.reason)).toEqual(["Succeeded", "Failed", undefined]);
    expect(t.rows[0].cells.slice(0, 3)).toEqual(["Succeeded", "0/1", "Succeeded"]);
  });

  it("orders flow schemas by matching precedence, then name", () => {
    const fs = (name: string, matchingPrecedence: number) => ({ metadata: { name }, spec: { matchingPrecedence, priorityLevelConfiguration: { name: "x" } } });
    const t = toTable(printColumns["flowschemas.flowcontrol.apiserver.k8s.io"], [fs("global-default", 9900), fs("b", 1000), fs("a", 1000), fs("exempt", 1)], {
      now: NOW,
      includeObject: "None",
    }) as any;
    expect(t.rows.map((r: any) => r.cells[0])).toEqual(["exempt", "a", "b", "global-default"]);
  });
});

describe("printColumns", () => {
  it.each(Object.entries(printColumns))("%s starts with a Name column and has full definitions", (resource, columns) => {
    const first = resource.startsWith("events") ? columns.at(-1)! : columns[0]!;
    expect([first.name, first.type, first.format]).toEqual(["Name", "string", "name"]);
    for (const c of columns) {
      expect(typeof c.description).toBe("string");
      expect([0, 1]).toContain(c.priority);
      expect(["string", "integer", "number", "boolean", "date"]).toContain(c.type);
    }
  });

  it("prints a cell for every column of an empty object without throwing", () => {
    for (const columns of Object.values(printColumns)) {
      const t = toTable(columns, [{ metadata: {} }], { now: NOW, includeObject: "None" }) as any;
      expect(t.rows[0].cells).toHaveLength(columns.length);
      expect(t.rows[0].cells).not.toContain(undefined);
    }
  });
});
