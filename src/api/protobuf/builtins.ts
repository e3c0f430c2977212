// Messages whose Kubernetes JSON form is not an object: they are decoded by schema like any other
// message, then finished into the value Go's MarshalJSON writes. `keep` is true where a zero value must
// survive (pointer fields, list elements, map values); returning undefined omits the field.

import { ProtobufError } from "./errors";

type Decoded = Record<string, unknown>;
export type Finisher = (decoded: Decoded, keep: boolean) => unknown;

export const FINISHERS: ReadonlyMap<string, Finisher> = new Map<string, Finisher>([
  ["meta.Time", time],
  ["resource.Quantity", quantity],
  ["intstr.IntOrString", intOrString],
  ["meta.FieldsV1", fieldsV1],
  ["authentication.ExtraValue", stringList],
  ["certificates.ExtraValue", stringList],
]);

// metav1.Time: seconds 0 and nanos 0 is the zero time, which Go writes as null. Otherwise RFC 3339 in
// UTC at whole seconds (Go's format truncates the nanos).
function time(d: Decoded): string | undefined {
  const seconds = (d.seconds as number | undefined) ?? 0;
  if (seconds === 0 && d.nanos === undefined) return undefined;
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  // Go refuses to marshal years outside [0, 9999]; NaN covers seconds beyond Date's range.
  if (!(year >= 0 && year <= 9999)) throw new ProtobufError(`time ${seconds}s is out of range`);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// resource.Quantity travels as its canonical string; the zero Quantity marshals as "0".
function quantity(d: Decoded, keep: boolean): string | undefined {
  const s = (d.string as string | undefined) ?? "";
  if (s !== "") return s;
  return keep ? "0" : undefined;
}

// intstr.IntOrString: type 0 is an int, 1 a string. The zero value (int 0) counts as empty.
function intOrString(d: Decoded, keep: boolean): number | string | undefined {
  const type = (d.type as number | undefined) ?? 0;
  if (type === 1) return (d.strVal as string | undefined) ?? "";
  if (type !== 0) throw new ProtobufError(`IntOrString has unknown type ${type}`);
  const n = (d.intVal as number | undefined) ?? 0;
  return n === 0 && !keep ? undefined : n;
}

// metav1.FieldsV1 carries JSON text (the schema reads its bytes as a string); it is embedded as is.
function fieldsV1(d: Decoded): unknown {
  const raw = d.Raw as string | undefined;
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ProtobufError("FieldsV1 is not valid JSON");
  }
}

// ExtraValue is a Go []string wrapped in a message for proto's sake; JSON sees the list.
function stringList(d: Decoded): string[] {
  return (d.items as string[] | undefined) ?? [];
}
