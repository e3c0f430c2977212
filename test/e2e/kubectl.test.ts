import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestCluster, requireKubectl } from "./harness";

// The scenarios, run with the real kubectl against a cluster started as `npm start` starts it.

const tc = new TestCluster();

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: {app: shop, env: a}
spec:
  replicas: 1
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      containers:
      - name: shop
        image: nginx:1.27
        ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: shop
  labels: {app: shop, env: b}
spec:
  selector: {app: shop}
  ports: [{port: 80, targetPort: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-config
  labels: {app: shop, env: c}
data:
  mode: production
`;

beforeAll(async () => {
  requireKubectl();
  await tc.start();
});

afterAll(async () => {
  await tc.stop();
});

describe("kubectl against kubeflare", () => {
  it("reports its version, API resources and versions, and cluster info", async () => {
    const version = JSON.parse(await tc.ok(["version", "-o", "json"]));
    expect(version.serverVersion).toMatchObject({ major: "1", minor: "32" });
    const resources = await tc.ok(["api-resources"]);
    expect(resources).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/m);
    expect(resources).toMatch(/^configmaps\s+cm\s+v1\s+true\s+ConfigMap$/m);
    expect(resources).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(resources).toMatch(/^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    expect(resources).toMatch(/^customresourcedefinitions\s+crd,crds\s+apiextensions.k8s.io\/v1\s+false\s+CustomResourceDefinition$/m);
    const wide = await tc.ok(["api-resources", "-o", "wide", "--api-group=apps"]);
    expect(wide).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment\s+create,delete,deletecollection,get,list,patch,update,watch\s+all$/m);
    const versions = (await tc.ok(["api-versions"])).trim().split("\n");
    expect(versions).toEqual(expect.arrayContaining(["v1", "apps/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2", "rbac.authorization.k8s.io/v1"]));
    const info = await tc.ok(["cluster-info"]);
    expect(info).toContain(`Kubernetes control plane is running at ${tc.cluster.url}`);
  });

  it("creates with generators (protobuf bodies) and from a multi-document file", async () => {
    expect(await tc.ok(["create", "namespace", "demo"])).toBe("namespace/demo created\n");
    expect(await tc.ok(["-n", "demo", "create", "configmap", "app", "--from-literal=a=1"])).toBe("configmap/app created\n");
    expect(await tc.ok(["-n", "demo", "create", "secret", "generic", "s", "--from-literal=p=x"])).toBe("secret/s created\n");
    expect(await tc.ok(["-n", "demo", "create", "deployment", "web", "--image=nginx", "--replicas=2"])).toBe("deployment.apps/web created\n");
    expect(await tc.ok(["-n", "demo", "create", "service", "clusterip", "web", "--tcp=80:8080"])).toBe("service/web created\n");
    expect(await tc.ok(["-n", "demo", "create", "job", "j", "--image=busybox"])).toBe("job.batch/j created\n");
    const applied = await tc.ok(["-n", "demo", "apply", "-f", tc.file("shop.yaml", MANIFEST)]);
    expect(applied).toBe("deployment.apps/shop created\nservice/shop created\nconfigmap/shop-config created\n");
    const secret = JSON.parse(await tc.ok(["-n", "demo", "get", "secret", "s", "-o", "json"]));
    expect(secret).toMatchObject({ type: "Opaque", data: { p: "eA==" } });
    const deploy = JSON.parse(await tc.ok(["-n", "demo", "get", "deploy", "web", "-o", "json"]));
    expect(deploy.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: "web" } }, strategy: { type: "RollingUpdate" } });
    expect(deploy.spec.template.spec.containers[0]).toMatchObject({ name: "nginx", image: "nginx", imagePullPolicy: "Always" });
  });

  it("prints upstream's columns and honours output flags and selectors", async () => {
    const out = await tc.ok(["get", "pods,deploy,svc,cm", "-n", "demo"]);
    expect(out).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m);
    // No nodes in this suite: the pods the controllers create stay Pending.
    expect(out).toMatch(/^deployment\.apps\/web\s+0\/2\s+\d\s+0\s+\d+s$/m);
    expect(out).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/m);
    expect(out).toMatch(/^service\/web\s+ClusterIP\s+\S+\s+<none>\s+80\/TCP\s+\d+s$/m);
    expect(out).toMatch(/^NAME\s+DATA\s+AGE$/m);
    expect(out).toMatch(/^configmap\/app\s+1\s+\d+s$/m);

    const wide = await tc.ok(["get", "deploy", "-n", "demo", "-o", "wide"]);
    expect(wide).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/m);
    expect(wide).toMatch(/^web\s+0\/2\s+\d\s+0\s+\d+s\s+nginx\s+nginx\s+app=web$/m);

    expect(await tc.ok(["get", "cm", "app", "-n", "demo", "-o", "yaml"])).toMatch(/^data:\n {2}a: "1"\nkind: ConfigMap\n/m);
    expect(JSON.parse(await tc.ok(["get", "cm", "app", "-n", "demo", "-o", "json"])).data).toEqual({ a: "1" });
    expect(await tc.ok(["get", "cm", "app", "-n", "demo", "-o", "jsonpath={.data.a}"])).toBe("1");
    expect(await tc.ok(["get", "deploy,cm", "-n", "demo", "-o", "name"])).toBe(
      "deployment.apps/shop\ndeployment.apps/web\nconfigmap/app\nconfigmap/shop-config\n",
    );
    expect(await tc.ok(["get", "deploy", "web", "-n", "demo", "--show-labels"])).toMatch(/^web\s+0\/2\s+\d\s+0\s+\d+s\s+app=web$/m);
    expect(await tc.ok(["get", "deploy", "-n", "demo", "-l", "app=web", "-o", "name"])).toBe("deployment.apps/web\n");
    expect(await tc.ok(["get", "all,cm", "-n", "demo", "-l", "env in (a,b)", "-o", "name"])).toBe("service/shop\ndeployment.apps/shop\n");
    expect(await tc.ok(["get", "deploy,svc", "-n", "demo", "--field-selector", "metadata.name=web", "-o", "name"])).toBe(
      "deployment.apps/web\nservice/web\n",
    );
    const all = await tc.ok(["get", "ns", "-A"]);
    expect(all).toMatch(/^NAME\s+STATUS\s+AGE$/m);
    for (const ns of ["default", "kube-system", "kube-public", "kube-node-lease", "demo"]) expect(all).toMatch(new RegExp(`^${ns}\\s+Active\\s+`, "m"));
    const allCm = await tc.ok(["get", "cm", "-A"]);
    expect(allCm).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE$/m);
    expect(allCm).toMatch(/^demo\s+app\s+1\s+\d+s$/m);
    const chunked = await tc.ok(["get", "cm", "-n", "demo", "--chunk-size=1", "-o", "name"]);
    expect(chunked).toBe("configmap/app\nconfigmap/shop-config\n");
  });

  it("streams ADDED then MODIFIED lines to `get -w`", async () => {
    // A bounded watch: kubectl prints the current object, then the change made while it watches.
    const watching = tc.kubectl(["get", "cm", "app", "-n", "demo", "-w", "--output-watch-events", "--request-timeout=6s"]);
    await new Promise((r) => setTimeout(r, 2500));
    await tc.ok(["-n", "demo", "label", "cm", "app", "watched=yes"]);
    const { stdout } = await watching;
    expect(stdout).toMatch(/^EVENT\s+NAME\s+DATA\s+AGE\nADDED\s+app\s+1\s+\d+s\nMODIFIED\s+app\s+1\s+\d+s\n$/);
  });

  it("labels, annotates, describes and deletes", async () => {
    expect(await tc.ok(["-n", "demo", "label", "cm", "app", "tier=web"])).toBe("configmap/app labeled\n");
    const again = await tc.kubectl(["-n", "demo", "label", "cm", "app", "tier=db"]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("'tier' already has a value (web), and --overwrite is false");
    expect(await tc.ok(["-n", "demo", "label", "cm", "app", "tier=db", "--overwrite"])).toBe("configmap/app labeled\n");
    expect(await tc.ok(["-n", "demo", "annotate", "cm", "app", "note=hi"])).toBe("configmap/app annotated\n");
    const annotated = await tc.kubectl(["-n", "demo", "annotate", "cm", "app", "note=bye"]);
    expect(annotated.stderr).toContain("--overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)");
    expect(await tc.ok(["-n", "demo", "annotate", "cm", "app", "note=bye", "--overwrite"])).toBe("configmap/app annotated\n");
    const cm = JSON.parse(await tc.ok(["-n", "demo", "get", "cm", "app", "-o", "json"]));
    expect(cm.metadata.labels).toMatchObject({ tier: "db" });
    expect(cm.metadata.annotations).toEqual({ note: "bye" });

    expect(await tc.ok(["describe", "namespace", "demo"])).toMatch(/^Name:\s+demo\n[\s\S]*^Status:\s+Active$/m);
    const describedCm = await tc.ok(["-n", "demo", "describe", "configmap", "app"]);
    expect(describedCm).toMatch(/^Name:\s+app$/m);
    expect(describedCm).toMatch(/^Namespace:\s+demo$/m);
    expect(describedCm).toMatch(/^a:\n----\n1$/m);
    const describedDeploy = await tc.ok(["-n", "demo", "describe", "deployment", "web"]);
    expect(describedDeploy).toMatch(/^Replicas:\s+2 desired \| \d updated \| \d total \| 0 available \| \d unavailable$/m);
    expect(describedDeploy).toMatch(/^StrategyType:\s+RollingUpdate$/m);

    await tc.ok(["-n", "demo", "create", "configmap", "x1", "--from-literal=k=v"]);
    await tc.ok(["-n", "demo", "create", "configmap", "x2", "--from-literal=k=v"]);
    await tc.ok(["-n", "demo", "label", "cm", "x1", "x2", "group=x"]);
    expect(await tc.ok(["-n", "demo", "delete", "cm", "x1"])).toBe('configmap "x1" deleted\n');
    expect(await tc.ok(["-n", "demo", "delete", "cm", "-l", "group=x"])).toBe('configmap "x2" deleted\n');
    expect(await tc.ok(["-n", "demo", "delete", "-f", tc.file("shop.yaml", MANIFEST)])).toBe(
      'deployment.apps "shop" deleted\nservice "shop" deleted\nconfigmap "shop-config" deleted\n',
    );
    expect(await tc.ok(["-n", "demo", "delete", "secret", "--all"])).toBe('secret "s" deleted\n');
  });

  it("reports AlreadyExists, Invalid and Conflict as upstream does", async () => {
    const exists = await tc.kubectl(["-n", "demo", "create", "configmap", "app"]);
    expect(exists.stderr.trim()).toBe('error: failed to create configmap: configmaps "app" already exists');
    const invalid = await tc.kubectl(["-n", "demo", "create", "configmap", "Bad_Name"]);
    expect(invalid.stderr).toContain('error: failed to create configmap: ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
    const current = JSON.parse(await tc.ok(["-n", "demo", "get", "cm", "app", "-o", "json"]));
    await tc.ok(["-n", "demo", "label", "cm", "app", "bump=1"]);
    current.data = { a: "stale" };
    const conflict = await tc.kubectl(["replace", "-f", tc.file("stale.json", JSON.stringify(current))]);
    expect(conflict.stderr).toContain(
      'Operation cannot be fulfilled on configmaps "app": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it("keeps every object across a restart, with the same uid and resourceVersion", async () => {
    const before = JSON.parse(await tc.ok(["-n", "demo", "get", "cm,deploy", "-o", "json"]));
    await tc.stop();
    await tc.start();
    const after = JSON.parse(await tc.ok(["-n", "demo", "get", "cm,deploy", "-o", "json"]));
    const ids = (list: { items: { metadata: { name: string; uid: string; resourceVersion: string } }[] }) =>
      list.items.map((i) => [i.metadata.name, i.metadata.uid, i.metadata.resourceVersion]);
    expect(ids(after)).toEqual(ids(before));
    expect(ids(after).length).toBeGreaterThan(1);
  });

  it("deletes a namespace and everything in it", async () => {
    expect(await tc.ok(["delete", "ns", "demo"])).toBe('namespace "demo" deleted\n');
    const gone = await tc.kubectl(["get", "ns", "demo"]);
    expect(gone.stderr.trim()).toBe('Error from server (NotFound): namespaces "demo" not found');
    expect(await tc.ok(["get", "cm", "-n", "demo", "-o", "name"])).toBe("");
  });
});
