import { describe, expect, it } from "vitest";
import { crdStatus } from "../../../src/api/crd";
import { crd, NOW } from "./fixture";

const LATER = new Date("2024-06-01T13:00:00Z");

describe("crdStatus", () => {
  it("accepts the names and establishes a fresh CRD", () => {
    expect(crdStatus(crd(), NOW)).toEqual({
      acceptedNames: { plural: "widgets", singular: "widget", shortNames: ["wd"], kind: "Widget", listKind: "WidgetList", categories: ["all"] },
      conditions: [
        { type: "NamesAccepted", status: "True", lastTransitionTime: "2024-06-01T12:00:00Z", reason: "NoConflicts", message: "no conflicts found" },
        { type: "Established", status: "True", lastTransitionTime: "2024-06-01T12:00:00Z", reason: "InitialNamesAccepted", message: "the initial names have been accepted" },
      ],
      storedVersions: ["v1"],
    });
  });

  it("defaults singular and listKind in the accepted names", () => {
    const c = crd();
    c.spec.names = { plural: "gadgets", kind: "Gadget" };
    expect(crdStatus(c, NOW).acceptedNames).toEqual({ plural: "gadgets", singular: "gadget", kind: "Gadget", listKind: "GadgetList" });
  });

  it("keeps transition times while nothing changes and appends new storage versions", () => {
    const c = crd();
    c.status = crdStatus(c, NOW);
    c.spec.versions[0].storage = false;
    c.spec.versions[1].storage = true;
    const next = crdStatus(c, LATER);
    expect(next.conditions.map((x) => x.lastTransitionTime)).toEqual(["2024-06-01T12:00:00Z", "2024-06-01T12:00:00Z"]);
    expect(next.storedVersions).toEqual(["v1", "v1beta1"]);
  });

  it("refuses names other CRDs of the group hold, and does not establish", () => {
    const taken = { resources: new Set(["widgets", "wd", "other"]), kinds: new Set(["Widget"]) };
    const s = crdStatus(crd(), NOW, taken);
    expect(s.acceptedNames).toEqual({ singular: "widget", listKind: "WidgetList", categories: ["all"] });
    expect(s.conditions).toEqual([
      { type: "NamesAccepted", status: "False", lastTransitionTime: "2024-06-01T12:00:00Z", reason: "KindConflict", message: '"Widget" is already in use' },
      { type: "Established", status: "False", lastTransitionTime: "2024-06-01T12:00:00Z", reason: "NotAccepted", message: "not all names are accepted" },
    ]);
    const c = crd();
    c.spec.names.shortNames = ["wd", "other"];
    const short = crdStatus(c, NOW, { resources: new Set(["wd", "other"]), kinds: new Set() });
    expect(short.conditions[0]).toMatchObject({ reason: "ShortNamesConflict", message: '["wd" is already in use, "other" is already in use]' });
  });

  it("lets an established CRD keep its names and stay established when a new name conflicts", () => {
    const c = crd();
    c.status = crdStatus(c, NOW);
    c.spec.names.plural = "others";
    const s = crdStatus(c, LATER, { resources: new Set(["others"]), kinds: new Set() });
    expect(s.acceptedNames.plural).toBe("widgets");
    expect(s.conditions[0]).toMatchObject({ status: "False", reason: "PluralConflict", message: '"others" is already in use', lastTransitionTime: "2024-06-01T13:00:00Z" });
    expect(s.conditions[1]).toMatchObject({ type: "Established", status: "True", lastTransitionTime: "2024-06-01T12:00:00Z" });
  });
});
