import { StatusError, errors } from "../../api/errors";
import { isObject, type KubeObject } from "../../api/object";
import { jsonPatch } from "../../api/patch/json-patch";
import { mergePatch } from "../../api/patch/merge";
import { strategicMergePatch } from "../../api/patch/strategic";
import type { ResourceDef } from "../../api/registry/types";
import { renderObject, served } from "../respond";
import { handleApply } from "./apply";
import type { RestContext } from "./context";
import { checkObject, readTyped } from "./decode";
import { updateObject } from "./write";
import { noSchemas } from "./managed-fields";

/** Upstream's answer to a strategic merge patch on a kind without patch metadata (custom resources). */
function noStrategicMerge(): StatusError {
  return new StatusError(
    415,
    "UnsupportedMediaType",
    "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
  );
}

/** Applies a decoded patch of the given kind to an object as the client sees it. */
export function applyPatch(def: Pick<ResourceDef, "schema" | "strategicMerge">, kind: string, target: KubeObject, patch: unknown): unknown {
  switch (kind) {
    case "merge-patch":
      if (!isObject(patch)) throw errors.badRequest("the patch must be a JSON object");
      return mergePatch(target, patch);
    case "json-patch":
      return jsonPatch(target, patch);
    case "strategic-merge-patch":
      if (!def.strategicMerge) throw noStrategicMerge();
      if (!isObject(patch)) throw errors.badRequest("the patch must be a JSON object");
      return strategicMergePatch(target, patch, def.schema?.root, def.schema?.source ?? noSchemas);
    default:
      throw errors.unsupportedMediaType();
  }
}

/** PATCH on a resource or its /status: patch the current object, then the shared update path. */
export async function handlePatch(rc: RestContext, request: Request): Promise<Response> {
  const { kind, data } = await readTyped(request, ["merge-patch", "json-patch", "strategic-merge-patch", "apply-patch"]);
  if (kind === "apply-patch") return handleApply(rc, data);
  const name = rc.info.name!;
  const requested = isObject(data) && isObject(data.metadata) && typeof data.metadata.resourceVersion === "string" ? data.metadata.resourceVersion : undefined;
  const updated = await updateObject(rc, name, (current) => {
    const patched = checkObject(rc, applyPatch(rc.def, kind, served(rc.def, current), data));
    if (patched.metadata.name !== name) throw errors.badRequest("the name of the object cannot be changed by a patch");
    return patched;
  }, { resourceVersion: requested });
  return renderObject(rc, updated);
}
