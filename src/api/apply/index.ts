// Server-side apply and managedFields, after structured-merge-diff and the apiserver's field
// manager: pure functions over objects, schemas and managedFields entries.

export { applyPatch, type ApplyOptions, type ApplyResult } from "./apply";
export { conflictError, conflictMessage, describeManager, type Conflict } from "./conflicts";
export { encodeFieldsV1, FieldSet, fromFieldsV1, toFieldsV1, type FieldsV1 } from "./fieldset";
export {
  decodeManagedFields,
  encodeManagedFields,
  managedFieldsForUpdate,
  MAX_UPDATE_MANAGERS,
  NEVER_OWNED,
  type ManagedFieldsEntry,
  type Operation,
} from "./managed";
export { parsePE, pathString, serializePE, type Path, type PathElement } from "./path";
export { toFieldSet, ShapeError } from "./typed";
export { trackUpdate, type TrackUpdateOptions } from "./update";
