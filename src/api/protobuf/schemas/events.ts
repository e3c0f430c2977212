// events.k8s.io/v1 Event (the same objects as core/v1 events, renamed fields).

import type { SchemaPackage } from "../schema";

export const events: SchemaPackage = {
  proto: "k8s.io.api.events.v1",
  messages: {
    Event: { 1: "metadata:meta.ObjectMeta", 2: "eventTime!:meta.MicroTime", 3: "series*:EventSeries",
      4: "reportingController", 5: "reportingInstance", 6: "action", 7: "reason",
      8: "regarding:core.ObjectReference", 9: "related*:core.ObjectReference", 10: "note", 11: "type",
      12: "deprecatedSource:core.EventSource", 13: "deprecatedFirstTimestamp:meta.Time",
      14: "deprecatedLastTimestamp:meta.Time", 15: "deprecatedCount:int32" },
    EventSeries: { 1: "count!:int32", 2: "lastObservedTime!:meta.MicroTime" },
  },
};
