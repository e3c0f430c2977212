import { errors } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { apiVersionOf } from "../../api/registry/registry";
import { trackUpdate } from "../../api/apply";
import type { SchemaSource } from "../../api/schema/types";
import type { RestContext } from "./context";

/** For kinds without a schema: every object is walked as schema-less. */
export const noSchemas: SchemaSource = { named: () => undefined };

const MAX_MANAGER_LENGTH = 128;

/** `fieldManager`, or upstream's default: the User-Agent up to its first "/". */
export function fieldManagerFor(query: URLSearchParams, userAgent: string | null): string {
  const given = query.get("fieldManager");
  if (given !== null) {
    if (given.length > MAX_MANAGER_LENGTH || !/^[\x20-\x7e]*$/.test(given)) {
      throw errors.badRequest(`fieldManager: Invalid value: ${JSON.stringify(given)}: must consist of printable characters and be at most 128 characters`);
    }
    return given;
  }
  return (userAgent ?? "unknown").split("/")[0].slice(0, MAX_MANAGER_LENGTH) || "unknown";
}

/** Records a create or update (not an apply) in `next.metadata.managedFields`. */
export function recordUpdate(rc: RestContext, next: KubeObject, live: KubeObject | undefined): void {
  const schema = rc.def.schema;
  next.metadata.managedFields = trackUpdate({
    live,
    next,
    managedFields: live?.metadata.managedFields ?? [],
    manager: rc.fieldManager,
    apiVersion: apiVersionOf(rc.def),
    now: rc.now(),
    subresource: rc.info.subresource,
    statusSubresource: !!rc.def.status,
    schema: schema?.root,
    source: schema?.source ?? noSchemas,
  });
}
