// Every body kubectl 1.32/1.33 sent (scripts/capture-protobuf.ts) must decode to the object kubectl 1.31
// sent as JSON for the same command.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeProtobufObject } from "../../../src/api/protobuf";

const DIR = join(import.meta.dirname, "../../fixtures/protobuf");
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith(".bin"))
  .map((f) => f.slice(0, -4))
  .sort();

const load = (name: string) => decodeProtobufObject(new Uint8Array(readFileSync(join(DIR, `${name}.bin`))));
const twin = (name: string) => JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")) as unknown;

// Go fields without omitempty: Go's JSON writes their zero values, the decoder omits them (the object
// model treats absent and zero alike there). Only these paths may differ that way.
const NOT_OMITEMPTY = new Set([
  "value", // PriorityClass
  "status.allowed", // SubjectAccessReviewStatus
  "status.incomplete", // SubjectRulesReviewStatus
  "status.token", // TokenRequestStatus
  "status.currentReplicas", // HorizontalPodAutoscalerStatus
  "status.desiredReplicas",
  "status.disruptionsAllowed", // PodDisruptionBudgetStatus
  "status.currentHealthy",
  "status.desiredHealthy",
  "status.expectedPods",
]);

/** Drops null, {} and [] (Go writes some without omitempty) and the known non-omitempty zeros. */
function normalise(v: unknown, path = ""): unknown {
  if (Array.isArray(v)) {
    const list = v.map((x, i) => normalise(x, `${path}[${i}]`)).filter((x) => x !== undefined);
    return list.length ? list : undefined;
  }
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalise(x, path ? `${path}.${k}` : k);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (v === null) return undefined;
  if ((v === 0 || v === false || v === "") && NOT_OMITEMPTY.has(path)) return undefined;
  return v;
}

// `certificate approve/deny` stamps the condition with the time of the run; the two kubectl runs may
// straddle a second.
function alignApprovalTimes(decoded: any, json: any): void {
  const a = decoded.status?.conditions ?? [];
  const b = json.status?.conditions ?? [];
  a.forEach((c: any, i: number) => {
    if (!c.lastUpdateTime || !b[i]?.lastUpdateTime) return;
    expect(c.lastUpdateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(c.lastUpdateTime) - Date.parse(b[i].lastUpdateTime))).toBeLessThan(60_000);
    b[i].lastUpdateTime = c.lastUpdateTime;
  });
}

describe("kubectl protobuf fixtures", () => {
  it("has the captured fixtures", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(45);
  });

  it.each(NAMES)("%s decodes to its JSON twin", (name) => {
    const decoded = load(name);
    const json = twin(name) as any;
    expect(decoded.apiVersion).toBe(json.apiVersion);
    expect(decoded.kind).toBe(json.kind);
    if (name.startsWith("certificate-")) alignApprovalTimes(decoded, json);
    expect(normalise(decoded)).toEqual(normalise(json));
    // The decoder itself writes no null, {} or [] except where a pointer makes them meaningful.
    expect(JSON.stringify(decoded)).not.toContain("null");
  });

  it("keeps explicit zero values of pointer fields", () => {
    expect(load("deployment-zero").spec.replicas).toBe(0);
    const job = load("job-from-cronjob");
    expect(job.spec.backoffLimit).toBe(0);
    expect(job.spec.suspend).toBe(false);
    const pod = job.spec.template.spec;
    expect(pod.priority).toBe(0);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.tolerations[1].tolerationSeconds).toBe(0);
    expect(pod.containers[0].securityContext).toMatchObject({ runAsUser: 0, privileged: false });
    expect(pod.containers[0].startupProbe.terminationGracePeriodSeconds).toBe(0);
    expect(pod.volumes[2].configMap).toMatchObject({ defaultMode: 0, optional: false });
    // emptyDir: {} selects the volume type; an empty pointer message must survive.
    expect(pod.volumes[0]).toEqual({ name: "scratch", emptyDir: {} });
    const antiAffinity = pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0];
    expect(antiAffinity.namespaceSelector).toEqual({});
  });

  it("maps value types as Kubernetes JSON does", () => {
    expect(load("configmap-files").binaryData).toEqual({ bin: "AAEC/v+ACg==" });
    expect(load("service-loadbalancer").spec.ports[0].targetPort).toBe("http");
    expect(load("service-clusterip").spec.ports[0].targetPort).toBe(8080);
    expect(load("poddisruptionbudget-percent").spec.maxUnavailable).toBe("50%");
    expect(load("quota").spec.hard).toEqual({ cpu: "1", memory: "1Gi", pods: "2", "requests.storage": "10Gi" });
    const csr = load("certificate-approve");
    expect(csr.metadata.creationTimestamp).toBe("2024-01-02T03:04:05Z");
    expect(csr.metadata.managedFields?.[0]).toMatchObject({ fieldsV1: { "f:spec": { "f:request": {} } } });
    expect(csr.spec.extra).toEqual({ scopes: ["read", "write"] });
    expect(atob(csr.spec.request)).toContain("BEGIN CERTIFICATE REQUEST");
  });
});
