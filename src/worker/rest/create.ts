import { renderObject } from "../respond";
import type { RestContext } from "./context";
import { readObject } from "./decode";
import { createObject } from "./write";

export async function handleCreate(rc: RestContext, request: Request): Promise<Response> {
  const obj = await createObject(rc, await readObject(rc, request));
  return renderObject(rc, obj, 201);
}
