import { StatusError, errors } from "../../api/errors";
import type { Registry } from "../../api/registry/registry";
import type { ResourceDef } from "../../api/registry/types";
import type { UserInfo } from "../authn";
import type { Env } from "../env";
import { outputFormat } from "../negotiate";
import type { ResourceRequest } from "../request-info";
import { ResourceStorage } from "../storage";
import type { RestContext } from "./context";
import { handleDelete, handleDeleteCollection } from "./delete";
import { handleCreate } from "./create";
import { handlePatch } from "./patch";
import { handleGet, handleList } from "./read";
import { handleScale } from "./scale";
import { handleBinding } from "./binding";
import { handleEviction } from "./eviction";
import { handleUpdate } from "./update";
import { handleWatch } from "./watch";
import { fieldManagerFor } from "./managed-fields";

export function notFoundPath(): StatusError {
  return new StatusError(404, "NotFound", "the server could not find the requested resource");
}

export function restContext(
  env: Env,
  exec: ExecutionContext,
  registry: Registry,
  def: ResourceDef,
  info: ResourceRequest,
  user: UserInfo,
  query = new URLSearchParams(),
  accept: string | null = null,
  userAgent: string | null = `kube-apiserver/${user.username}`,
): RestContext {
  return {
    env,
    exec,
    registry,
    def,
    // Cluster-scoped objects have no namespace, whatever the URL's shape suggested.
    info: def.namespaced ? info : { ...info, namespace: undefined },
    storage: new ResourceStorage(env, def),
    query,
    user,
    format: outputFormat(accept),
    dryRun: query.getAll("dryRun").includes("All"),
    now: () => new Date(),
    warnings: [],
    fieldManager: fieldManagerFor(query, userAgent),
  };
}

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ["get", "update", "patch"],
  scale: ["get", "update", "patch"],
  finalize: ["update"],
  binding: ["create"],
  eviction: ["create"],
};

/** Serves one resource request, with any warnings the handlers gathered as Warning headers. */
export async function dispatch(rc: RestContext, request: Request): Promise<Response> {
  const response = await serve(rc, request);
  if (rc.warnings.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const w of rc.warnings) headers.append("warning", `299 - ${JSON.stringify(w)}`);
  return new Response(response.body, { status: response.status, headers });
}

/** The generic handler for every row of the registry. */
async function serve(rc: RestContext, request: Request): Promise<Response> {
  const { info, def } = rc;
  const dryRun = rc.query.getAll("dryRun");
  if (dryRun.some((v) => v !== "All")) {
    throw errors.badRequest(`dryRun: Unsupported value: "${dryRun.find((v) => v !== "All")}": supported values: "All"`);
  }
  if (info.subresource) {
    const allowed =
      (info.subresource === "status" && def.status) ||
      (info.subresource === "scale" && def.scale) ||
      (info.subresource === "finalize" && def.kind === "Namespace") ||
      ((info.subresource === "binding" || info.subresource === "eviction") && def.kind === "Pod" && def.group === "");
    if (!allowed) throw notFoundPath();
    if (!SUBRESOURCE_VERBS[info.subresource].includes(info.verb)) throw methodNotAllowed(request.method);
    if (info.subresource === "scale") return handleScale(rc, request);
    if (info.subresource === "binding") return handleBinding(rc, request);
    if (info.subresource === "eviction") return handleEviction(rc, request);
    if (info.verb === "get") return handleGet(rc);
    return info.verb === "update" ? handleUpdate(rc, request) : handlePatch(rc, request);
  }
  if (!def.verbs.includes(info.verb)) throw methodNotAllowed(request.method);
  if (def.namespaced && !rc.info.namespace && info.verb !== "list" && info.verb !== "watch") {
    throw notFoundPath();
  }
  switch (info.verb) {
    case "get":
      return handleGet(rc);
    case "list":
      return handleList(rc);
    case "watch":
      return handleWatch(rc);
    case "create":
      if (info.name) throw methodNotAllowed(request.method);
      return handleCreate(rc, request);
    case "update":
      return handleUpdate(rc, request);
    case "patch":
      return handlePatch(rc, request);
    case "delete":
      return handleDelete(rc, request);
    case "deletecollection":
      return handleDeleteCollection(rc, request);
  }
}

function methodNotAllowed(method: string): StatusError {
  return errors.methodNotAllowed(`the server does not allow this method on the requested resource (${method})`);
}
