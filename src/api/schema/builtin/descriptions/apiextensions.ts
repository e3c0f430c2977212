// apiextensions.k8s.io/v1 CustomResourceDefinition.
import { conditionFields, objectFields, type Descriptions } from "./common";

const P = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";

export const apiextensions: Descriptions = {
  [`${P}CustomResourceDefinition`]: {
    "": "Adds a new resource type to the API server, with its names, versions and schemas. Its name must be " +
      "<plural>.<group>.",
    ...objectFields,
    spec: "How the new resource is named, scoped, versioned and validated.",
    status: "Whether the definition is established and which names and versions are in use.",
  },
  [`${P}CustomResourceDefinitionSpec`]: {
    "": "The definition of a custom resource type.",
    conversion: "How objects are converted between versions. Defaults to strategy None.",
    group: "The API group of the new resource, the <group> in /apis/<group>/<version>; the CRD's name ends with it.",
    names: "The kind, plural, singular and short names of the resource.",
    preserveUnknownFields: "Deprecated: keep fields that the schema does not mention. Use " +
      "x-kubernetes-preserve-unknown-fields in the schema instead. Must be false for webhook conversion.",
    scope: "Namespaced or Cluster. Immutable.",
    versions: "Every version of the resource. Exactly one must be the storage version; discovery lists them " +
      "in Kubernetes version order (GA, then beta, then alpha).",
  },
  [`${P}CustomResourceDefinitionNames`]: {
    "": "The names a custom resource is served under.",
    categories: "Groups the resource belongs to, such as all, so `kubectl get all` includes it.",
    kind: "The CamelCase kind used in objects' kind field. Required.",
    listKind: "Kind name used for lists; <kind>List when unset.",
    plural: "The lowercase plural used in URLs; must match the CRD's name. Required.",
    shortNames: "Lowercase abbreviations usable in kubectl, such as crd.",
    singular: "The lowercase singular name. Defaults to the lowercased kind.",
  },
  [`${P}CustomResourceDefinitionVersion`]: {
    "": "One version of a custom resource.",
    additionalPrinterColumns: "Extra columns for kubectl get, computed with JSON paths. Without any, only the " +
      "name and age are shown.",
    deprecated: "Mark the version deprecated; requests to it get a warning. Defaults to false.",
    deprecationWarning: "A custom deprecation warning; only with deprecated set.",
    name: "The version name, such as v1 or v2beta1, used in /apis/<group>/<version>.",
    schema: "The OpenAPI v3 schema objects of this version are validated, pruned and defaulted with.",
    selectableFields: "Extra field paths usable in field selectors, at most 8.",
    served: "Whether this version is served by the API.",
    storage: "Whether objects are stored in this version; exactly one version must be.",
    subresources: "Whether status and scale subresources are served for this version.",
  },
  [`${P}CustomResourceValidation`]: {
    "": "The schema used to validate custom objects.",
    openAPIV3Schema: "A structural OpenAPI v3 schema for the whole object.",
  },
  [`${P}CustomResourceSubresources`]: {
    "": "Subresources served for a custom resource version.",
    scale: "Serve /scale, mapping replica counts and a selector to fields of the object.",
    status: "Serve /status (set to {}): the main endpoint then ignores status changes and /status ignores " +
      "everything else.",
  },
  [`${P}CustomResourceSubresourceScale`]: {
    "": "Where the /scale subresource finds replica counts and the selector.",
    labelSelectorPath: "JSON path, under .spec or .status, to a string holding the pods' label selector; " +
      "needed for autoscaling.",
    specReplicasPath: "JSON path under .spec holding the desired replicas. Required.",
    statusReplicasPath: "JSON path under .status holding the observed replicas; reads as 0 when absent. " +
      "Required.",
  },
  [`${P}CustomResourceColumnDefinition`]: {
    "": "An extra column for table output of a custom resource.",
    description: "A human-readable description of the column.",
    format: "An optional OpenAPI format for the value, such as date-time.",
    jsonPath: "A JSON path evaluated against each object to produce the cell.",
    name: "The column header.",
    priority: "0 for columns always shown; higher values only appear with -o wide.",
    type: "An OpenAPI type: string, integer, number, boolean or date.",
  },
  [`${P}CustomResourceConversion`]: {
    "": "How custom objects are converted between versions.",
    strategy: "None (only apiVersion changes) or Webhook (an external service converts).",
    webhook: "How to call the conversion webhook; required with strategy Webhook.",
  },
  [`${P}CustomResourceDefinitionStatus`]: {
    "": "The observed state of a CustomResourceDefinition.",
    acceptedNames: "The names actually in use, which may differ from spec.names when they conflict.",
    conditions: "Established, NamesAccepted and Terminating.",
    storedVersions: "Every version objects have ever been stored in. Listed versions must stay in spec.versions " +
      "until they are dropped from here, after migrating storage.",
  },
  [`${P}CustomResourceDefinitionCondition`]: {
    "": "One aspect of a CustomResourceDefinition's state.",
    ...conditionFields,
    type: "Established, NamesAccepted, NonStructuralSchema, KubernetesAPIApprovalPolicyConformant or " +
      "Terminating.",
  },
  [`${P}SelectableField`]: {
    "": "A field of a custom resource usable in field selectors.",
    jsonPath: "A JSON path, without array notation, to a string, boolean or integer field outside metadata. " +
      "An absent field reads as the empty string.",
  },
  [`${P}WebhookConversion`]: {
    "": "Connection details for a conversion webhook.",
    clientConfig: "Where the webhook is and how to trust it.",
    conversionReviewVersions: "ConversionReview versions the webhook accepts, in order of preference; the " +
      "first one the API server knows is used.",
  },
};
