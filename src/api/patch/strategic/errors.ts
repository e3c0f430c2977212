// Every way a strategic merge patch can be malformed, worded as apimachinery's mergepatch and
// strategicpatch errors so `kubectl` users see familiar text. The HTTP edge renders StatusErrors.
//
// Upstream maps its sentinel "bad format" errors to 400 and lists-of-lists to 422; the rest
// (missing merge key, wrong value types …) escape as 500s there only because they are untyped Go
// errors. They are all the client's fault, so here they are 400 BadRequest.

import { StatusError, errors } from "../../errors";
import { goFormat, goTypeName, kindOf, type JSONMap, type Kind } from "./json";

const bad = (message: string) => errors.badRequest(message);

export const patchErrors = {
  badJSONDoc: () => bad("invalid JSON document"),
  badPrimitiveList: () => bad("invalid patch format of primitive list"),
  badRetainKeys: () => bad("invalid patch format of retainKeys"),
  badSetElementOrder: () => bad("invalid patch format of setElementOrder list"),
  /** Upstream answers 422 with NewGenericServerResponse's fixed text, dropping the detail. */
  noListOfLists: () =>
    new StatusError(422, "Invalid", "the server rejected our request due to an error in our request"),
  noMergeKey: (map: JSONMap, mergeKey: string) =>
    bad(`map: ${goFormat(map)} does not contain declared merge key: ${mergeKey}`),
  badArgType: (expected: Kind, actual: unknown) =>
    bad(`expected a ${goTypeName(expected)}, but received a ${goTypeName(kindOf(actual))}`),
  badPatchType: (directive: unknown, map: JSONMap) =>
    bad(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(map)}`),
  mergeInList: () => bad("merging lists cannot yet be specified in the patch"),
  typesNotIdentical: (lists: unknown[][]) => bad(`list element types are not identical: ${goFormat(lists)}`),
  noElements: () => bad("no elements in any of the given slices"),
  listWithoutMergeKey: (name: string) => bad(`cannot merge lists without merge key for ${name}`),
  notAMap: (index: number) => bad(`value for key ${index} is not a map`),
  unexpectedStrategy: (strategies: string[]) => bad(`unexpected patch strategy: ${goFormat(strategies)}`),
  orderMismatch: (patchList: unknown[], order: unknown[]) =>
    bad(
      `The order in patch list:\n${goFormat(patchList)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`,
    ),
  /** Not an upstream error (it would pass the key through as data); worded like badPatchType. */
  unknownDirective: (key: string, map: JSONMap) => bad(`unknown patch directive: ${key} in map: ${goFormat(map)}`),
};
