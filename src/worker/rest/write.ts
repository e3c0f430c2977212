import { errors, invalid } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import { canonical, prepareCreate, prepareFinalizeUpdate, prepareStatusUpdate, prepareUpdate, sameContent } from "../../api/registry/generic";
import { apiVersionOf } from "../../api/registry/registry";
import * as admission from "../admission/chain";
import { admissionPlugins } from "../admission";
import type { RestContext } from "./context";
import { validateCreate, validateUpdate } from "./validate";
import { checkUnknownFields } from "./fields";
import { recordUpdate } from "./managed-fields";

const GENERATE_ATTEMPTS = 8;
// As upstream's GuaranteedUpdate, retry while others win the race (each try is a fresh read).
const UPDATE_ATTEMPTS = 64;
const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  return Array.from(bytes, (b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join("");
}

/** Served object → stored form (only versions that are not the storage version convert). */
function toStorage(rc: RestContext, obj: KubeObject): KubeObject {
  return rc.def.convert ? rc.def.convert.toStorage(obj) : obj;
}

function admissionRequest(rc: RestContext, operation: admission.Operation, object?: KubeObject, oldObject?: KubeObject) {
  return {
    operation,
    def: rc.def,
    namespace: rc.info.namespace,
    name: object?.metadata.name ?? rc.info.name,
    subresource: rc.info.subresource,
    object,
    oldObject,
    user: rc.user,
    dryRun: rc.dryRun,
    env: rc.env,
  };
}

/**
 * The create path every writer shares: unknown fields, defaults, strategy, admission, validation,
 * managedFields, store. `applied` means server-side apply already set managedFields.
 */
export async function createObject(rc: RestContext, body: KubeObject, opts: { applied?: boolean } = {}): Promise<KubeObject> {
  const input = checkUnknownFields(rc, body);
  const generate = !input.metadata.name && !!input.metadata.generateName;
  if (input.metadata.resourceVersion) throw errors.badRequest("resourceVersion should not be set on objects to be created");
  for (let attempt = 0; attempt < GENERATE_ATTEMPTS; attempt++) {
    const obj = structuredClone(input);
    if (generate) obj.metadata.name = `${obj.metadata.generateName}${randomSuffix()}`;
    rc.def.strategy?.defaults?.(obj);
    prepareCreate(rc.def, obj, crypto.randomUUID(), rc.now());
    const req = admissionRequest(rc, "CREATE", obj);
    await admission.mutate(admissionPlugins, req);
    const causes = validateCreate(rc.def, obj);
    if (causes.length) throw invalid(rc.def.group, rc.def.kind, obj.metadata.name ?? "", causes);
    await admission.validate(admissionPlugins, req);
    if (!opts.applied) recordUpdate(rc, obj, undefined);
    if (rc.dryRun) {
      // A dry run answers as the real create would, AlreadyExists included.
      if (!generate && (await rc.storage.get(obj.metadata.namespace, obj.metadata.name!))) {
        throw errors.alreadyExists(rc.def.group, rc.def.plural, obj.metadata.name!);
      }
      return obj;
    }
    const stored = toStorage(rc, obj);
    const written = await rc.storage.create(stored);
    if (written.ok) return written.object;
    if (!generate) throw errors.alreadyExists(rc.def.group, rc.def.plural, obj.metadata.name!);
  }
  throw errors.timeout(`could not generate a unique name for ${rc.def.plural} from "${input.metadata.generateName}"`);
}

export type Mutation = (current: KubeObject) => KubeObject | Promise<KubeObject>;

/**
 * The update path every writer shares (PUT, PATCH, /status, finalizer removal): re-read, mutate,
 * check, and compare-and-swap; a lost race retries unless the client pinned a resourceVersion.
 */
export interface UpdateOptions {
  /** Server-side apply already set managedFields. */
  applied?: boolean;
  /** A resourceVersion the request itself carried (PUT body, patch, Scale): a mismatch is a 409, never retried. */
  resourceVersion?: string;
}

export async function updateObject(rc: RestContext, name: string, mutation: Mutation, opts: UpdateOptions = {}): Promise<KubeObject> {
  const { def } = rc;
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const current = await rc.storage.get(rc.info.namespace, name);
    if (!current) throw errors.notFound(def.group, def.plural, name);
    rc.warnings.length = 0;
    let next = toStorage(rc, checkUnknownFields(rc, await mutation(structuredClone(current))));
    // The precondition is what the request asked for, not what a patch inherited from `current`.
    const pinned = opts.resourceVersion;
    if (pinned && pinned !== current.metadata.resourceVersion) throw conflict(rc, name);
    next.apiVersion = current.apiVersion ?? apiVersionOf(def);
    next.kind = def.kind;
    if (rc.info.subresource === "status") next = prepareStatusUpdate(next, current);
    else if (rc.info.subresource === "finalize") next = prepareFinalizeUpdate(next, current);
    else {
      def.strategy?.defaults?.(next);
      prepareUpdate(def, next, current);
    }
    const req = admissionRequest(rc, "UPDATE", next, current);
    await admission.mutate(admissionPlugins, req);
    const causes = validateUpdate(def, next, current);
    if (causes.length) throw invalid(def.group, def.kind, name, causes);
    await admission.validate(admissionPlugins, req);
    const finished = releasesLastFinalizer(current, next);
    if (!finished && sameContent(next, current) && (!opts.applied || sameOwners(next, current))) return current;
    if (!opts.applied) recordUpdate(rc, next, current);
    if (rc.dryRun) return next;
    const expected = Number(current.metadata.resourceVersion);
    const written = finished ? await rc.storage.delete(next, expected) : await rc.storage.update(next, expected);
    if (written.ok) return written.object;
    if (written.reason === "NotFound") throw errors.notFound(def.group, def.plural, name);
    if (pinned) throw conflict(rc, name);
  }
  throw conflict(rc, name);
}

/** Whether two objects' managedFields differ only in timestamps (an apply that changed nothing). */
function sameOwners(a: KubeObject, b: KubeObject): boolean {
  const owners = (o: KubeObject) => (o.metadata.managedFields ?? []).map((e) => ({ ...(e as object), time: undefined }));
  return canonical(owners(a)) === canonical(owners(b));
}

/**
 * Upstream's ShouldDeleteDuringUpdate: an update deletes a terminating object only when it removes
 * the last finalizer and no grace period is still running (a pod in its grace period is deleted by
 * its kubelet's final DELETE, not by a status update).
 */
function releasesLastFinalizer(current: KubeObject, next: KubeObject): boolean {
  if (!current.metadata.deletionTimestamp || !next.metadata.deletionTimestamp) return false;
  const had = (current.metadata.finalizers?.length ?? 0) > 0 || pendingSpecFinalizers(current);
  const has = (next.metadata.finalizers?.length ?? 0) > 0 || pendingSpecFinalizers(next);
  return had && !has && !((next.metadata.deletionGracePeriodSeconds ?? 0) > 0);
}

/** Namespaces also wait for `spec.finalizers` (the namespace controller's "kubernetes"). */
export function pendingSpecFinalizers(obj: KubeObject): boolean {
  return obj.kind === "Namespace" && Array.isArray(obj.spec?.finalizers) && obj.spec.finalizers.length > 0;
}

export function conflict(rc: RestContext, name: string) {
  return errors.conflict(
    rc.def.group,
    rc.def.plural,
    name,
    "the object has been modified; please apply your changes to the latest version and try again",
  );
}
