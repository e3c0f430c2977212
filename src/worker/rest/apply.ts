import { StatusError, errors } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { applyPatch, conflictError } from "../../api/apply";
import { noSchemas } from "./managed-fields";
import { apiVersionOf } from "../../api/registry/registry";
import { renderObject, served } from "../respond";
import type { RestContext } from "./context";
import { checkObject } from "./decode";
import { createObject, updateObject } from "./write";

/**
 * Server-side apply (application/apply-patch+yaml): merge the applied configuration by field
 * ownership, creating the object if it is missing. Conflicts with other managers are 409 unless
 * `force=true`, which takes the fields over.
 */
export async function handleApply(rc: RestContext, data: unknown): Promise<Response> {
  if (!rc.query.get("fieldManager")) {
    throw new StatusError(400, "BadRequest", "PATCH /apply requires a fieldManager: fieldManager: Required value: is required for apply patch");
  }
  const force = rc.query.get("force") === "true";
  const applied = checkObject(rc, data);
  const name = rc.info.name!;
  if (applied.metadata.name && applied.metadata.name !== name) {
    throw errors.badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
  }
  applied.metadata.name = name;
  // Upstream decodes the configuration into its type, which defaults it: list keys such as a
  // port's protocol then match the stored object's, and the applier owns what defaulting filled in.
  rc.def.strategy?.defaults?.(applied);
  const merge = (live: KubeObject | undefined): KubeObject => {
    const out = applyPatch({
      live,
      applied,
      managedFields: live?.metadata.managedFields ?? [],
      manager: rc.fieldManager,
      force,
      apiVersion: apiVersionOf(rc.def),
      now: rc.now(),
      statusSubresource: !!rc.def.status,
      schema: rc.def.schema?.root,
      source: rc.def.schema?.source ?? noSchemas,
    });
    if ("conflicts" in out) throw conflictError(rc.def.kind, name, out.conflicts);
    out.object.metadata.managedFields = out.managedFields;
    return out.object;
  };
  try {
    const updated = await updateObject(rc, name, (current) => merge(served(rc.def, current)), {
      applied: true,
      resourceVersion: applied.metadata.resourceVersion || undefined,
    });
    return renderObject(rc, updated);
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404 && e.reason === "NotFound" && e.details?.name === name)) throw e;
  }
  const created = await createObject(rc, merge(undefined), { applied: true });
  return renderObject(rc, created, 201);
}
