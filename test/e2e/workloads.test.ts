import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgent } from "../../src/node-agent";
import { eventually, requireKubectl, TestCluster } from "./harness";

// Issue 4's scenarios: controllers and the scheduler on three fake nodes, with the real kubectl.

const tc = new TestCluster();
let agent: { stop(): Promise<void> };

const getJson = async (args: string[]) => JSON.parse(await tc.ok([...args, "-o", "json"]));


beforeAll(async () => {
  requireKubectl();
  await tc.start();
  agent = await startAgent({ kubeconfig: tc.cluster.kubeconfig, nodeName: "node", nodes: 3, runtime: "fake", jobDurationMs: 500, log: () => {} });
  await eventually("3 Ready nodes", async () => (await getJson(["get", "nodes"])).items.length === 3);
}, 60_000);

afterAll(async () => {
  await agent?.stop();
  await tc.stop();
});

describe("deployments", () => {
  it("rolls out onto the nodes within seconds", async () => {
    await tc.ok(["create", "deployment", "web", "--image=nginx", "--replicas=3"]);
    const started = Date.now();
    const status = await tc.ok(["rollout", "status", "deploy/web", "--timeout=10s"]);
    expect(status).toContain('deployment "web" successfully rolled out');
    expect(Date.now() - started).toBeLessThan(10_000);
    const pods = (await getJson(["get", "pods", "-l", "app=web"])).items;
    expect(pods).toHaveLength(3);
    expect(pods.every((p: any) => p.status.phase === "Running" && p.status.podIP)).toBe(true);
    expect(new Set(pods.map((p: any) => p.spec.nodeName)).size).toBe(3);
    expect(await tc.ok(["get", "pods", "-o", "wide"])).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m);
  });

  it("scales, rolls out a new image, keeps history, undoes, restarts, pauses and resumes", async () => {
    await tc.ok(["scale", "deploy", "web", "--replicas=5"]);
    await tc.ok(["rollout", "status", "deploy/web", "--timeout=20s"]);
    expect((await getJson(["get", "pods", "-l", "app=web", "--field-selector=status.phase=Running"])).items).toHaveLength(5);
    await tc.ok(["set", "image", "deploy/web", "nginx=nginx:2"]);
    await tc.ok(["rollout", "status", "deploy/web", "--timeout=20s"]);
    const history = await tc.ok(["rollout", "history", "deploy/web"]);
    expect(history).toMatch(/^REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/m);
    await tc.ok(["rollout", "undo", "deploy/web"]);
    await tc.ok(["rollout", "status", "deploy/web", "--timeout=20s"]);
    expect((await getJson(["get", "deploy", "web"])).spec.template.spec.containers[0].image).toBe("nginx");
    const before = new Set((await getJson(["get", "pods", "-l", "app=web"])).items.map((p: any) => p.metadata.name));
    await tc.ok(["rollout", "restart", "deploy/web"]);
    await tc.ok(["rollout", "status", "deploy/web", "--timeout=30s"]);
    // Old pods may still be terminating when the rollout is done, as upstream.
    const after = (await getJson(["get", "pods", "-l", "app=web"])).items.filter((p: any) => !p.metadata.deletionTimestamp).map((p: any) => p.metadata.name);
    expect(after.some((n: string) => before.has(n))).toBe(false);
    expect(await tc.ok(["rollout", "pause", "deploy/web"])).toBe("deployment.apps/web paused\n");
    expect(await tc.ok(["rollout", "resume", "deploy/web"])).toBe("deployment.apps/web resumed\n");
  });

  it("exposes a deployment with a ClusterIP and an EndpointSlice of its pods", async () => {
    await tc.ok(["expose", "deploy", "web", "--port=80"]);
    const svc = await getJson(["get", "svc", "web"]);
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    const ips = async () => {
      const slices = (await getJson(["get", "endpointslices", "-l", "kubernetes.io/service-name=web"])).items;
      return slices.flatMap((s: any) => (s.endpoints ?? []).flatMap((e: any) => e.addresses));
    };
    await eventually("5 endpoints", async () => (await ips()).length === 5);
    const victim = (await getJson(["get", "pods", "-l", "app=web"])).items[0];
    await tc.ok(["delete", "pod", victim.metadata.name, "--wait=false"]);
    await eventually("the deleted pod's IP to leave", async () => !(await ips()).includes(victim.status.podIP));
  });

  it("deletes ReplicaSets and pods with the Deployment, and orphans them with --cascade=orphan", async () => {
    await tc.ok(["create", "deployment", "keep", "--image=nginx", "--replicas=2"]);
    await tc.ok(["rollout", "status", "deploy/keep", "--timeout=20s"]);
    await tc.ok(["delete", "deploy", "keep", "--cascade=orphan"]);
    expect((await getJson(["get", "rs", "-l", "app=keep"])).items).toHaveLength(1);
    await tc.ok(["delete", "deploy", "web"]);
    await eventually("web's pods to go", async () => (await getJson(["get", "pods", "-l", "app=web"])).items.length === 0, 30_000);
    expect((await getJson(["get", "rs", "-l", "app=web"])).items).toHaveLength(0);
  });
});

describe("scheduling", () => {
  it("keeps pods off tainted nodes and reports what does not fit", async () => {
    await tc.ok(["taint", "node", "node-0", "k=v:NoSchedule"]);
    await tc.ok(["create", "deployment", "spread", "--image=nginx", "--replicas=4"]);
    await tc.ok(["rollout", "status", "deploy/spread", "--timeout=20s"]);
    const nodes = (await getJson(["get", "pods", "-l", "app=spread"])).items.map((p: any) => p.spec.nodeName);
    expect(nodes).not.toContain("node-0");
    await tc.ok(["taint", "node", "node-0", "k=v:NoSchedule-"]);
    await tc.ok(["run", "huge", "--image=nginx", "--overrides", '{"spec":{"containers":[{"name":"huge","image":"nginx","resources":{"requests":{"cpu":"100"}}}]}}']);
    const described = await eventually("a FailedScheduling event", async () => {
      const out = await tc.ok(["describe", "pod", "huge"]);
      return out.includes("FailedScheduling") && out;
    });
    expect(described).toMatch(/Warning\s+FailedScheduling\s+.*default-scheduler\s+0\/3 nodes are available: 3 Insufficient cpu\./);
    expect((await getJson(["get", "pod", "huge"])).status.phase).toBe("Pending");
  });
});

describe("namespaces", () => {
  it("deletes every object in a namespace, then the namespace", async () => {
    await tc.ok(["create", "namespace", "demo"]);
    await tc.ok(["-n", "demo", "create", "deployment", "d", "--image=nginx", "--replicas=2"]);
    await tc.ok(["-n", "demo", "rollout", "status", "deploy/d", "--timeout=20s"]);
    await tc.ok(["delete", "ns", "demo", "--timeout=30s"]);
    expect((await tc.kubectl(["get", "ns", "demo"])).stderr).toContain('namespaces "demo" not found');
    expect(await tc.ok(["get", "pods", "-n", "demo", "-o", "name"])).toBe("");
  });
});
