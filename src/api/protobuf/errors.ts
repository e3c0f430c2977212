// Decoding failures are client errors: the worker's error handler renders them as 400 Status objects.

import { StatusError } from "../errors";

/** Bytes that are not a valid protobuf encoding of the expected message. */
export class ProtobufError extends StatusError {
  constructor(detail: string) {
    super(400, "BadRequest", `unable to decode protobuf body: ${detail}`);
    this.name = "ProtobufError";
  }
}

/**
 * A field number the schema does not know. Go's decoder would drop it silently; we refuse instead, so a
 * newer client's field is never lost without a trace.
 */
export class UnknownFieldError extends ProtobufError {
  constructor(
    readonly messageName: string,
    readonly fieldNumber: number,
    readonly path: string,
  ) {
    super(`unknown field number ${fieldNumber} in message ${messageName}${path ? ` (at ${path})` : ""}`);
    this.name = "UnknownFieldError";
  }
}
