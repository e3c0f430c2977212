import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestCluster, requireKubectl } from "./harness";

// Issue 3's apply, patch, diff and edit scenarios with the real kubectl and default validation.

const tc = new TestCluster();

const web = (replicas: number, image = "nginx:1.27") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: 80}]
        env: [{name: MODE, value: prod}]
`;

const getJson = async (args: string[]) => JSON.parse(await tc.ok([...args, "-o", "json"]));

beforeAll(async () => {
  requireKubectl();
  await tc.start();
});

afterAll(async () => {
  await tc.stop();
});

describe("client-side apply", () => {
  it("creates, leaves an unchanged object alone, and configures only what changed", async () => {
    const file = tc.file("web.yaml", web(2));
    expect(await tc.ok(["apply", "-f", file])).toBe("deployment.apps/web created\n");
    expect(await tc.ok(["apply", "-f", file])).toBe("deployment.apps/web unchanged\n");
    // Another manager sets a field the file does not mention.
    await tc.ok(["patch", "deploy", "web", "--type=merge", "-p", '{"spec":{"minReadySeconds":5}}']);
    const before = await getJson(["get", "deploy", "web"]);
    expect(await tc.ok(["apply", "-f", tc.file("web.yaml", web(3))])).toBe("deployment.apps/web configured\n");
    const after = await getJson(["get", "deploy", "web"]);
    expect(after.spec.replicas).toBe(3);
    expect(after.spec.minReadySeconds).toBe(5);
    expect(after.spec.template).toEqual(before.spec.template);
    expect(after.metadata.uid).toBe(before.metadata.uid);
  });

  it("patches with strategic merge (the default), JSON patch and merge patch", async () => {
    await tc.ok(["patch", "deploy", "web", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}}}']);
    const [c] = (await getJson(["get", "deploy", "web"])).spec.template.spec.containers;
    expect(c).toMatchObject({ name: "web", image: "nginx:2", ports: [{ containerPort: 80, protocol: "TCP" }], env: [{ name: "MODE", value: "prod" }] });
    await tc.ok(["patch", "deploy", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":4}]']);
    await tc.ok(["patch", "deploy", "web", "--type=merge", "-p", '{"metadata":{"annotations":{"team":"blue"}}}']);
    const d = await getJson(["get", "deploy", "web"]);
    expect(d.spec.replicas).toBe(4);
    expect(d.metadata.annotations.team).toBe("blue");
  });

  it("edits through $EDITOR, changing only what the editor changed", async () => {
    const before = await getJson(["get", "deploy", "web"]);
    const edit = await tc.kubectlEnv(["edit", "deploy", "web"], { EDITOR: "sed -i s/replicas:\\ 4/replicas:\\ 5/" });
    expect(edit.stdout).toBe("deployment.apps/web edited\n");
    const after = await getJson(["get", "deploy", "web"]);
    expect(after.spec.replicas).toBe(5);
    expect(after.spec.template).toEqual(before.spec.template);
  });

  it("sets images and env with `kubectl set`", async () => {
    expect(await tc.ok(["set", "image", "deploy/web", "web=nginx:3"])).toBe("deployment.apps/web image updated\n");
    expect(await tc.ok(["set", "env", "deploy/web", "LEVEL=debug"])).toBe("deployment.apps/web env updated\n");
    const [c] = (await getJson(["get", "deploy", "web"])).spec.template.spec.containers;
    expect(c.image).toBe("nginx:3");
    expect(c.env).toEqual([{ name: "MODE", value: "prod" }, { name: "LEVEL", value: "debug" }]);
  });

  it("diffs against a server dry run, exits 1, and stores nothing", async () => {
    const before = await getJson(["get", "deploy", "web"]);
    const diff = await tc.kubectl(["diff", "-f", tc.file("web-changed.yaml", web(7, "nginx:3"))]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^-\s+replicas: 5$/m);
    expect(diff.stdout).toMatch(/^\+\s+replicas: 7$/m);
    const after = await getJson(["get", "deploy", "web"]);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it("replaces, and replaces with --force", async () => {
    const current = await getJson(["get", "deploy", "web"]);
    current.spec.replicas = 1;
    expect(await tc.ok(["replace", "-f", tc.file("replace.json", JSON.stringify(current))])).toBe("deployment.apps/web replaced\n");
    const forced = await tc.ok(["replace", "--force", "-f", tc.file("web.yaml", web(2))]);
    expect(forced).toBe('deployment.apps "web" deleted\ndeployment.apps/web replaced\n');
    expect((await getJson(["get", "deploy", "web"])).metadata.uid).not.toBe(current.metadata.uid);
  });

  it("refuses unknown fields under default validation and warns with --validate=warn", async () => {
    const bad = web(1).replace("replicas: 1", "replicas: 1\n  replicaz: 9").replace("name: web\n  labels", "name: odd\n  labels");
    const strict = await tc.kubectl(["apply", "-f", tc.file("odd.yaml", bad)]);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toContain('strict decoding error: unknown field "spec.replicaz"');
    const warned = await tc.kubectl(["apply", "--validate=warn", "-f", tc.file("odd.yaml", bad)]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain('Warning: unknown field "spec.replicaz"');
    expect((await getJson(["get", "deploy", "odd"])).spec.replicaz).toBeUndefined();
  });
});

describe("prune and kustomize", () => {
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: {set: pruned}}\ndata: {k: v}\n`;

  it("prunes objects that left the applied set", async () => {
    await tc.ok(["apply", "-f", tc.file("set.yaml", `${cm("p1")}---\n${cm("p2")}`)]);
    const pruned = await tc.ok(["apply", "--prune", "-l", "set=pruned", "-f", tc.file("set.yaml", cm("p1"))]);
    expect(pruned).toContain("configmap/p1 unchanged");
    expect(pruned).toContain("configmap/p2 pruned");
    expect(await tc.ok(["get", "cm", "-l", "set=pruned", "-o", "name"])).toBe("configmap/p1\n");
  });

  it("applies a kustomization with -k", async () => {
    tc.file("kustomization.yaml", "namePrefix: k-\nresources: [kres.yaml]\n");
    tc.file("kres.yaml", cm("one"));
    expect(await tc.ok(["apply", "-k", tc.dir])).toBe("configmap/k-one created\n");
  });
});

describe("server-side apply", () => {
  const ssa = (replicas: number) => web(replicas).replace(/name: web\n {2}labels/, "name: ssa\n  labels");

  it("tracks managers, reports conflicts as kubectl expects, and takes over with --force-conflicts", async () => {
    expect(await tc.ok(["apply", "--server-side", "-f", tc.file("ssa.yaml", ssa(2))])).toBe("deployment.apps/ssa serverside-applied\n");
    const conflict = await tc.kubectl(["apply", "--server-side", "--field-manager=other", "-f", tc.file("ssa2.yaml", ssa(3))]);
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas');
    const forced = await tc.ok(["apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", tc.file("ssa2.yaml", ssa(3))]);
    expect(forced).toBe("deployment.apps/ssa serverside-applied\n");
    const yaml = await tc.ok(["get", "deploy", "ssa", "-o", "yaml", "--show-managed-fields"]);
    expect(yaml).toMatch(/manager: kubectl\n/);
    expect(yaml).toMatch(/manager: other\n/);
    expect((await getJson(["get", "deploy", "ssa"])).spec.replicas).toBe(3);
  });
});
