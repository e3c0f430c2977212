import { errors } from "../../api/errors";
import { renderObject } from "../respond";
import type { RestContext } from "./context";
import { readObject } from "./decode";
import { updateObject } from "./write";

/** PUT on a resource or its /status. */
export async function handleUpdate(rc: RestContext, request: Request): Promise<Response> {
  const body = await readObject(rc, request);
  const name = rc.info.name!;
  if (body.metadata.name && body.metadata.name !== name) {
    throw errors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
  }
  body.metadata.name = name;
  const updated = await updateObject(rc, name, () => body, { resourceVersion: body.metadata.resourceVersion || undefined });
  return renderObject(rc, updated);
}


