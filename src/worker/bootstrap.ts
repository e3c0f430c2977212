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

async function bootstrap(env: Env, exec: ExecutionContext, registry: Registry): Promise<void> {
  const def = registry.get("", "v1", "namespaces")!;
  await Promise.all(
    SYSTEM_NAMESPACES.map(async (name) => {
      const rc = restContext(env, exec, registry, def, { isResource: true, verb: "create", group: "", version: "v1", resource: "namespaces" }, SYSTEM);
      const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name } };
      try {
        await createObject(rc, ns);
      } catch (e) {
        if (!(e instanceof StatusError && e.reason === "AlreadyExists")) throw e;
      }
    }),
  );
}
