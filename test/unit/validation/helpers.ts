// Render field errors the way the API server words them, for exact-text assertions.
import { fieldErrorMessage, type FieldError } from "../../../src/api/errors";

export function show(errs: FieldError[]): string[] {
  return errs.map((e) => `${e.field}: ${fieldErrorMessage(e)}`);
}

/** The single cause of a failing object, for rules that should produce exactly one. */
export function only(errs: FieldError[]): { type: string; field: string; message: string } {
  if (errs.length !== 1) throw new Error(`expected one error, got ${errs.length}: ${show(errs).join(" | ")}`);
  const e = errs[0]!;
  return { type: e.type, field: e.field, message: fieldErrorMessage(e) };
}
