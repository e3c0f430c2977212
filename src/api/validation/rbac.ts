// RBAC Roles, ClusterRoles and their bindings (rbac validation). Names only need to be valid URL
// path segments, and a binding's roleRef can never change.
import type { FieldError } from "../errors";
import type { KubeObject } from "../object";
import { asArray, child, errInvalid, errNotSupported, errRequired, index, isObj, msgs, semanticEqual, str, type Obj } from "./field";
import { validateObjectMeta, validateObjectMetaUpdate } from "./meta";
import { nameIsDNSSubdomain, nameIsPathSegment } from "./names";

const rbacGroup = "rbac.authorization.k8s.io";

function validateRule(rule: Obj, namespaced: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (asArray(rule.verbs).length === 0) errs.push(errRequired(child(p, "verbs"), "verbs must contain at least one value"));
  const urls = asArray(rule.nonResourceURLs);
  if (urls.length > 0) {
    if (namespaced) errs.push(errInvalid(child(p, "nonResourceURLs"), urls, "namespaced rules cannot apply to non-resource URLs"));
    if (asArray(rule.apiGroups).length || asArray(rule.resources).length || asArray(rule.resourceNames).length) {
      errs.push(errInvalid(child(p, "nonResourceURLs"), urls, "rules cannot apply to both regular resources and non-resource URLs"));
    }
    return errs;
  }
  if (asArray(rule.apiGroups).length === 0) errs.push(errRequired(child(p, "apiGroups"), "resource rules must supply at least one api group"));
  if (asArray(rule.resources).length === 0) errs.push(errRequired(child(p, "resources"), "resource rules must supply at least one resource"));
  if (asArray(rule.resourceNames).length > 0 && asArray(rule.resources).length > 1) {
    errs.push(errRequired(child(p, "resourceNames"), "resource names cannot apply to multiple resources"));
  }
  return errs;
}

function validateRoleLike(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced, nameValidator: nameIsPathSegment });
  asArray(obj.rules).forEach((r, i) => errs.push(...validateRule(r ?? {}, namespaced, index("rules", i))));
  return errs;
}

export const validateRole = (obj: KubeObject) => validateRoleLike(obj, true);
export const validateClusterRole = (obj: KubeObject) => validateRoleLike(obj, false);
export const validateRoleUpdate = (obj: KubeObject, old: KubeObject) => [...validateRole(obj), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
export const validateClusterRoleUpdate = (obj: KubeObject, old: KubeObject) => [
  ...validateClusterRole(obj),
  ...validateObjectMetaUpdate(obj.metadata, old.metadata),
];

function validateSubject(s: Obj, namespaced: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(s.name);
  if (!name) errs.push(errRequired(child(p, "name")));
  switch (s.kind) {
    case "ServiceAccount":
      if (name) errs.push(...msgs(child(p, "name"), name, nameIsDNSSubdomain(name, false)));
      if (str(s.apiGroup)) errs.push(errNotSupported(child(p, "apiGroup"), s.apiGroup, [""]));
      if (!namespaced && !str(s.namespace)) errs.push(errRequired(child(p, "namespace")));
      break;
    case "User":
    case "Group":
      if (!name) errs.push(errInvalid(child(p, "name"), name, `${s.kind === "User" ? "user" : "group"} name cannot be empty`));
      if (s.apiGroup !== rbacGroup) errs.push(errNotSupported(child(p, "apiGroup"), s.apiGroup ?? "", [rbacGroup]));
      break;
    default:
      errs.push(errNotSupported(child(p, "kind"), s.kind ?? "", ["ServiceAccount", "User", "Group"]));
  }
  return errs;
}

function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced, nameValidator: nameIsPathSegment });
  const ref: Obj = isObj(obj.roleRef) ? obj.roleRef : {};
  if (ref.apiGroup !== rbacGroup) errs.push(errNotSupported("roleRef.apiGroup", ref.apiGroup ?? "", [rbacGroup]));
  const kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(ref.kind)) errs.push(errNotSupported("roleRef.kind", ref.kind ?? "", kinds));
  if (!str(ref.name)) errs.push(errRequired("roleRef.name"));
  else errs.push(...msgs("roleRef.name", ref.name, nameIsPathSegment(ref.name, false)));
  asArray(obj.subjects).forEach((s, i) => errs.push(...validateSubject(s ?? {}, namespaced, index("subjects", i))));
  return errs;
}

function validateBindingUpdate(obj: KubeObject, old: KubeObject, namespaced: boolean): FieldError[] {
  const errs = [...validateBinding(obj, namespaced), ...validateObjectMetaUpdate(obj.metadata, old.metadata)];
  if (!semanticEqual(obj.roleRef, old.roleRef)) errs.push(errInvalid("roleRef", obj.roleRef ?? null, "cannot change roleRef"));
  return errs;
}

export const validateRoleBinding = (obj: KubeObject) => validateBinding(obj, true);
export const validateClusterRoleBinding = (obj: KubeObject) => validateBinding(obj, false);
export const validateRoleBindingUpdate = (obj: KubeObject, old: KubeObject) => validateBindingUpdate(obj, old, true);
export const validateClusterRoleBindingUpdate = (obj: KubeObject, old: KubeObject) => validateBindingUpdate(obj, old, false);
