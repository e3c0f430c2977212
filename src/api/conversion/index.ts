import type { KubeObject } from "../object";
import { eventsV1 } from "./events";
import { hpaV1 } from "./hpa";

export interface Conversion {
  toStorage(obj: KubeObject): KubeObject;
  fromStorage(obj: KubeObject): KubeObject;
}

/** Keyed by group/version/plural of the version that is not stored. */
export const conversions: Record<string, Conversion> = {
  "events.k8s.io/v1/events": eventsV1,
  "autoscaling/v1/horizontalpodautoscalers": hpaV1,
};
