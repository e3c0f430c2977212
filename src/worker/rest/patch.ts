import { StatusError, errors } from "../../api/errors";
import { isObject, type KubeObject } from "../../api/object";
import { jsonPatch } from "../../api/patch/json-patch";
import { mergePatch } from "../../api/patch/merge";
import { renderObject, served } from "../respond";
import type { RestContext } from "./context";
import { checkObject, readTyped } from "./decode";
import { updateObject } from "./write";

/** Applies a decoded patch of the given kind to an object as the client sees it. */
export function applyPatch(kind: string, target: KubeObject, patch: unknown): unknown {
  switch (kind) {
    case "merge-patch":
      if (!isObject(patch)) throw errors.badRequest("the patch must be a JSON object");
      return mergePatch(target, patch);
    case "json-patch":
      return jsonPatch(target, patch);
    default:
      throw new StatusError(
        415,
        "UnsupportedMediaType",
        `the server does not yet support ${kind} for ${target.kind}: use --type=merge or --type=json`,
      );
  }
}

/** PATCH on a resource or its /status: patch the current object, then the shared update path. */
export async function handlePatch(rc: RestContext, request: Request): Promise<Response> {
  const { kind, data } = await readTyped(request, ["merge-patch", "json-patch", "strategic-merge-patch", "apply-patch"]);
  const name = rc.info.name!;
  const updated = await updateObject(rc, name, (current) => {
    const patched = checkObject(rc, applyPatch(kind, served(rc.def, current), data));
    if (patched.metadata.name !== name) throw errors.badRequest("the name of the object cannot be changed by a patch");
    return patched;
  });
  return renderObject(rc, updated);
}
