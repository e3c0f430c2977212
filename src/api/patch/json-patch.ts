import jsonpatch, { type Operation } from "fast-json-patch";
import { StatusError, errors } from "../errors";

/** RFC 6902 JSON Patch. A failed `test` or a bad path is the client's error (422), as upstream. */
export function jsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw errors.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  try {
    return jsonpatch.applyPatch(structuredClone(target), patch as Operation[], true, false).newDocument;
  } catch (e) {
    const message = (e as Error).message.split("\n")[0];
    throw new StatusError(422, "Invalid", `the server rejected our request due to an error in our request: ${message}`);
  }
}
