import type { FieldError } from "../../api/errors";
import type { KubeObject } from "../../api/object";
import type { ResourceDef } from "../../api/registry/types";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../api/validation/meta";
import { nameIsDNSSubdomain } from "../../api/validation/names";

// A kind's validator checks its own ObjectMeta (its name rules differ by kind), as upstream's do;
// kinds without one get the generic metadata rules.

export function validateCreate(def: ResourceDef, obj: KubeObject): FieldError[] {
  if (def.strategy?.validate) return def.strategy.validate(obj);
  return validateObjectMeta(obj.metadata, { namespaced: def.namespaced, nameValidator: nameIsDNSSubdomain });
}

export function validateUpdate(def: ResourceDef, obj: KubeObject, old: KubeObject): FieldError[] {
  if (def.strategy?.validateUpdate) return def.strategy.validateUpdate(obj, old);
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateCreate(def, obj)];
}
