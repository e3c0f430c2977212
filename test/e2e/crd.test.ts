import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestCluster, requireKubectl } from "./harness";

// Custom resources, explain and wait, with the real kubectl.

const tc = new TestCluster();

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct], categories: [all]}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    additionalPrinterColumns:
    - {name: Spec, type: string, jsonPath: .spec.cronSpec}
    - {name: Replicas, type: integer, jsonPath: .spec.replicas}
    - {name: Mode, type: string, jsonPath: .spec.mode, priority: 1}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            description: What the cron tab runs and how often.
            required: [cronSpec, image]
            properties:
              cronSpec: {type: string, pattern: '^(\\S+\\s+){4}\\S+$', description: 'The schedule, in cron format.'}
              image: {type: string, description: The image to run.}
              replicas: {type: integer, minimum: 1, maximum: 10}
              mode: {type: string, enum: [fast, slow], default: slow}
          status:
            type: object
            properties:
              lastRun: {type: string}
`;

const tab = (name: string, spec: string) => `apiVersion: stable.example.com/v1
kind: CronTab
metadata: {name: ${name}}
spec: ${spec}
`;

beforeAll(async () => {
  requireKubectl();
  await tc.start();
});

afterAll(async () => {
  await tc.stop();
});

describe("CustomResourceDefinitions", () => {
  it("serves a new resource at once, with its printer columns", async () => {
    expect(await tc.ok(["apply", "-f", tc.file("crd.yaml", CRD)])).toBe("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n");
    await tc.ok(["wait", "--for=condition=Established", "crd/crontabs.stable.example.com", "--timeout=10s"]);
    expect(await tc.ok(["apply", "-f", tc.file("a.yaml", tab("a", '{cronSpec: "* * * * */5", image: my-cron, replicas: 2}'))])).toBe(
      "crontab.stable.example.com/a created\n",
    );
    const table = await tc.ok(["get", "crontabs"]);
    // Declared printer columns replace the default Age column, as upstream.
    expect(table).toMatch(/^NAME\s+SPEC\s+REPLICAS$/m);
    expect(table).toMatch(/^a\s+\* \* \* \* \*\/5\s+2$/m);
    expect(await tc.ok(["get", "ct", "-o", "wide"])).toMatch(/^a\s+\* \* \* \* \*\/5\s+2\s+slow$/m);
    const obj = JSON.parse(await tc.ok(["get", "crontab", "a", "-o", "json"]));
    expect(obj.spec.mode).toBe("slow");
    expect(await tc.ok(["api-resources", "--api-group=stable.example.com"])).toMatch(/^crontabs\s+ct\s+stable.example.com\/v1\s+true\s+CronTab$/m);
  });

  it("rejects an invalid custom resource, naming the field", async () => {
    const bad = await tc.kubectl(["apply", "-f", tc.file("bad.yaml", tab("bad", "{cronSpec: nope, image: x, replicas: 20, mode: medium}"))]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('The CronTab "bad" is invalid');
    expect(bad.stderr).toContain("spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10");
    expect(bad.stderr).toContain('spec.mode: Unsupported value: "medium": supported values: "fast", "slow"');
    const missing = await tc.kubectl(["apply", "-f", tc.file("missing.yaml", tab("missing", "{replicas: 1}"))]);
    expect(missing.stderr).toContain("spec.cronSpec: Required value");
  });

  it("explains custom and built-in kinds from the server's OpenAPI", async () => {
    const ct = await tc.ok(["explain", "crontab.spec"]);
    expect(ct).toMatch(/^GROUP:\s+stable.example.com$/m);
    expect(ct).toMatch(/^KIND:\s+CronTab$/m);
    expect(ct).toMatch(/^FIELD:\s+spec <Object>$/m);
    expect(ct).toMatch(/^\s+cronSpec\s+<string> -required-$/m);
    expect(ct).toContain("The schedule, in cron format.");
    const strategy = await tc.ok(["explain", "deployment.spec.strategy"]);
    expect(strategy).toMatch(/^GROUP:\s+apps$/m);
    expect(strategy).toMatch(/^FIELD:\s+strategy <DeploymentStrategy>$/m);
    expect(strategy).toMatch(/^\s+rollingUpdate\s+<RollingUpdateDeployment>$/m);
    expect(strategy).toMatch(/^\s+type\s+<string>$/m);
    const recursive = await tc.ok(["explain", "pods.spec.containers", "--recursive"]);
    expect(recursive).toMatch(/^\s+name\s+<string> -required-$/m);
    expect(recursive).toMatch(/^\s+ports\s+<\[\]ContainerPort>$/m);
    expect(recursive).toMatch(/^\s+containerPort\s+<integer> -required-$/m);
  });

  it("removes the custom resources with the CRD", async () => {
    expect(await tc.ok(["delete", "crd", "crontabs.stable.example.com"])).toBe(
      'customresourcedefinition.apiextensions.k8s.io "crontabs.stable.example.com" deleted\n',
    );
    const gone = await tc.kubectl(["get", "crontabs"]);
    expect(gone.code).not.toBe(0);
    // Recreating the CRD must not bring the old objects back.
    await tc.ok(["apply", "-f", tc.file("crd.yaml", CRD)]);
    await tc.ok(["wait", "--for=condition=Established", "crd/crontabs.stable.example.com", "--timeout=10s"]);
    expect(await tc.ok(["get", "crontabs", "-o", "name"])).toBe("");
  });
});

describe("wait, sorting, columns and events", () => {
  it("waits for a jsonpath value that another client sets", async () => {
    await tc.ok(["create", "configmap", "app", "--from-literal=a=1"]);
    const waiting = tc.kubectl(["wait", "--for=jsonpath={.data.a}=2", "cm/app", "--timeout=10s"]);
    await new Promise((r) => setTimeout(r, 1000));
    await tc.ok(["patch", "cm", "app", "--type=merge", "-p", '{"data":{"a":"2"}}']);
    const done = await waiting;
    expect(done.stdout).toBe("configmap/app condition met\n");
    const deleting = tc.kubectl(["wait", "--for=delete", "cm/app", "--timeout=10s"]);
    await tc.ok(["delete", "cm", "app", "--wait=false"]);
    expect((await deleting).code).toBe(0);
  });

  it("sorts and prints custom columns", async () => {
    await tc.ok(["create", "configmap", "zeta", "--from-literal=k=v"]);
    await tc.ok(["create", "configmap", "alpha", "--from-literal=k=v", "--from-literal=j=w"]);
    const sorted = await tc.ok(["get", "cm", "zeta", "alpha", "--sort-by=.metadata.name", "-o", "custom-columns=NAME:.metadata.name,KEYS:.data"]);
    expect(sorted).toMatch(/^NAME\s+KEYS\nalpha\s+map\[j:w k:v\]\nzeta\s+map\[k:v\]\n$/);
  });

  it("lists events with `kubectl events`", async () => {
    await tc.ok(["create", "-f", tc.file("ev.yaml", `apiVersion: v1
kind: Event
metadata: {name: hello.1}
involvedObject: {kind: ConfigMap, name: zeta, namespace: default}
reason: Tested
message: an event for the test
type: Normal
`)]);
    const out = await tc.ok(["events"]);
    expect(out).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/m);
    expect(out).toMatch(/Normal\s+Tested\s+ConfigMap\/zeta\s+an event for the test/);
  });
});
