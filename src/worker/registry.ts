import { builtinResources } from "../api/registry/builtin";
import { Registry, qualifiedName } from "../api/registry/registry";
import type { ResourceDef } from "../api/registry/types";
import { kindFieldSelectors } from "../api/selectors/kinds";
import { strategies } from "../api/strategies";
import { printColumns } from "../api/tables";
import { conversions } from "../api/conversion";

/** A row plus the behaviour registered for its qualified name: rows stay data. */
function withBehaviour(def: ResourceDef): ResourceDef {
  const name = qualifiedName(def);
  const out: ResourceDef = { ...def };
  const strategy = strategies[name];
  const columns = printColumns[name];
  const fields = kindFieldSelectors[name];
  const convert = conversions[`${def.group}/${def.version}/${def.plural}`];
  if (strategy) out.strategy = strategy;
  if (columns) out.columns = columns;
  if (fields) out.fieldSelectors = fields;
  if (convert) out.convert = convert;
  return out;
}

export const builtinRegistry = new Registry(builtinResources.map(withBehaviour));

export const namespaceDef = builtinRegistry.get("", "v1", "namespaces")!;
