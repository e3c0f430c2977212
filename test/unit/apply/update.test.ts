import { describe, expect, it } from "vitest";
import { managedFieldsForUpdate, trackUpdate, type ManagedFieldsEntry } from "../../../src/api/apply";
import type { KubeObject } from "../../../src/api/object";
import { deployment, schema, source } from "./schema";

const at = (s: number) => new Date(Date.UTC(2024, 4, 1, 10, 0, s));
const common = { schema, source, apiVersion: "apps/v1", statusSubresource: true };

function write(live: KubeObject | undefined, change: (o: KubeObject) => void, manager: string, now: Date, extra: object = {}): KubeObject {
  const next = structuredClone(live ?? (deployment() as KubeObject));
  change(next);
  next.metadata.managedFields = trackUpdate({ ...common, live, next, manager, now, ...extra });
  return next;
}

const entries = (o: KubeObject) => o.metadata.managedFields as ManagedFieldsEntry[];
const byManager = (o: KubeObject, m: string) => entries(o).find((e) => e.manager === m);

describe("update tracking", () => {
  it("gives a created object wholly to its writer, with `.` for every node it brought", () => {
    const created = write(undefined, () => {}, "kubectl-create", at(0));
    expect(entries(created)).toEqual([
      {
        manager: "kubectl-create",
        operation: "Update",
        apiVersion: "apps/v1",
        time: "2024-05-01T10:00:00Z",
        fieldsType: "FieldsV1",
        fieldsV1: JSON.parse(
          '{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{".":{},"f:replicas":{},"f:selector":{},' +
            '"f:template":{".":{},"f:metadata":{".":{},"f:labels":{".":{},"f:app":{}}},"f:spec":{".":{},' +
            '"f:containers":{".":{},"k:{\\"name\\":\\"web\\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{".":{},' +
            '"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{}}}}},"f:tolerations":{}}}}}',
        ),
      },
    ]);
  });

  it("moves a changed field to the writer and takes it from the others", () => {
    const created = write(undefined, () => {}, "kubectl-create", at(0));
    const scaled = write(created, (o) => (o.spec.replicas = 5), "kubectl-scale", at(7));
    expect(byManager(scaled, "kubectl-scale")).toMatchObject({ time: "2024-05-01T10:00:07Z", fieldsV1: { "f:spec": { "f:replicas": {} } } });
    expect(byManager(scaled, "kubectl-create")?.fieldsV1["f:spec"]["f:replicas"]).toBeUndefined();
    expect(entries(scaled).map((e) => e.manager)).toEqual(["kubectl-create", "kubectl-scale"]);
  });

  it("leaves managedFields alone when the write changes nothing", () => {
    const created = write(undefined, () => {}, "kubectl-create", at(0));
    const same = write(created, () => {}, "kubectl-replace", at(9));
    expect(same.metadata.managedFields).toEqual(created.metadata.managedFields);
  });

  it("removes deleted fields from every manager, dropping managers left with nothing", () => {
    const created = write(undefined, () => {}, "kubectl-create", at(0));
    const labelled = write(created, (o) => (o.metadata.labels!.team = "a"), "labeller", at(1));
    const unlabelled = write(labelled, (o) => delete o.metadata.labels!.team, "kubectl-edit", at(2));
    expect(entries(unlabelled).map((e) => e.manager)).toEqual(["kubectl-create"]);
  });

  it("merges a manager's successive updates and restamps its entry", () => {
    const created = write(undefined, () => {}, "kubectl-create", at(0));
    const one = write(created, (o) => (o.metadata.annotations = { a: "1" }), "kubectl-edit", at(1));
    const two = write(one, (o) => (o.spec.replicas = 4), "kubectl-edit", at(2));
    expect(byManager(two, "kubectl-edit")).toMatchObject({
      time: "2024-05-01T10:00:02Z",
      fieldsV1: { "f:metadata": { "f:annotations": { ".": {}, "f:a": {} } }, "f:spec": { "f:replicas": {} } },
    });
  });

  it("keeps one Update entry per manager, apiVersion and subresource", () => {
    const created = write(undefined, () => {}, "kubectl-create", at(0));
    const v2 = write(created, (o) => (o.spec.replicas = 4), "kubectl-create", at(1), { apiVersion: "apps/v1beta2" });
    expect(entries(v2).map((e) => [e.manager, e.apiVersion])).toEqual([
      ["kubectl-create", "apps/v1"],
      ["kubectl-create", "apps/v1beta2"],
    ]);
    const status = write(v2, (o) => (o.status = { replicas: 4 }), "kube-controller-manager", at(2), { subresource: "status" });
    expect(byManager(status, "kube-controller-manager")).toMatchObject({ subresource: "status", fieldsV1: { "f:status": { ".": {}, "f:replicas": {} } } });
  });

  it("never gives status to a writer of the main resource", () => {
    const created = write(undefined, (o) => (o.status = { replicas: 1 }), "kubectl-create", at(0));
    expect(byManager(created, "kubectl-create")?.fieldsV1["f:status"]).toBeUndefined();
  });

  it("leaves an object nobody tracked untracked, as upstream does for updates", () => {
    const untracked = deployment() as KubeObject;
    expect(trackUpdate({ ...common, live: untracked, next: { ...untracked, spec: { replicas: 1 } }, manager: "x", now: at(0) })).toEqual([]);
  });

  it("caps Update entries by folding the oldest into ancient-changes", () => {
    let obj = write(undefined, () => {}, "kubectl-create", at(0));
    for (let i = 1; i <= 11; i++) obj = write(obj, (o) => (o.metadata.labels![`l${i}`] = "x"), `m${i}`, at(i));
    const updates = entries(obj).filter((e) => e.operation === "Update");
    expect(updates).toHaveLength(10);
    // The 11th entry folded kubectl-create and m1 together, the 12th folded m2 into that bucket,
    // which keeps the newer time each time.
    expect(updates[0]).toMatchObject({ manager: "ancient-changes", time: "2024-05-01T10:00:02Z" });
    expect(updates[0].fieldsV1["f:metadata"]["f:labels"]).toMatchObject({ "f:app": {}, "f:l1": {}, "f:l2": {} });
    expect(updates.map((e) => e.manager)).not.toContain("kubectl-create");
  });

  it("keeps the previous entries when an object does not fit its schema", () => {
    const created = write(undefined, () => {}, "kubectl-create", at(0));
    const bad = write(created, (o) => o.spec.template.spec.containers.push({ image: "no-name" }), "x", at(1));
    expect(bad.metadata.managedFields).toEqual(created.metadata.managedFields);
  });
});

describe("which managedFields an update starts from", () => {
  const live = [{ manager: "a", operation: "Update", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: {} }];
  const sent = [{ manager: "b", operation: "Apply", apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: { "f:x": {} } }];
  it("takes the request's list, resets on [] or [{}], falls back to live otherwise", () => {
    expect(managedFieldsForUpdate(live, undefined)).toBe(live);
    expect(managedFieldsForUpdate(live, sent)).toBe(sent);
    expect(managedFieldsForUpdate(live, [])).toEqual([]);
    expect(managedFieldsForUpdate(live, [{}])).toEqual([]);
    expect(managedFieldsForUpdate(live, [{ operation: "Nope" }])).toBe(live);
    expect(managedFieldsForUpdate(live, sent, "status")).toBe(live);
  });
});
