import { errors } from "../../api/errors";
import type { ListRequest } from "../../durable-objects/store/contract";
import { compileSelection } from "../../durable-objects/store/selection";
import { renderList, renderObject } from "../respond";
import type { RestContext } from "./context";

export async function getObject(rc: RestContext) {
  const obj = await rc.storage.get(rc.info.namespace, rc.info.name!);
  if (!obj) throw errors.notFound(rc.def.group, rc.def.plural, rc.info.name!);
  return obj;
}

export async function handleGet(rc: RestContext): Promise<Response> {
  return renderObject(rc, await getObject(rc));
}

/** The list/watch query parameters, checked as upstream checks them. */
export function listRequest(rc: RestContext): ListRequest {
  const q = rc.query;
  const req: ListRequest = rc.storage.selection(rc.info.namespace, {
    labelSelector: q.get("labelSelector") ?? undefined,
    fieldSelector: q.get("fieldSelector") ?? undefined,
  });
  compileSelection(req);
  const limit = q.get("limit");
  if (limit) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 0) throw errors.badRequest(`limit must be a non-negative integer, got "${limit}"`);
    req.limit = n;
  }
  const cont = q.get("continue");
  const rv = q.get("resourceVersion");
  const match = q.get("resourceVersionMatch");
  if (cont) {
    if (rv && rv !== "0") throw errors.badRequest("specifying resource version is not allowed when using continue");
    req.continue = cont;
  }
  if (rv) req.resourceVersion = rv;
  if (match) {
    if (match !== "Exact" && match !== "NotOlderThan") {
      throw errors.badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`);
    }
    if (!rv) throw errors.badRequest("resourceVersionMatch is forbidden unless resourceVersion is provided");
    if (match === "Exact" && rv === "0") throw errors.badRequest('resourceVersionMatch "Exact" is forbidden for resourceVersion "0"');
    req.resourceVersionMatch = match;
  }
  return req;
}

export async function handleList(rc: RestContext): Promise<Response> {
  const result = await rc.storage.list(listRequest(rc));
  return renderList(rc, result.items, result);
}
