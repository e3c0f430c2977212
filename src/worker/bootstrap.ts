import { StatusError } from "../api/errors";
import type { KubeObject } from "../api/object";
import type { Registry } from "../api/registry/registry";
import type { UserInfo } from "./authn";
import type { Env } from "./env";
import { restContext } from "./rest/dispatch";
import { createObject } from "./rest/write";

/** Namespaces every cluster has from the start. */
export const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

const SYSTEM: UserInfo = { username: "system:apiserver", groups: ["system:masters"] };

let done: Promise<void> | undefined;

/** Creates what a new cluster needs, once per isolate; creating what exists is a no-op. */
export function ensureBootstrapped(env: Env, exec: ExecutionContext, registry: Registry): Promise<void> {
  done ??= bootstrap(env, exec, registry).catch((e) => {
    done = undefined;
    throw e;
  });
  return done;
}

/** What a new cluster has besides its namespaces: the API's own Service and a default StorageClass. */
const BOOTSTRAP_OBJECTS: [resource: string, object: KubeObject][] = [
  [
    "services",
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
      spec: { type: "ClusterIP", clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] },
    },
  ],
  [
    "storageclasses.storage.k8s.io",
    {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "kubeflare.io/hostpath",
      reclaimPolicy: "Delete",
      volumeBindingMode: "Immediate",
    },
  ],
];

/** Creates `obj` unless it exists. */
async function ensure(env: Env, exec: ExecutionContext, registry: Registry, resource: string, obj: KubeObject): Promise<void> {
  const def = registry.byQualifiedName(resource)!;
  const info = { isResource: true as const, verb: "create" as const, group: def.group, version: def.version, resource: def.plural, namespace: obj.metadata.namespace };
  try {
    await createObject(restContext(env, exec, registry, def, info, SYSTEM), obj);
  } catch (e) {
    if (!(e instanceof StatusError && e.reason === "AlreadyExists")) throw e;
  }
}

async function bootstrap(env: Env, exec: ExecutionContext, registry: Registry): Promise<void> {
  await Promise.all(SYSTEM_NAMESPACES.map((name) => ensure(env, exec, registry, "namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name } })));
  await Promise.all(BOOTSTRAP_OBJECTS.map(([resource, obj]) => ensure(env, exec, registry, resource, obj)));
}
