// scheduling.k8s.io/v1 PriorityClass.

import type { SchemaPackage } from "../schema";

export const scheduling: SchemaPackage = {
  proto: "k8s.io.api.scheduling.v1",
  messages: {
    PriorityClass: { 1: "metadata:meta.ObjectMeta", 2: "value!:int32", 3: "globalDefault:bool", 4: "description",
      5: "preemptionPolicy*" },
  },
};
