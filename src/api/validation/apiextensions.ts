// CustomResourceDefinitions, the basic structural rules (apiextensions validation): name is
// <plural>.<group>, names and versions are well formed, exactly one storage version, schemas
// present. OpenAPI schema contents are not validated here.
import type { FieldError } from "../errors";
import type { KubeObject } from "../object";
import { asArray, child, errInvalid, errNotSupported, errRequired, immutable, index, isObj, str, type Obj } from "./field";
import { validateObjectMeta, validateObjectMetaUpdate } from "./meta";
import { isDNS1035Label, isDNS1123Subdomain, nameIsDNSSubdomain, type NameValidator } from "./names";

function validateNames(names: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const check = (f: string, value: string, test: string, prefix = "") => {
    const bad = isDNS1035Label(test);
    if (value && bad.length) errs.push(errInvalid(child(field, f), value, prefix + bad.join(",")));
  };
  check("plural", str(names.plural), str(names.plural));
  check("singular", str(names.singular), str(names.singular));
  check("kind", str(names.kind), str(names.kind).toLowerCase(), "may have mixed case, but should otherwise match: ");
  check("listKind", str(names.listKind), str(names.listKind).toLowerCase(), "may have mixed case, but should otherwise match: ");
  asArray(names.shortNames).forEach((s, i) => {
    const bad = isDNS1035Label(str(s));
    if (bad.length) errs.push(errInvalid(index(child(field, "shortNames"), i), s, bad.join(",")));
  });
  if (str(names.kind) && names.kind === names.listKind) errs.push(errInvalid(child(field, "listKind"), names.listKind, "kind and listKind may not be the same"));
  return errs;
}

function validateSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const group = str(spec.group);
  if (!group) errs.push(errRequired("spec.group"));
  else if (isDNS1123Subdomain(group).length) errs.push(errInvalid("spec.group", group, isDNS1123Subdomain(group).join(",")));
  else if (group.split(".").length < 2) errs.push(errInvalid("spec.group", group, "should be a domain with at least one dot"));
  if (!spec.scope) errs.push(errRequired("spec.scope"));
  else if (!["Cluster", "Namespaced"].includes(spec.scope)) errs.push(errNotSupported("spec.scope", spec.scope, ["Cluster", "Namespaced"]));
  const versions = asArray(spec.versions);
  const seen = new Set<string>();
  let storage = 0;
  let unique = true;
  versions.forEach((v: Obj, i) => {
    const p = index("spec.versions", i);
    if (v?.storage === true) storage++;
    if (seen.has(str(v?.name))) unique = false;
    seen.add(str(v?.name));
    const bad = isDNS1035Label(str(v?.name));
    if (bad.length) errs.push(errInvalid(child(p, "name"), str(v?.name), bad.join(",")));
    if (!isObj(v?.schema?.openAPIV3Schema)) errs.push(errRequired(child(p, "schema", "openAPIV3Schema"), "schemas are required"));
  });
  if (!unique) errs.push(errInvalid("spec.versions", versions, "must contain unique version names"));
  if (storage !== 1) errs.push(errInvalid("spec.versions", versions, "must have exactly one version marked as storage version"));
  const names: Obj = isObj(spec.names) ? spec.names : {};
  for (const f of ["plural", "singular", "kind", "listKind"]) if (!str(names[f])) errs.push(errRequired(`spec.names.${f}`));
  errs.push(...validateNames(names, "spec.names"));
  const conv = spec.conversion;
  if (isObj(conv)) {
    if (!conv.strategy) errs.push(errRequired("spec.conversion.strategy"));
    else if (!["None", "Webhook"].includes(conv.strategy)) errs.push(errNotSupported("spec.conversion.strategy", conv.strategy, ["None", "Webhook"]));
    else if (conv.strategy === "Webhook" && !isObj(conv.webhook?.clientConfig)) {
      errs.push(errRequired("spec.conversion.webhookClientConfig", "required when strategy is set to Webhook"));
    }
  }
  return errs;
}

function nameValidator(spec: Obj): NameValidator {
  return (name, prefix) => {
    const errs = nameIsDNSSubdomain(name, prefix);
    if (name !== `${str(spec.names?.plural)}.${str(spec.group)}`) errs.push('must be spec.names.plural+"."+spec.group');
    return errs;
  };
}

function validateStoredVersions(obj: KubeObject): FieldError[] {
  const stored = asArray(obj.status?.storedVersions);
  if (stored.length === 0) return [errInvalid("status.storedVersions", stored, "must have at least one stored version")];
  const errs: FieldError[] = [];
  for (const v of asArray(obj.spec?.versions)) {
    if (v?.storage === true && !stored.includes(v.name)) errs.push(errInvalid("status.storedVersions", stored, `must have the storage version ${v.name}`));
  }
  return errs;
}

export function validateCRD(obj: KubeObject): FieldError[] {
  const spec: Obj = isObj(obj.spec) ? obj.spec : {};
  return [
    ...validateObjectMeta(obj.metadata, { namespaced: false, nameValidator: nameValidator(spec), kubeFinalizers: false }),
    ...validateSpec(spec),
    ...validateStoredVersions(obj),
  ];
}

export function validateCRDUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec: Obj = isObj(obj.spec) ? obj.spec : {};
  const oldSpec: Obj = isObj(old.spec) ? old.spec : {};
  const errs = [...validateObjectMetaUpdate(obj.metadata, old.metadata, "metadata", false), ...validateSpec(spec)];
  const established = asArray(old.status?.conditions).some((c) => c?.type === "Established" && c?.status === "True");
  if (established) {
    errs.push(...immutable(spec.scope, oldSpec.scope, "spec.scope"), ...immutable(spec.names?.kind, oldSpec.names?.kind, "spec.names.kind"));
  }
  errs.push(...immutable(spec.group, oldSpec.group, "spec.group"), ...immutable(spec.names?.plural, oldSpec.names?.plural, "spec.names.plural"));
  return [...errs, ...validateStoredVersions(obj)];
}
