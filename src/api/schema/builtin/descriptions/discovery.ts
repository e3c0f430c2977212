// discovery.k8s.io/v1 EndpointSlice.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.discovery.v1.";

export const discovery: Descriptions = {
  [`${P}EndpointSlice`]: {
    "": "A chunk of the endpoints backing a Service, usually maintained by the EndpointSlice controller. A " +
      "Service may have several; they carry the label kubernetes.io/service-name.",
    ...objectFields,
    addressType: "The kind of address in this slice: IPv4, IPv6, or the deprecated FQDN. Immutable.",
    endpoints: "The endpoints, at most 1000 per slice.",
    ports: "The ports every endpoint in the slice offers, at most 100, each with a unique name.",
  },
};
