import { CoreV1Api, KubeConfig, makeInformer, type V1ConfigMap } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestCluster, requireKubectl } from "./harness";

// A second real client, unchanged: client-node's informer lists, then watches from the list's
// resourceVersion, and must see what kubectl does.

const tc = new TestCluster();

beforeAll(async () => {
  requireKubectl();
  await tc.start();
  await tc.ok(["create", "namespace", "inform"]);
  await tc.ok(["-n", "inform", "create", "configmap", "before", "--from-literal=a=1"]);
});

afterAll(async () => {
  await tc.stop();
});

function waitFor<T>(events: T[], pred: (e: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const hit = events.find(pred);
      if (hit) {
        clearInterval(poll);
        resolve(hit);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`not seen; got ${JSON.stringify(events)}`));
      }
    }, 50);
  });
}

describe("@kubernetes/client-node informer", () => {
  it("lists, then sees creates, updates and deletes made with kubectl", async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(tc.cluster.kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1ConfigMap>(kc, "/api/v1/namespaces/inform/configmaps", () =>
      core.listNamespacedConfigMap({ namespace: "inform" }),
    );
    const seen: [string, string, string | undefined][] = [];
    for (const verb of ["add", "update", "delete"] as const) {
      informer.on(verb, (cm) => seen.push([verb, cm.metadata!.name!, cm.data?.a]));
    }
    const errors: unknown[] = [];
    informer.on("error", (e) => errors.push(e));
    await informer.start();
    try {
      await waitFor(seen, ([v, n]) => v === "add" && n === "before");
      await tc.ok(["-n", "inform", "create", "configmap", "made", "--from-literal=a=1"]);
      await waitFor(seen, ([v, n]) => v === "add" && n === "made");
      await tc.ok(["-n", "inform", "patch", "configmap", "made", "--type=merge", "-p", '{"data":{"a":"2"}}']);
      await waitFor(seen, ([v, n, a]) => v === "update" && n === "made" && a === "2");
      await tc.ok(["-n", "inform", "delete", "configmap", "made"]);
      await waitFor(seen, ([v, n]) => v === "delete" && n === "made");
      expect(informer.list("inform").map((c) => c.metadata!.name)).toEqual(["before"]);
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });
});
