// discovery.k8s.io/v1 EndpointSlice.

import type { SchemaPackage } from "../schema";

export const discovery: SchemaPackage = {
  proto: "k8s.io.api.discovery.v1",
  messages: {
    EndpointSlice: { 1: "metadata:meta.ObjectMeta", 2: "endpoints[]!:Endpoint =atomic",
      3: "ports[]:EndpointPort =atomic", 4: "addressType!" },
    Endpoint: { 1: "addresses[]! =set", 2: "conditions:EndpointConditions", 3: "hostname*",
      4: "targetRef*:core.ObjectReference", 5: "deprecatedTopology:{string}", 6: "nodeName*", 7: "zone*",
      8: "hints*:EndpointHints" },
    EndpointPort: { 0: "=atomic", 1: "name*", 2: "protocol*", 3: "port*:int32", 4: "appProtocol*" },
    EndpointConditions: { 1: "ready*:bool", 2: "serving*:bool", 3: "terminating*:bool" },
    EndpointHints: { 1: "forZones[]:ForZone =atomic", 2: "forNodes[]:ForNode =atomic @1.33" },
    ForZone: { 1: "name!" },
    ForNode: { 1: "name! @1.33" },
  },
};
