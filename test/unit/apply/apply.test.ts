import { describe, expect, it } from "vitest";
import { applyPatch, conflictError, trackUpdate, type ApplyResult, type ManagedFieldsEntry } from "../../../src/api/apply";
import type { KubeObject } from "../../../src/api/object";
import { deployment, schema, source } from "./schema";

const at = (s: number) => new Date(Date.UTC(2024, 4, 1, 10, 0, s));
const common = { schema, source, apiVersion: "apps/v1", statusSubresource: true };

function ok(r: ApplyResult): { object: KubeObject; managedFields: ManagedFieldsEntry[] } {
  if ("conflicts" in r) throw new Error(`unexpected conflicts ${JSON.stringify(r.conflicts)}`);
  return r;
}

function apply(live: KubeObject | undefined, applied: unknown, manager = "kubectl", now = at(0), force = false) {
  return applyPatch({ ...common, live, applied: applied as KubeObject, manager, force, now });
}

const owned = (obj: KubeObject, manager: string) =>
  (obj.metadata.managedFields as ManagedFieldsEntry[]).find((e) => e.manager === manager)?.fieldsV1;

// What upstream records for `kubectl apply --server-side` of deployment(): no metadata.name,
// selector owned whole (atomic), the port keyed with its defaulted protocol.
const APPLIED =
  '{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":' +
  '{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"web\\"}":{".":{},"f:image":{},"f:name":{},' +
  '"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{}}}}},"f:tolerations":{}}}}}';

describe("server-side apply", () => {
  it("creates the object and owns exactly the applied fields", () => {
    const { object, managedFields } = ok(apply(undefined, deployment()));
    expect(object).toMatchObject(deployment());
    expect(managedFields).toEqual([
      { manager: "kubectl", operation: "Apply", apiVersion: "apps/v1", time: "2024-05-01T10:00:00Z", fieldsType: "FieldsV1", fieldsV1: JSON.parse(APPLIED) },
    ]);
    expect(JSON.stringify(managedFields[0].fieldsV1)).toBe(APPLIED);
    expect(object.metadata.managedFields).toEqual(managedFields);
  });

  it("changes nothing when the same configuration is applied again (not even the time)", () => {
    const live = ok(apply(undefined, deployment())).object;
    const again = ok(apply(live, deployment(), "kubectl", at(30)));
    expect(again.object).toEqual(live);
    expect(again.managedFields).toEqual(live.metadata.managedFields);
  });

  it("removes a field the applier stops sending when nobody else owns it", () => {
    const config = deployment();
    config.spec.template.spec.containers[0].ports = [{ containerPort: 80 }, { containerPort: 443 }];
    (config.metadata.labels as Record<string, string>).tier = "frontend";
    const live = ok(apply(undefined, config)).object;
    const { object, managedFields } = ok(apply(live, deployment(), "kubectl", at(5)));
    expect(object.metadata.labels).toEqual({ app: "web" });
    expect(object.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80 }]);
    expect(JSON.stringify(managedFields[0].fieldsV1)).toBe(APPLIED);
    expect(managedFields[0].time).toBe("2024-05-01T10:00:05Z");
  });

  it("drops a whole struct the applier stops sending", () => {
    const config = { ...deployment(), spec: { ...deployment().spec, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } } };
    const live = ok(apply(undefined, config)).object;
    expect(ok(apply(live, deployment())).object.spec.strategy).toBeUndefined();
  });

  it("reports another manager's differing value as upstream's conflict", () => {
    const live = ok(apply(undefined, deployment())).object;
    const r = apply(live, { ...deployment(), spec: { ...deployment().spec, replicas: 5 } }, "other");
    expect(r).toEqual({ conflicts: [{ manager: "kubectl", operation: "Apply", apiVersion: "apps/v1", path: ".spec.replicas" }] });
    const err = conflictError("Deployment", "web", (r as { conflicts: never[] }).conflicts);
    expect(err.toStatus()).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: 'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas',
      reason: "Conflict",
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "kubectl"', field: ".spec.replicas" }] },
      code: 409,
    });
  });

  it("conflicts with a client-side-apply Update owner, named with its apiVersion", () => {
    const created = structuredClone(deployment()) as KubeObject;
    created.metadata.managedFields = trackUpdate({ ...common, next: created, manager: "kubectl-client-side-apply", now: at(0) });
    const r = apply(created, { ...deployment(), spec: { ...deployment().spec, replicas: 5 } });
    if (!("conflicts" in r)) throw new Error("expected conflicts");
    expect(conflictError("Deployment", "web", r.conflicts).message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
    );
    expect(conflictError("Deployment", "web", r.conflicts).details?.causes).toEqual([
      { reason: "FieldManagerConflict", message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: ".spec.replicas" },
    ]);
  });

  it("with force takes the field over", () => {
    const live = ok(apply(undefined, deployment())).object;
    const { object } = ok(apply(live, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 5 } }, "hpa", at(1), true));
    expect(object.spec.replicas).toBe(5);
    expect(owned(object, "hpa")).toEqual({ "f:spec": { "f:replicas": {} } });
    expect(owned(object, "kubectl")?.["f:spec"]["f:replicas"]).toBeUndefined();
    // kubectl reapplying its old value now conflicts with the new owner.
    const back = apply(object, deployment(), "kubectl", at(2));
    expect(back).toMatchObject({ conflicts: [{ manager: "hpa", path: ".spec.replicas" }] });
  });

  it("co-owns a field applied with the same value, and keeps it while either still applies it", () => {
    const live = ok(apply(undefined, deployment())).object;
    const minimal = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 3 } };
    const shared = ok(apply(live, minimal, "other", at(1)));
    expect(shared.object).toEqual({ ...live, metadata: { ...live.metadata, managedFields: shared.managedFields } });
    expect(owned(shared.object, "other")).toEqual({ "f:spec": { "f:replicas": {} } });
    expect(owned(shared.object, "kubectl")?.["f:spec"]["f:replicas"]).toEqual({});
    // A no-op apply leaves the new entry without a time, as upstream does.
    expect(shared.managedFields.find((e) => e.manager === "other")?.time).toBeUndefined();
    const withoutReplicas = deployment() as { spec: Record<string, unknown> };
    delete withoutReplicas.spec.replicas;
    expect(ok(apply(shared.object, withoutReplicas, "kubectl", at(2))).object.spec.replicas).toBe(3);
  });

  it("leaves a field set by an Update (kubectl edit) that the applier never mentions", () => {
    const live = ok(apply(undefined, deployment())).object;
    const edited = structuredClone(live);
    edited.metadata.annotations = { note: "by hand" };
    edited.spec.template.spec.containers[0].env = [{ name: "DEBUG", value: "1" }];
    edited.metadata.managedFields = trackUpdate({ ...common, live, next: edited, manager: "kubectl-edit", now: at(10) });
    expect(owned(edited, "kubectl-edit")).toEqual({
      "f:metadata": { "f:annotations": { ".": {}, "f:note": {} } },
      "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { "f:env": { ".": {}, 'k:{"name":"DEBUG"}': { ".": {}, "f:name": {}, "f:value": {} } } } } } } },
    });
    const { object } = ok(apply(edited, deployment(), "kubectl", at(20)));
    expect(object.metadata.annotations).toEqual({ note: "by hand" });
    expect(object.spec.template.spec.containers[0].env).toEqual([{ name: "DEBUG", value: "1" }]);
    expect(object.metadata.managedFields).toEqual(edited.metadata.managedFields);
  });

  it("conflicts with an editor who changed an applied field", () => {
    const live = ok(apply(undefined, deployment())).object;
    const edited = structuredClone(live);
    edited.spec.template.spec.containers[0].image = "nginx:1.26";
    edited.metadata.managedFields = trackUpdate({ ...common, live, next: edited, manager: "kubectl-edit", now: at(10) });
    expect(owned(edited, "kubectl-edit")).toEqual({
      "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"web"}': { "f:image": {} } } } } },
    });
    const r = apply(edited, deployment(), "kubectl", at(20));
    if (!("conflicts" in r)) throw new Error("expected conflicts");
    expect(conflictError("Deployment", "web", r.conflicts).message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.template.spec.containers[name="web"].image',
    );
  });

  it("merges list-map items and set values from several appliers, each removing only its own", () => {
    const live = ok(apply(undefined, { ...deployment(), metadata: { ...deployment().metadata, finalizers: ["a.io/x"] } })).object;
    const sidecar = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", finalizers: ["b.io/y"] },
      spec: { template: { spec: { containers: [{ name: "proxy", image: "envoy" }] } } },
    };
    const both = ok(apply(live, sidecar, "mesh", at(1))).object;
    expect(both.metadata.finalizers).toEqual(["a.io/x", "b.io/y"]);
    expect(both.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(["web", "proxy"]);
    expect(owned(both, "mesh")?.["f:metadata"]).toEqual({ "f:finalizers": { 'v:"b.io/y"': {} } });
    const kubectlAgain = ok(apply(both, deployment(), "kubectl", at(2))).object;
    expect(kubectlAgain.metadata.finalizers).toEqual(["b.io/y"]);
    expect(kubectlAgain.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(["web", "proxy"]);
    const meshGone = ok(apply(kubectlAgain, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } }, "mesh", at(3))).object;
    expect(meshGone.metadata.finalizers).toBeUndefined();
    expect(meshGone.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(["web"]);
  });

  it("replaces atomic lists whole, so a different list is a conflict on the list", () => {
    const live = ok(apply(undefined, deployment())).object;
    const other = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { template: { spec: { tolerations: [{ key: "gpu", operator: "Exists" }] } } } };
    expect(apply(live, other, "other")).toMatchObject({ conflicts: [{ path: ".spec.template.spec.tolerations" }] });
    const forced = ok(apply(live, other, "other", at(1), true)).object;
    expect(forced.spec.template.spec.tolerations).toEqual([{ key: "gpu", operator: "Exists" }]);
  });

  it("keeps applied list order while live-only items stay in place", () => {
    const config = (names: string[]) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { template: { spec: { containers: names.map((name) => ({ name, image: name })) } } },
    });
    const live = ok(apply(undefined, config(["a", "b", "c"]), "one")).object;
    const merged = ok(apply(live, config(["c", "d", "a"]), "two", at(1))).object;
    expect(merged.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(["b", "c", "d", "a"]);
  });

  it("ignores and never owns status on the main resource of a kind with /status", () => {
    const live = ok(apply(undefined, deployment())).object;
    live.status = { replicas: 1 };
    const { object, managedFields } = ok(apply(live, { ...deployment(), status: { replicas: 9 } }, "kubectl", at(1)));
    expect(object.status).toEqual({ replicas: 1 });
    expect(managedFields[0].fieldsV1["f:status"]).toBeUndefined();
  });

  it("hands fields of an untracked object to before-first-apply", () => {
    const untracked = { ...structuredClone(deployment()), metadata: { ...deployment().metadata, annotations: { old: "x" } } } as KubeObject;
    const { object, managedFields } = ok(apply(untracked, deployment(), "kubectl", at(1)));
    expect(object.metadata.annotations).toEqual({ old: "x" });
    expect(managedFields.map((e) => [e.manager, e.operation])).toEqual([
      ["kubectl", "Apply"],
      ["before-first-apply", "Update"],
    ]);
    // The stand-in owns the whole object as it was (a create from nothing); equal values are shared.
    const before = managedFields[1].fieldsV1;
    expect(before["f:metadata"]["f:annotations"]).toEqual({ ".": {}, "f:old": {} });
    expect(before["f:spec"]["f:replicas"]).toEqual({});
    expect(JSON.stringify(managedFields[0].fieldsV1)).toBe(APPLIED);
  });

  it("rejects configurations upstream rejects", () => {
    expect(() => apply(undefined, { ...deployment(), metadata: { name: "web", managedFields: [] } })).toThrow("metadata.managedFields must be nil");
    const dup = deployment();
    dup.spec.template.spec.containers.push({ ...dup.spec.template.spec.containers[0] });
    expect(() => apply(undefined, dup)).toThrow(/apps\/v1, Kind=Deployment.*\.spec\.template\.spec\.containers: duplicate entries for \[name="web"\]/);
    const keyless = deployment() as { spec: { template: { spec: { containers: object[] } } } };
    keyless.spec.template.spec.containers = [{ image: "x" }];
    expect(() => apply(undefined, keyless)).toThrow(/containers\[0\]/);
  });
});
