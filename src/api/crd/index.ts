// CustomResourceDefinitions without I/O: rows for the registry, their columns and strategy, and
// the status the API server keeps on the CRD itself.
export { crdColumns } from "./columns";
export { crdDefinitionName, crdSchemaSource, crdToResourceDefs, crdVersionSchema } from "./rows";
export { crdStatus, requestedNames, type CRDStatus, type Condition, type TakenNames } from "./status";
export { crdStrategy, type CRDVersionContext } from "./strategy";
