import { describe, expect, it } from "vitest";
import { crdColumns } from "../../../src/api/crd";
import { toTable } from "../../../src/api/tables/table";
import { DOC } from "../../../src/api/tables/descriptions";
import { crd, NOW, widget } from "./fixture";

const v1 = () => crd().spec.versions[0];

describe("CRD printer columns", () => {
  it("builds the Table from additionalPrinterColumns: Name first, no Age added after declared columns", () => {
    const table = toTable(crdColumns(v1()), [widget()], { now: NOW, includeObject: "None" }) as any;
    expect(table.columnDefinitions).toEqual([
      { name: "Name", type: "string", format: "name", description: DOC["ObjectMeta.name"], priority: 0 },
      { name: "Replicas", type: "integer", format: "", description: "Custom resource definition column (in JSONPath format): .spec.replicas", priority: 0 },
      { name: "Ready", type: "string", format: "", description: "Whether it is ready", priority: 0 },
      { name: "Tier", type: "string", format: "", description: "Custom resource definition column (in JSONPath format): .spec.tier", priority: 1 },
      { name: "Tags", type: "string", format: "", description: "Custom resource definition column (in JSONPath format): .spec.tags", priority: 0 },
      { name: "Ratio", type: "number", format: "float", description: "Custom resource definition column (in JSONPath format): .spec.ratio", priority: 0 },
      { name: "Age", type: "date", format: "", description: "Custom resource definition column (in JSONPath format): .metadata.creationTimestamp", priority: 0 },
    ]);
    expect(table.rows).toEqual([{ cells: ["w1", 3, "False", "frontend", '["a1","b2"]', 0.5, "60m"] }]);
  });

  it("leaves cells empty for missing values and mismatched types", () => {
    const w = widget();
    delete w.status;
    w.spec.replicas = "many";
    w.metadata.creationTimestamp = "not a time";
    const [row] = (toTable(crdColumns(v1()), [w], { now: NOW, includeObject: "None" }) as any).rows;
    expect(row.cells).toEqual(["w1", null, null, "frontend", '["a1","b2"]', 0.5, "<invalid>"]);
  });

  it("shows Age only for a version without columns", () => {
    const columns = crdColumns({ name: "v1" });
    expect(columns.map((c) => [c.name, c.type, c.description])).toEqual([
      ["Name", "string", DOC["ObjectMeta.name"]],
      ["Age", "date", DOC["ObjectMeta.creationTimestamp"]],
    ]);
    expect(columns[1]!.cell(widget(), NOW)).toBe("60m");
  });

  it("prints the first match of a multi-valued path and truncates numbers for integer columns", () => {
    const columns = crdColumns({
      additionalPrinterColumns: [
        { name: "Images", type: "string", jsonPath: ".spec.template.spec.containers[*].image" },
        { name: "Ratio", type: "integer", jsonPath: ".spec.ratio" },
      ],
    });
    const w = widget();
    w.spec.template.spec.containers = [{ image: "a" }, { image: "b" }];
    expect(columns.map((c) => c.cell(w, NOW))).toEqual(["w1", "a", 0]);
  });

  it("stops at a column whose JSONPath does not parse, as upstream serves the ones before it", () => {
    const columns = crdColumns({
      additionalPrinterColumns: [
        { name: "Good", type: "string", jsonPath: ".spec.image" },
        { name: "Bad", type: "string", jsonPath: ".spec[" },
        { name: "After", type: "string", jsonPath: ".spec.tier" },
      ],
    });
    expect(columns.map((c) => c.name)).toEqual(["Name", "Good"]);
  });
});
