// The single point where descriptions (written separately, in our own words) join the schemas.

import { descriptions } from "./descriptions";

/** The description of a definition's field ("" for the type itself), if one is written. */
export function describe(name: string, field: string): string | undefined {
  const forType = Object.hasOwn(descriptions, name) ? descriptions[name] : undefined;
  return forType && Object.hasOwn(forType, field) ? forType[field] : undefined;
}
