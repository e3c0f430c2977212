import { StatusError, errors } from "../../api/errors";
import { isObject, type KubeObject } from "../../api/object";
import { timestamp } from "../../api/registry/generic";
import * as admission from "../admission/chain";
import { admissionPlugins } from "../admission";
import { json, renderObject } from "../respond";
import type { RestContext } from "./context";
import { readTyped } from "./decode";
import { listRequest } from "./read";
import { conflict, pendingSpecFinalizers } from "./write";
import { startCleanup } from "../cleanup";

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: "Orphan" | "Background" | "Foreground";
  preconditions?: { uid?: string; resourceVersion?: string };
}

const POLICIES = ["Orphan", "Background", "Foreground"];

/** DeleteOptions from the body (kubectl sends one) or the query string. */
async function deleteOptions(rc: RestContext, request: Request): Promise<DeleteOptions> {
  const opts: DeleteOptions = {};
  const hasBody = request.body && request.headers.get("content-length") !== "0";
  if (hasBody) {
    const { data } = await readTyped(request, ["json", "yaml", "protobuf"]);
    if (data !== null && data !== undefined) {
      if (!isObject(data)) throw errors.badRequest("DeleteOptions must be an object");
      Object.assign(opts, data);
      if (data.orphanDependents !== undefined && !data.propagationPolicy) {
        opts.propagationPolicy = data.orphanDependents ? "Orphan" : "Background";
      }
    }
  }
  const q = rc.query;
  if (q.has("gracePeriodSeconds")) opts.gracePeriodSeconds = Number(q.get("gracePeriodSeconds"));
  if (q.has("propagationPolicy")) opts.propagationPolicy = q.get("propagationPolicy") as DeleteOptions["propagationPolicy"];
  if (opts.propagationPolicy && !POLICIES.includes(opts.propagationPolicy)) {
    throw errors.badRequest(`propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  if (opts.gracePeriodSeconds !== undefined && !(Number.isInteger(opts.gracePeriodSeconds) && opts.gracePeriodSeconds >= 0)) {
    throw errors.badRequest("gracePeriodSeconds must be a non-negative integer");
  }
  return opts;
}

/** Upstream's pod rule: a pod bound to a node and still running is given its grace period. */
function graceSeconds(obj: KubeObject, opts: DeleteOptions): number {
  if (obj.kind !== "Pod") return 0;
  const phase = obj.status?.phase;
  if (!obj.spec?.nodeName || phase === "Succeeded" || phase === "Failed") return 0;
  return opts.gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30;
}

export type DeleteOutcome = { deleted: true; object: KubeObject } | { deleted: false; object: KubeObject };

/**
 * Deletes at once, or marks for deletion when finalizers, a pod's grace period or a namespace's
 * contents must go first; the last finalizer's removal then deletes (see updateObject).
 */
export async function deleteObject(rc: RestContext, name: string, opts: DeleteOptions): Promise<DeleteOutcome> {
  const { def } = rc;
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await rc.storage.get(rc.info.namespace, name);
    if (!current) throw errors.notFound(def.group, def.plural, name);
    checkPreconditions(current, opts);
    await admission.validate(admissionPlugins, {
      operation: "DELETE", def, namespace: rc.info.namespace, name, oldObject: current, user: rc.user, dryRun: rc.dryRun, env: rc.env,
    });
    if (current.metadata.deletionTimestamp && opts.gracePeriodSeconds !== 0) return { deleted: false, object: current };
    const next = structuredClone(current);
    const finalizers = new Set(next.metadata.finalizers ?? []);
    if (opts.propagationPolicy === "Foreground") finalizers.add("foregroundDeletion");
    if (opts.propagationPolicy === "Orphan") finalizers.add("orphan");
    const grace = graceSeconds(current, opts);
    const now = rc.now();
    const expected = Number(current.metadata.resourceVersion);
    if (finalizers.size > 0 || grace > 0 || pendingSpecFinalizers(next)) {
      if (finalizers.size) next.metadata.finalizers = [...finalizers];
      next.metadata.deletionTimestamp ??= timestamp(new Date(now.getTime() + grace * 1000));
      next.metadata.deletionGracePeriodSeconds = grace;
      if (next.kind === "Namespace") next.status = { ...next.status, phase: "Terminating" };
      if (rc.dryRun) return { deleted: false, object: next };
      const written = await rc.storage.update(next, expected);
      if (written.ok) {
        if (next.kind === "Namespace" || next.kind === "CustomResourceDefinition") startCleanup(rc, name);
        return { deleted: false, object: written.object };
      }
      continue;
    }
    if (rc.dryRun) return { deleted: true, object: current };
    const written = await rc.storage.delete(current, expected);
    if (written.ok) return { deleted: true, object: written.object };
    if (written.reason === "NotFound") throw errors.notFound(def.group, def.plural, name);
  }
  throw conflict(rc, name);
}

function checkPreconditions(obj: KubeObject, opts: DeleteOptions): void {
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== obj.metadata.uid) {
    throw new StatusError(409, "Conflict", `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw new StatusError(
      409,
      "Conflict",
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
    );
  }
}

function success(rc: RestContext, obj: KubeObject): Response {
  const details: Record<string, string> = { name: obj.metadata.name!, kind: rc.def.plural };
  if (rc.def.group) details.group = rc.def.group;
  if (obj.metadata.uid) details.uid = obj.metadata.uid;
  return json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details });
}

export async function handleDelete(rc: RestContext, request: Request): Promise<Response> {
  const outcome = await deleteObject(rc, rc.info.name!, await deleteOptions(rc, request));
  // Objects that linger (finalizers, grace) come back whole, as upstream; pods and namespaces always do.
  if (!outcome.deleted || rc.def.kind === "Pod" || rc.def.kind === "Namespace") return renderObject(rc, outcome.object);
  return success(rc, outcome.object);
}

export async function handleDeleteCollection(rc: RestContext, request: Request): Promise<Response> {
  const opts = await deleteOptions(rc, request);
  const { items } = await rc.storage.list(listRequest(rc));
  for (const item of items) {
    try {
      await deleteObject(rc, item.metadata.name!, opts);
    } catch (e) {
      if (!(e instanceof StatusError && e.code === 404)) throw e;
    }
  }
  return json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success" });
}
