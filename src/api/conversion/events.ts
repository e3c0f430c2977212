import { invert, renameFields } from "./rename";

// events.k8s.io/v1 Events are core/v1 Events under other field names; both share one store.
const fromCore: Record<string, string> = {
  involvedObject: "regarding",
  message: "note",
  source: "deprecatedSource",
  firstTimestamp: "deprecatedFirstTimestamp",
  lastTimestamp: "deprecatedLastTimestamp",
  count: "deprecatedCount",
  reportingComponent: "reportingController",
};
const toCore = invert(fromCore);

export const eventsV1 = {
  toStorage: (obj: Parameters<typeof renameFields>[0]) => ({ ...renameFields(obj, toCore), apiVersion: "v1", kind: "Event" }),
  fromStorage: (obj: Parameters<typeof renameFields>[0]) => renameFields(obj, fromCore),
};
