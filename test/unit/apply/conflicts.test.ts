import { describe, expect, it } from "vitest";
import { conflictError, conflictMessage, describeManager, type Conflict } from "../../../src/api/apply";

const c = (manager: string, path: string, extra: Partial<Conflict> = {}): Conflict => ({
  manager,
  operation: "Update",
  apiVersion: "apps/v1",
  path,
  ...extra,
});

describe("apply conflicts", () => {
  it("names managers as upstream prints them", () => {
    expect(describeManager(c("kubectl", "", { operation: "Apply" }))).toBe('"kubectl"');
    expect(describeManager(c("kubectl-edit", ""))).toBe('"kubectl-edit" using apps/v1');
    expect(describeManager(c("kcm", "", { subresource: "status" }))).toBe('"kcm" with subresource "status" using apps/v1');
  });

  it("groups several conflicts by manager, managers in upstream's sorted order", () => {
    const conflicts = [
      c("kubectl-edit", ".spec.replicas"),
      c("helm", ".spec.template.spec.containers[name=\"web\"].image", { operation: "Apply" }),
      c("kubectl-edit", ".metadata.labels.app"),
    ];
    expect(conflictMessage(conflicts)).toBe(
      "Apply failed with 3 conflicts: " +
        'conflicts with "helm":\n- .spec.template.spec.containers[name="web"].image\n' +
        'conflicts with "kubectl-edit" using apps/v1:\n- .spec.replicas\n- .metadata.labels.app',
    );
    const err = conflictError({ kind: "Deployment" }, "web", conflicts);
    expect(err.code).toBe(409);
    expect(err.reason).toBe("Conflict");
    expect(err.details).toEqual({
      causes: conflicts.map((x) => ({ reason: "FieldManagerConflict", message: `conflict with ${describeManager(x)}`, field: x.path })),
    });
  });
});
