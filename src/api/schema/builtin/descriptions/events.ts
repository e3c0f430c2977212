// events.k8s.io/v1 Event: the newer shape of the same stored events as core/v1 Event.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.events.v1.";

export const events: Descriptions = {
  [`${P}Event`]: {
    "": "A report of something that happened to an object, in the newer events.k8s.io form. Best-effort and " +
      "short-lived; do not build logic on them.",
    ...objectFields,
    action: "What was done, or failed, to the regarding object; machine-readable, at most 128 characters. " +
      "Required for new events.",
    deprecatedCount: "The core/v1 count field, kept for compatibility.",
    deprecatedFirstTimestamp: "The core/v1 firstTimestamp field, kept for compatibility.",
    deprecatedLastTimestamp: "The core/v1 lastTimestamp field, kept for compatibility.",
    deprecatedSource: "The core/v1 source field, kept for compatibility.",
    eventTime: "When the event first happened, with microsecond precision. Required.",
    note: "A human-readable description, up to 1 kB.",
    reason: "Why the action was taken, such as FailedScheduling; at most 128 characters. Required for new events.",
    regarding: "The object the event is about.",
    related: "A second object involved, if any.",
    reportingController: "The controller that emitted the event, such as kubernetes.io/kubelet. Required for " +
      "new events.",
    reportingInstance: "The particular instance of that controller, such as the node name. Required for new " +
      "events.",
    series: "Data about a repeating event, if it is one.",
    type: "Normal or Warning. Required for new events.",
  },
};
