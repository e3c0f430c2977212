import { errors } from "../../api/errors";
import { isObject, type KubeObject } from "../../api/object";
import { apiVersionOf } from "../../api/registry/registry";
import { decodeBody, mediaKind, readBody, type MediaKind } from "../negotiate";
import type { RestContext } from "./context";

/** Reads a body of one of the allowed media kinds; anything else is 415. */
export async function readTyped(request: Request, allowed: MediaKind[]): Promise<{ kind: MediaKind; data: unknown }> {
  const kind = mediaKind(request.headers.get("content-type"));
  if (!kind || !allowed.includes(kind)) throw errors.unsupportedMediaType();
  return { kind, data: decodeBody(await readBody(request), kind) };
}

/** A full object for create or update: type metadata must name this endpoint's group/version/kind. */
export async function readObject(rc: RestContext, request: Request): Promise<KubeObject> {
  const { data } = await readTyped(request, ["json", "yaml", "protobuf"]);
  return checkObject(rc, data);
}

export function checkObject(rc: RestContext, data: unknown): KubeObject {
  if (!isObject(data)) throw errors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(data) ?? ""}'`);
  const expected = apiVersionOf(rc.def);
  if (data.apiVersion !== undefined && data.apiVersion !== expected) {
    throw errors.badRequest(`the API version in the data (${data.apiVersion}) does not match the expected API version (${expected})`);
  }
  if (data.kind !== undefined && data.kind !== rc.def.kind) {
    throw errors.badRequest(`the kind in the data (${data.kind}) does not match the expected kind (${rc.def.kind})`);
  }
  if (data.metadata !== undefined && !isObject(data.metadata)) {
    throw errors.badRequest("metadata: expected an object");
  }
  const obj = { ...data, apiVersion: expected, kind: rc.def.kind, metadata: { ...(data.metadata ?? {}) } } as KubeObject;
  placeInNamespace(rc, obj);
  return obj;
}

/** The URL decides the namespace; a body that names another one is refused, as upstream. */
function placeInNamespace(rc: RestContext, obj: KubeObject): void {
  const meta = obj.metadata;
  if (!rc.def.namespaced) {
    delete meta.namespace;
    return;
  }
  if (meta.namespace && rc.info.namespace && meta.namespace !== rc.info.namespace) {
    throw errors.badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  if (rc.info.namespace) meta.namespace = rc.info.namespace;
}
