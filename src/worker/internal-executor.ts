import { StatusError, type Status } from "../api/errors";
import type { KubeObject } from "../api/object";
import { apiVersionOf } from "../api/registry/registry";
import type { ResourceDef } from "../api/registry/types";
import type { Executor } from "../controllers/runtime/loop";
import type { Action, Resource } from "../controllers/types";
import type { Env } from "./env";
import { currentRegistry } from "./registry";
import { ResourceStorage } from "./storage";

const PATCH_TYPES = { merge: "application/merge-patch+json", json: "application/json-patch+json", strategic: "application/strategic-merge-patch+json" };

/** The REST path of a resource (or one object, or its subresource). */
export function resourcePath(def: ResourceDef, namespace?: string, name?: string, subresource?: string): string {
  const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  let path = def.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${def.plural}` : `${base}/${def.plural}`;
  if (name) path += `/${encodeURIComponent(name)}`;
  if (subresource) path += `/${subresource}`;
  return path;
}

type Fetch = (request: Request, env: Env, exec: ExecutionContext) => Response | Promise<Response>;

/**
 * Controllers' writes go through the same pipeline as kubectl's (authentication, admission,
 * validation), called in-process; their reads go straight to the stores.
 */
export class InternalExecutor implements Executor {
  constructor(
    private readonly env: Env,
    private readonly exec: ExecutionContext,
    private readonly fetch: Fetch,
    private readonly userAgent: string,
  ) {}

  private async def(resource: Resource): Promise<ResourceDef> {
    const def = (await currentRegistry(this.env)).byQualifiedName(resource);
    if (!def) throw new StatusError(404, "NotFound", `the server could not find the requested resource (${resource})`);
    return def;
  }

  async run(action: Action): Promise<KubeObject | undefined> {
    const def = await this.def(action.resource);
    let method: string;
    let path: string;
    let body: unknown;
    let contentType = "application/json";
    switch (action.verb) {
      case "create":
        method = "POST";
        path = resourcePath(def, action.namespace ?? action.object.metadata.namespace, action.subresource ? action.name : undefined, action.subresource);
        body = action.subresource ? action.object : { apiVersion: apiVersionOf(def), kind: def.kind, ...action.object };
        break;
      case "update":
        method = "PUT";
        path = resourcePath(def, action.object.metadata.namespace, action.object.metadata.name, action.subresource);
        body = action.object;
        break;
      case "patch":
        method = "PATCH";
        path = resourcePath(def, action.namespace, action.name, action.subresource);
        body = action.patch;
        contentType = PATCH_TYPES[action.patchType];
        break;
      case "delete":
        method = "DELETE";
        path = resourcePath(def, action.namespace, action.name);
        body = { kind: "DeleteOptions", apiVersion: "v1", preconditions: action.preconditions, propagationPolicy: action.propagationPolicy, gracePeriodSeconds: action.gracePeriodSeconds };
        break;
    }
    const request = new Request(`https://kube-controller-manager.internal${path}`, {
      method,
      headers: { authorization: `Bearer ${this.env.ADMIN_TOKEN}`, "content-type": contentType, "user-agent": this.userAgent },
      body: JSON.stringify(body),
    });
    const response = await this.fetch(request, this.env, this.exec);
    const answer = (await response.json()) as KubeObject & Partial<Status>;
    if (!response.ok) {
      throw new StatusError(response.status, answer.reason ?? "InternalError", answer.message ?? response.statusText, answer.details);
    }
    return answer.kind === def.kind ? answer : undefined;
  }

  async get(resource: Resource, namespace: string | undefined, name: string): Promise<KubeObject | undefined> {
    return (await new ResourceStorage(this.env, await this.def(resource)).get(namespace, name)) ?? undefined;
  }

  async list(resource: Resource): Promise<{ items: KubeObject[]; resourceVersion: string }> {
    const storage = new ResourceStorage(this.env, await this.def(resource));
    const { items, resourceVersion } = await storage.list(storage.selection(undefined, {}));
    return { items, resourceVersion };
  }
}
