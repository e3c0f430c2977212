// ObjectMeta validation after apimachinery's api/validation/objectmeta.go plus core's extra
// finalizer-name rule. Namespace presence is the caller's job; only its format is checked here.
import type { FieldError } from "../errors";
import type { ObjectMeta } from "../object";
import {
  asArray,
  byteLength,
  child,
  errForbidden,
  errInvalid,
  errRequired,
  errTooLong,
  immutable,
  index,
  isObj,
  msgs,
  nonNegative,
  semanticEqual,
  str,
} from "./field";
import { isLabelValue, isQualifiedName, nameIsDNSLabel, type NameValidator } from "./names";

export const totalAnnotationSizeLimit = 256 * 1024;

export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!isObj(labels)) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...msgs(field, k, isQualifiedName(k)));
    errs.push(...msgs(field, v, isLabelValue(str(v))));
  }
  return errs;
}

export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  if (!isObj(annotations)) return [];
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    // Annotation keys are qualified names, compared case-insensitively.
    errs.push(...msgs(field, k, isQualifiedName(k.toLowerCase())));
    size += byteLength(k) + byteLength(str(v));
  }
  if (size > totalAnnotationSizeLimit) errs.push(errTooLong(field, totalAnnotationSizeLimit));
  return errs;
}

function validateOwnerReferences(refs: unknown, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const ref of asArray(refs)) {
    const apiVersion = str(ref?.apiVersion);
    const version = apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion;
    if (!version) errs.push(errInvalid(child(field, "apiVersion"), apiVersion, "version must not be empty"));
    if (!str(ref?.kind)) errs.push(errInvalid(child(field, "kind"), str(ref?.kind), "must not be empty"));
    if (!str(ref?.name)) errs.push(errInvalid(child(field, "name"), str(ref?.name), "must not be empty"));
    if (!str(ref?.uid)) errs.push(errInvalid(child(field, "uid"), str(ref?.uid), "must not be empty"));
    if (apiVersion === "v1" && ref?.kind === "Event") {
      errs.push(errInvalid(field, ref, "/v1, Kind=Event is disallowed from being an owner"));
    }
    if (ref?.controller === true) {
      const name = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          errInvalid(
            field,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`,
          ),
        );
      } else firstController = name;
    }
  }
  return errs;
}

// Core's validateKubeFinalizerName: unprefixed finalizers must be one of the built-in ones.
const standardFinalizers = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

export function validateFinalizerName(name: string, field: string, kube = true): FieldError[] {
  const errs = msgs(field, name, isQualifiedName(name));
  if (kube && !name.includes("/") && !standardFinalizers.has(name)) {
    errs.push(errInvalid(field, name, "name is neither a standard finalizer name nor is it fully qualified"));
  }
  return errs;
}

function validateFinalizers(finalizers: unknown, field: string, kube: boolean): FieldError[] {
  const list = asArray(finalizers).map(str);
  const errs: FieldError[] = [];
  for (const f of list) errs.push(...msgs(field, f, isQualifiedName(f)));
  if (list.includes("orphan") && list.includes("foregroundDeletion")) {
    errs.push(errInvalid(field, list, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  if (kube) {
    list.forEach((f, i) => {
      if (!f.includes("/") && !standardFinalizers.has(f)) {
        errs.push(errInvalid(index(field, i), f, "name is neither a standard finalizer name nor is it fully qualified"));
      }
    });
  }
  return errs;
}

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameValidator: NameValidator;
  /** Core kinds also require unprefixed finalizers to be built-in ones (CRDs do not). */
  kubeFinalizers?: boolean;
}

export function validateObjectMeta(meta: ObjectMeta | undefined, opts: ObjectMetaOptions, field = "metadata"): FieldError[] {
  const m: ObjectMeta = meta ?? {};
  const errs: FieldError[] = [];
  const generateName = str(m.generateName);
  if (generateName) errs.push(...msgs(child(field, "generateName"), generateName, opts.nameValidator(generateName, true)));
  const name = str(m.name);
  if (!name) errs.push(errRequired(child(field, "name"), "name or generateName is required"));
  else errs.push(...msgs(child(field, "name"), name, opts.nameValidator(name, false)));
  const ns = str(m.namespace);
  if (opts.namespaced && ns) errs.push(...msgs(child(field, "namespace"), ns, nameIsDNSLabel(ns, false)));
  errs.push(...nonNegative(m.generation, child(field, "generation")));
  errs.push(...validateMetaCommon(m, field, opts.kubeFinalizers ?? true));
  return errs;
}

function validateMetaCommon(m: ObjectMeta, field: string, kube: boolean): FieldError[] {
  return [
    ...validateLabels(m.labels, child(field, "labels")),
    ...validateAnnotations(m.annotations, child(field, "annotations")),
    ...validateOwnerReferences(m.ownerReferences, child(field, "ownerReferences")),
    ...validateFinalizers(m.finalizers, child(field, "finalizers"), kube),
  ];
}

/**
 * ValidateObjectMetaUpdate. Generation and resourceVersion are managed by the generic layer, and an
 * omitted uid is carried over there (as upstream's BeforeUpdate does), so only real changes count.
 */
export function validateObjectMetaUpdate(
  next: ObjectMeta | undefined,
  prev: ObjectMeta | undefined,
  field = "metadata",
  kubeFinalizers = true,
): FieldError[] {
  const n: ObjectMeta = next ?? {};
  const o: ObjectMeta = prev ?? {};
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const added = asArray(n.finalizers).filter((f) => !asArray(o.finalizers).includes(f));
    if (added.length) {
      errs.push(
        errForbidden(
          child(field, "finalizers"),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added
            .map((f) => JSON.stringify(f))
            .join(", ")}}`,
        ),
      );
    }
  }
  errs.push(...immutable(n.name ?? "", o.name ?? "", child(field, "name")));
  errs.push(...immutable(n.namespace ?? "", o.namespace ?? "", child(field, "namespace")));
  if (n.uid) errs.push(...immutable(n.uid, o.uid ?? "", child(field, "uid")));
  if (n.creationTimestamp && o.creationTimestamp) {
    errs.push(...immutable(n.creationTimestamp, o.creationTimestamp, child(field, "creationTimestamp")));
  }
  if (n.deletionTimestamp !== undefined && !semanticEqual(n.deletionTimestamp, o.deletionTimestamp)) {
    errs.push(...immutable(n.deletionTimestamp, o.deletionTimestamp, child(field, "deletionTimestamp")));
  }
  if (n.deletionGracePeriodSeconds !== undefined) {
    errs.push(...immutable(n.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds, child(field, "deletionGracePeriodSeconds")));
  }
  errs.push(...validateMetaCommon(n, field, kubeFinalizers));
  return errs;
}
