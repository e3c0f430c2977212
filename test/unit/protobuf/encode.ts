// A minimal protobuf writer for hand-made test bodies (the decoder itself never encodes).

export type Bytes = Uint8Array;

export function varint(value: number | bigint): Bytes {
  // Negative numbers are sign-extended to 64 bits, as Go encodes int32/int64.
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Uint8Array.from(out);
}

export function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const key = (field: number, wire: number): Bytes => varint(field * 8 + wire);
export const int = (field: number, value: number | bigint): Bytes => concat(key(field, 0), varint(value));
export const bytes = (field: number, data: Bytes): Bytes => concat(key(field, 2), varint(data.length), data);
export const str = (field: number, text: string): Bytes => bytes(field, new TextEncoder().encode(text));
export const msg = (field: number, ...parts: Bytes[]): Bytes => bytes(field, concat(...parts));

export const MAGIC = Uint8Array.from([0x6b, 0x38, 0x73, 0x00]);

/** A full request body: magic + runtime.Unknown{typeMeta, raw, contentEncoding, contentType}. */
export function body(apiVersion: string, kind: string, raw: Bytes, encoding = "", contentType = ""): Bytes {
  return concat(MAGIC, msg(1, str(1, apiVersion), str(2, kind)), bytes(2, raw), str(3, encoding), str(4, contentType));
}
