import { stringify } from "yaml";
import type { KubeObject, ListMeta } from "../api/object";
import { apiVersionOf } from "../api/registry/registry";
import type { ResourceDef } from "../api/registry/types";
import { toTable } from "../api/tables/table";
import type { OutputFormat } from "./negotiate";
import type { RestContext } from "./rest/context";

export function json(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Stored objects carry their storage version; responses carry the version the client asked for. */
export function served(def: ResourceDef, obj: KubeObject): KubeObject {
  const out = def.convert ? def.convert.fromStorage(obj) : obj;
  // Type fields first, as upstream serializes them; then set, since the stored form carries its own.
  const item = { apiVersion: "", kind: "", ...out } as KubeObject;
  item.apiVersion = apiVersionOf(def);
  item.kind = def.kind;
  return item;
}

type IncludeObject = "None" | "Metadata" | "Object";

function includeObject(query: URLSearchParams): IncludeObject {
  const v = query.get("includeObject");
  return v === "None" || v === "Object" ? v : "Metadata";
}

function partial(obj: KubeObject): KubeObject {
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: obj.metadata };
}

/** Renders one object in the negotiated form. */
export function renderObject(rc: RestContext, obj: KubeObject, status = 200): Response {
  return render(rc.format, transformObject(rc, obj), status);
}

/** The form one object takes in a response or a watch event. */
export function transformObject(rc: RestContext, obj: KubeObject, noHeaders = false): unknown {
  const item = served(rc.def, obj);
  switch (rc.format.as) {
    case "Table": {
      const table = toTable(rc.def.columns, [item], { now: rc.now(), includeObject: includeObject(rc.query) }) as {
        columnDefinitions?: unknown[];
      };
      if (noHeaders) table.columnDefinitions = [];
      return table;
    }
    case "PartialObjectMetadata":
    case "PartialObjectMetadataList":
      return partial(item);
    default:
      return item;
  }
}

export function renderList(rc: RestContext, items: KubeObject[], meta: ListMeta): Response {
  const listMeta: ListMeta = { resourceVersion: meta.resourceVersion };
  if (meta.continue) listMeta.continue = meta.continue;
  if (meta.remainingItemCount !== undefined) listMeta.remainingItemCount = meta.remainingItemCount;
  const servedItems = items.map((o) => served(rc.def, o));
  switch (rc.format.as) {
    case "Table":
      return json(toTable(rc.def.columns, servedItems, { now: rc.now(), includeObject: includeObject(rc.query), listMeta }));
    case "PartialObjectMetadata":
    case "PartialObjectMetadataList":
      return json({ kind: "PartialObjectMetadataList", apiVersion: "meta.k8s.io/v1", metadata: listMeta, items: servedItems.map(partial) });
    default:
      return render(rc.format, { apiVersion: apiVersionOf(rc.def), kind: `${rc.def.kind}List`, metadata: listMeta, items: servedItems }, 200);
  }
}

function render(format: OutputFormat, body: unknown, status: number): Response {
  if (format.as === "object" && format.yaml) {
    return new Response(stringify(body), { status, headers: { "content-type": "application/yaml" } });
  }
  return json(body, status);
}
