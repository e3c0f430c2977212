import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgent } from "../../src/node-agent";
import { eventually, requireKubectl, TestCluster } from "./harness";

// More of issue 4's scenarios: stateful and per-node workloads, batch, drain, quota and node loss.

const tc = new TestCluster();
const agents: { stop(): Promise<void> }[] = [];
const getJson = async (args: string[]) => JSON.parse(await tc.ok([...args, "-o", "json"]));


beforeAll(async () => {
  requireKubectl();
  await tc.start();
  const kubeconfig = tc.cluster.kubeconfig;
  agents.push(await startAgent({ kubeconfig, nodeName: "node", nodes: 3, runtime: "fake", jobDurationMs: 300, log: () => {} }));
  await eventually("3 nodes", async () => (await getJson(["get", "nodes"])).items.length === 3);
}, 60_000);

afterAll(async () => {
  for (const a of agents) await a.stop();
  await tc.stop();
});

describe("workload controllers", () => {
  it("brings a StatefulSet up in order, with bound claims from the default StorageClass", async () => {
    await tc.ok(["apply", "-f", tc.file("sts.yaml", `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`)]);
    await tc.ok(["rollout", "status", "sts/db", "--timeout=30s"]);
    const pods = (await getJson(["get", "pods", "-l", "app=db"])).items;
    expect(pods.map((p: any) => p.metadata.name).sort()).toEqual(["db-0", "db-1", "db-2"]);
    const started = pods.sort((a: any, b: any) => a.metadata.name.localeCompare(b.metadata.name)).map((p: any) => Date.parse(p.metadata.creationTimestamp));
    expect(started[0]).toBeLessThanOrEqual(started[1]);
    expect(started[1]).toBeLessThanOrEqual(started[2]);
    const claims = await eventually("3 bound claims", async () => {
      const items = (await getJson(["get", "pvc"])).items;
      return items.length === 3 && items.every((c: any) => c.status?.phase === "Bound") && items;
    });
    expect(claims.map((c: any) => c.metadata.name).sort()).toEqual(["data-db-0", "data-db-1", "data-db-2"]);
    expect(claims.every((c: any) => c.spec.storageClassName === "standard" && c.spec.volumeName === `pvc-${c.metadata.uid}`)).toBe(true);
    expect(await tc.ok(["get", "pv"])).toMatch(/^pvc-\S+\s+1Gi\s+RWO\s+Delete\s+Bound\s+default\/data-db-0\s+standard\s+<unset>\s+\d+s$/m);
  });

  it("runs one DaemonSet pod per node", async () => {
    await tc.ok(["apply", "-f", tc.file("ds.yaml", `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: busybox}]}
`)]);
    await tc.ok(["rollout", "status", "ds/agent", "--timeout=30s"]);
    const nodes = (await getJson(["get", "pods", "-l", "app=agent"])).items.map((p: any) => p.spec.nodeName).sort();
    expect(nodes).toEqual(["node-0", "node-1", "node-2"]);
  });

  it("completes a Job with completions=3 parallelism=2, and a CronJob creates a Job on schedule", async () => {
    await tc.ok(["apply", "-f", tc.file("job.yaml", `apiVersion: batch/v1
kind: Job
metadata: {name: three}
spec:
  completions: 3
  parallelism: 2
  template:
    spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}
`)]);
    await tc.ok(["wait", "--for=condition=complete", "job/three", "--timeout=30s"]);
    expect((await getJson(["get", "job", "three"])).status.succeeded).toBe(3);
    expect(await tc.ok(["get", "job", "three"])).toMatch(/^three\s+Complete\s+3\/3\s+\d+s\s+\d+s$/m);
    await tc.ok(["create", "cronjob", "tick", "--image=busybox", "--schedule=*/1 * * * *"]);
    // The next minute boundary comes within 60 s.
    const job = await eventually(
      "a Job from the CronJob",
      async () => (await getJson(["get", "jobs"])).items.find((j: any) => j.metadata.ownerReferences?.[0]?.name === "tick"),
      75_000,
    );
    expect(job.metadata.name).toMatch(/^tick-\d+$/);
  });
});

describe("drain, quota and node loss", () => {
  it("drains a node respecting a PodDisruptionBudget, then uncordons it", async () => {
    await tc.ok(["create", "deployment", "guarded", "--image=nginx", "--replicas=3"]);
    await tc.ok(["rollout", "status", "deploy/guarded", "--timeout=20s"]);
    await tc.ok(["create", "pdb", "guarded", "--selector=app=guarded", "--min-available=2"]);
    await eventually("the PDB to allow one disruption", async () => (await getJson(["get", "pdb", "guarded"])).status?.disruptionsAllowed === 1);
    await tc.ok(["cordon", "node-1"]);
    const drained = await tc.kubectl(["drain", "node-1", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=40s"]);
    expect(drained.code).toBe(0);
    expect(drained.stdout).toContain("node/node-1 drained");
    const guarded = await eventually("guarded pods elsewhere", async () => {
      const pods = (await getJson(["get", "pods", "-l", "app=guarded"])).items.filter((p: any) => !p.metadata.deletionTimestamp);
      return pods.length === 3 && pods.every((p: any) => p.spec.nodeName && p.spec.nodeName !== "node-1") && pods;
    });
    expect(guarded).toHaveLength(3);
    await tc.ok(["uncordon", "node-1"]);
    expect((await getJson(["get", "node", "node-1"])).spec.unschedulable).toBeUndefined();
  });

  it("refuses the pod that would exceed a quota, with upstream's message", async () => {
    await tc.ok(["create", "namespace", "quota"]);
    await tc.ok(["-n", "quota", "create", "quota", "q", "--hard=pods=2"]);
    await eventually("the quota's status", async () => (await getJson(["-n", "quota", "get", "quota", "q"])).status?.hard?.pods === "2");
    await tc.ok(["-n", "quota", "run", "p1", "--image=nginx"]);
    await tc.ok(["-n", "quota", "run", "p2", "--image=nginx"]);
    const third = await tc.kubectl(["-n", "quota", "run", "p3", "--image=nginx"]);
    expect(third.code).not.toBe(0);
    expect(third.stderr).toContain('pods "p3" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2');
  });

  it("marks a node whose agent stops NotReady and moves its pods", async () => {
    agents.push(await startAgent({ kubeconfig: tc.cluster.kubeconfig, nodeName: "lost", nodes: 1, runtime: "fake", leaseSeconds: 10, heartbeatMs: 1000, log: () => {} }));
    await eventually("node lost", async () => (await getJson(["get", "nodes"])).items.some((n: any) => n.metadata.name === "lost-0"));
    await tc.ok(["taint", "node", "node-0", "node-1", "node-2", "only=lost:NoSchedule"]);
    await tc.ok(["apply", "-f", tc.file("mover.yaml", `apiVersion: apps/v1
kind: Deployment
metadata: {name: mover}
spec:
  replicas: 1
  selector: {matchLabels: {app: mover}}
  template:
    metadata: {labels: {app: mover}}
    spec:
      tolerations:
      - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 2}
      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 2}
      containers: [{name: c, image: nginx}]
`)]);
    await tc.ok(["rollout", "status", "deploy/mover", "--timeout=20s"]);
    expect((await getJson(["get", "pods", "-l", "app=mover"])).items[0].spec.nodeName).toBe("lost-0");
    await tc.ok(["taint", "node", "node-0", "node-1", "node-2", "only-"]);
    await agents.pop()!.stop();
    const started = Date.now();
    await eventually("lost-0 NotReady", async () => {
      const ready = (await getJson(["get", "node", "lost-0"])).status.conditions.find((c: any) => c.type === "Ready");
      return ready.status === "Unknown";
    }, 60_000);
    expect(Date.now() - started).toBeLessThan(50_000);
    await eventually("mover to run elsewhere", async () => {
      const pods = (await getJson(["get", "pods", "-l", "app=mover"])).items.filter((p: any) => !p.metadata.deletionTimestamp);
      return pods.length === 1 && pods[0].spec.nodeName !== "lost-0" && pods[0].status.phase === "Running";
    }, 30_000);
  });
});
