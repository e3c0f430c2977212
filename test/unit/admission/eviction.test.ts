import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { decideEviction } from "../../../src/api/admission/eviction";

const NOW = new Date("2025-01-01T00:00:00Z");

function pod(ready = true, phase = "Running", labels: Record<string, string> = { app: "web" }): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-1", namespace: "ns", uid: "u1", resourceVersion: "42", labels },
    spec: { containers: [{ name: "c", image: "x" }] },
    status: { phase, conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  };
}

function pdb(status: Record<string, unknown>, spec: Record<string, unknown> = {}, name = "web-pdb"): KubeObject {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name, namespace: "ns", generation: 1, resourceVersion: "9" },
    spec: { selector: { matchLabels: { app: "web" } }, minAvailable: 2, ...spec },
    status: { observedGeneration: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1, ...status },
  };
}

describe("eviction", () => {
  it("refuses when the budget allows no disruption, with upstream's 429", () => {
    const d = decideEviction(pod(), [pdb({ disruptionsAllowed: 0, currentHealthy: 2 })], NOW);
    expect(d.allow).toBe(false);
    if (d.allow) return;
    expect(d.status.toStatus()).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      code: 429,
      reason: "TooManyRequests",
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: "DisruptionBudget", message: "The disruption budget web-pdb needs 2 healthy pods and has 2 currently" }] },
    });
  });

  it("spends one disruption, notes the pod, and flips the condition at zero", () => {
    const budget = pdb({ conditions: [{ type: "DisruptionAllowed", status: "True", reason: "SufficientPods", message: "", observedGeneration: 1, lastTransitionTime: "2024-12-31T00:00:00Z" }] });
    const d = decideEviction(pod(), [budget], NOW);
    expect(d.allow).toBe(true);
    if (!d.allow) return;
    expect(d.preconditionResourceVersion).toBeUndefined();
    expect(d.podCondition).toEqual({ type: "DisruptionTarget", status: "True", reason: "EvictionByEvictionAPI", message: "Eviction API: evicting", lastTransitionTime: "2025-01-01T00:00:00Z" });
    expect(d.pdbUpdates).toHaveLength(1);
    const s = d.pdbUpdates[0]!.status;
    expect(s.disruptionsAllowed).toBe(0);
    expect(s.disruptedPods).toEqual({ "web-1": "2025-01-01T00:00:00Z" });
    expect(s.conditions).toEqual([
      { type: "DisruptionAllowed", status: "False", reason: "InsufficientPods", message: "", observedGeneration: 1, lastTransitionTime: "2025-01-01T00:00:00Z" },
    ]);
    expect(d.pdbUpdates[0]!.metadata.resourceVersion).toBe("9");
    expect(budget.status.disruptionsAllowed).toBe(1); // input untouched
  });

  it("does not note the pod on a dry run", () => {
    const d = decideEviction(pod(), [pdb({ disruptionsAllowed: 2 })], NOW, { dryRun: true });
    expect(d.allow && d.pdbUpdates[0]!.status).toMatchObject({ disruptionsAllowed: 1 });
    expect(d.allow && d.pdbUpdates[0]!.status.disruptedPods).toBeUndefined();
  });

  it("asks the client to come back while the controller catches up", () => {
    const d = decideEviction(pod(), [pdb({ observedGeneration: 0 })], NOW);
    expect(!d.allow && d.status.toStatus()).toMatchObject({
      code: 429,
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { retryAfterSeconds: 10, causes: [{ reason: "DisruptionBudget", message: "The disruption budget web-pdb is still being processed by the server." }] },
    });
  });

  it("forbids a negative budget", () => {
    const d = decideEviction(pod(), [pdb({ disruptionsAllowed: -1 })], NOW);
    expect(!d.allow && d.status.toStatus()).toMatchObject({
      code: 403,
      reason: "Forbidden",
      message: 'poddisruptionbudget.policy "web-pdb" is forbidden: pdb disruptions allowed is negative',
    });
  });

  it("refuses a pod covered by two budgets", () => {
    const d = decideEviction(pod(), [pdb({}), pdb({}, {}, "other")], NOW);
    expect(!d.allow && d.status.toStatus()).toMatchObject({ code: 500, message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support." });
  });

  it("lets an unready pod go without spending the budget when the budget is met", () => {
    const d = decideEviction(pod(false), [pdb({ disruptionsAllowed: 0 })], NOW);
    expect(d).toMatchObject({ allow: true, pdbUpdates: [], preconditionResourceVersion: "42" });
    const unmet = decideEviction(pod(false), [pdb({ disruptionsAllowed: 0, currentHealthy: 1 })], NOW);
    expect(unmet.allow).toBe(false);
    const always = decideEviction(pod(false), [pdb({ disruptionsAllowed: 0, currentHealthy: 1 }, { unhealthyPodEvictionPolicy: "AlwaysAllow" })], NOW);
    expect(always).toMatchObject({ allow: true, pdbUpdates: [], preconditionResourceVersion: "42" });
  });

  it("ignores budgets for pods that are not running, and budgets that select nothing", () => {
    expect(decideEviction(pod(true, "Succeeded"), [pdb({ disruptionsAllowed: 0 })], NOW)).toMatchObject({ allow: true, pdbUpdates: [] });
    expect(decideEviction(pod(false, "Pending"), [pdb({ disruptionsAllowed: 0 })], NOW)).toMatchObject({ allow: true, preconditionResourceVersion: "42" });
    expect(decideEviction(pod(true, "Running", { app: "db" }), [pdb({ disruptionsAllowed: 0 })], NOW)).toMatchObject({ allow: true, pdbUpdates: [] });
    // An empty selector selects everything for the controller, but nothing for eviction.
    expect(decideEviction(pod(), [pdb({ disruptionsAllowed: 0 }, { selector: {} })], NOW)).toMatchObject({ allow: true, pdbUpdates: [] });
  });
});
