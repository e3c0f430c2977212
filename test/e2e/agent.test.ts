import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgent, type Agent } from "../../src/node-agent";
import { eventually, requireKubectl, TestCluster } from "./harness";

// kubeflare-agent with the fake runtime against the real control plane, checked with the real kubectl.
// No scheduler is assumed: pods name their node in spec.nodeName.

const tc = new TestCluster();
let agent: Agent;
const lines: string[] = [];


const pod = (name: string, node: string, restartPolicy = "Always") =>
  JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { nodeName: node, restartPolicy, containers: [{ name: "main", image: "nginx:1.25" }] } });
const getJson = async (args: string[]) => JSON.parse(await tc.ok([...args, "-o", "json"]));
const start = () =>
  startAgent({ kubeconfig: tc.cluster.kubeconfig, nodeName: "fake", nodes: 3, allocatePodCidr: true, jobDurationMs: 500, heartbeatMs: 1000, log: (l) => lines.push(l) });

beforeAll(async () => {
  requireKubectl();
  await tc.start();
  agent = await start();
});

afterAll(async () => {
  await agent?.stop();
  await tc.stop();
});

describe("kubeflare-agent with the fake runtime", () => {
  it("registers 3 Ready nodes that kubectl lists with upstream's columns", async () => {
    const out = await tc.ok(["get", "nodes"]);
    expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    for (const n of ["fake-0", "fake-1", "fake-2"]) expect(out).toMatch(new RegExp(`^${n}\\s+Ready\\s+<none>\\s+\\S+\\s+v1\\.32\\.0-kubeflare$`, "m"));
    const node = await getJson(["get", "node", "fake-1"]);
    expect(node.metadata.labels).toMatchObject({ "kubernetes.io/hostname": "fake-1", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "node.kubernetes.io/instance-type": "kubeflare-fake" });
    expect(node.status.capacity).toEqual({ cpu: "8", memory: "32Gi", pods: "110", "ephemeral-storage": "100Gi" });
    expect(node.status.addresses).toEqual([{ type: "InternalIP", address: "10.0.0.2" }, { type: "Hostname", address: "fake-1" }]);
    expect(node.spec.podCIDR).toMatch(/^10\.244\.\d+\.0\/24$/);
    expect(lines.filter((l) => /^node fake-\d registered/.test(l))).toHaveLength(3);
  });

  it("keeps a Lease per node in kube-node-lease and renews it", async () => {
    const out = await tc.ok(["get", "leases", "-n", "kube-node-lease"]);
    for (const n of ["fake-0", "fake-1", "fake-2"]) expect(out).toMatch(new RegExp(`^${n}\\s+${n}\\s+`, "m"));
    const before = (await getJson(["get", "lease", "-n", "kube-node-lease", "fake-0"])).spec;
    expect(before).toMatchObject({ holderIdentity: "fake-0", leaseDurationSeconds: 40 });
    expect(before.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    await eventually("a renewal", async () => (await getJson(["get", "lease", "-n", "kube-node-lease", "fake-0"])).spec.renewTime > before.renewTime);
  });

  it("runs a pod bound to a node: Running with an IP from the node's podCIDR", async () => {
    await tc.ok(["create", "-f", "-"], pod("web", "fake-1"));
    await tc.ok(["wait", "--for=condition=Ready", "pod/web", "--timeout=15s"]);
    const wide = await tc.ok(["get", "pod", "web", "-o", "wide"]);
    expect(wide).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\n/);
    const [, ip] = wide.match(/^web\s+1\/1\s+Running\s+0\s+\S+\s+(\d+\.\d+\.\d+\.\d+)\s+fake-1\s+<none>\s+<none>$/m) ?? [];
    const cidr = (await getJson(["get", "node", "fake-1"])).spec.podCIDR as string;
    expect(ip?.split(".").slice(0, 3).join(".")).toBe(cidr.split(".").slice(0, 3).join("."));
    const status = (await getJson(["get", "pod", "web"])).status;
    expect(status).toMatchObject({ phase: "Running", hostIP: "10.0.0.2", podIP: ip, qosClass: "BestEffort" });
    expect(status.containerStatuses[0]).toMatchObject({ name: "main", ready: true, started: true, restartCount: 0, image: "docker.io/library/nginx:1.25" });
    expect(lines).toContain(`fake-1: pod default/web started (${ip})`);
  });

  it("completes a restartPolicy Never pod", async () => {
    await tc.ok(["create", "-f", "-"], pod("once", "fake-2", "Never"));
    await eventually("Completed", async () => /^once\s+0\/1\s+Completed\s+0\s+/m.test(await tc.ok(["get", "pod", "once"])));
    const status = (await getJson(["get", "pod", "once"])).status;
    expect(status.phase).toBe("Succeeded");
    expect(status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
  });

  it("stops and removes a deleted pod", async () => {
    const started = Date.now();
    await tc.ok(["delete", "pod", "web", "--timeout=15s"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    const r = await tc.kubectl(["get", "pod", "web"]);
    expect(r.stderr).toContain('pods "web" not found');
    expect(lines).toContain("fake-1: pod default/web stopped");
  });

  it("adopts its pods after a restart without rewriting them", async () => {
    await tc.ok(["create", "-f", "-"], pod("steady", "fake-0"));
    await tc.ok(["wait", "--for=condition=Ready", "pod/steady", "--timeout=15s"]);
    const before = await getJson(["get", "pod", "steady"]);
    await agent.stop();
    agent = await start();
    await tc.ok(["create", "-f", "-"], pod("fresh", "fake-0"));
    await tc.ok(["wait", "--for=condition=Ready", "pod/fresh", "--timeout=15s"]);
    const after = await getJson(["get", "pod", "steady"]);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    const fresh = await getJson(["get", "pod", "fresh"]);
    expect(fresh.status.podIP).not.toBe(after.status.podIP);
    expect((await tc.ok(["get", "nodes"])).match(/\sReady\s/g)).toHaveLength(3);
  });
});
