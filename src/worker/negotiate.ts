import { parseAllDocuments } from "yaml";
import { errors } from "../api/errors";
import { decodeProtobufObject } from "../api/protobuf";

/** Upstream's request body limit. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export type MediaKind = "json" | "yaml" | "protobuf" | "merge-patch" | "json-patch" | "strategic-merge-patch" | "apply-patch";

export function mediaKind(contentType: string | null): MediaKind | null {
  const type = (contentType ?? "application/json").split(";")[0].trim().toLowerCase();
  switch (type) {
    case "":
    case "application/json":
      return "json";
    case "application/yaml":
    case "application/x-yaml":
    case "text/yaml":
      return "yaml";
    case "application/vnd.kubernetes.protobuf":
      return "protobuf";
    case "application/merge-patch+json":
      return "merge-patch";
    case "application/json-patch+json":
      return "json-patch";
    case "application/strategic-merge-patch+json":
      return "strategic-merge-patch";
    case "application/apply-patch+yaml":
      return "apply-patch";
    default:
      return null;
  }
}

export async function readBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) throw errors.tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw errors.tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Parses a body by its media type into plain data: JSON and YAML text, or a protobuf object. */
export function decodeBody(bytes: Uint8Array, kind: MediaKind): unknown {
  if (kind === "protobuf") return decodeProtobufObject(bytes);
  const text = new TextDecoder().decode(bytes);
  if (kind === "yaml" || kind === "apply-patch") return parseYaml(text);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw errors.badRequest(`error decoding request body: ${(e as Error).message}`);
  }
}

function parseYaml(text: string): unknown {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length === 0) return null;
  if (docs.length > 1) throw errors.badRequest("error decoding YAML: the body holds more than one document");
  const [doc] = docs;
  if (doc.errors.length) throw errors.badRequest(`error converting YAML to JSON: ${doc.errors[0].message}`);
  return doc.toJS({ maxAliasCount: 100 });
}

export type OutputFormat =
  | { as: "object"; yaml: boolean }
  | { as: "Table"; version: "v1" | "v1beta1" }
  | { as: "PartialObjectMetadata" | "PartialObjectMetadataList" };

/**
 * Picks the response form from Accept, in the client's order: Table and metadata-only views
 * (meta.k8s.io), YAML, or plain JSON. Protobuf responses are not offered: clients that ask for
 * them (kubectl, client-go) list JSON as well.
 */
export function outputFormat(accept: string | null): OutputFormat {
  if (!accept) return { as: "object", yaml: false };
  for (const part of accept.split(",")) {
    const [type, ...paramList] = part.trim().split(";").map((s) => s.trim());
    const params = Object.fromEntries(paramList.map((p) => p.split("=").map((s) => s.trim())));
    const lower = type.toLowerCase();
    if (lower === "application/json" || lower === "*/*" || lower === "application/*") {
      if (params.as === "Table" && params.g === "meta.k8s.io" && (params.v === "v1" || params.v === "v1beta1")) {
        return { as: "Table", version: params.v };
      }
      if ((params.as === "PartialObjectMetadata" || params.as === "PartialObjectMetadataList") && params.g === "meta.k8s.io") {
        return { as: params.as };
      }
      if (!params.as) return { as: "object", yaml: false };
      continue;
    }
    if (lower === "application/yaml" && !params.as) return { as: "object", yaml: true };
  }
  throw errors.notAcceptable(`only the following media types are accepted: application/json, application/yaml`);
}
