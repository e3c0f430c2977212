// authorization.k8s.io/v1 self reviews (kubectl auth can-i, can-i --list).

import type { SchemaPackage } from "../schema";

export const authorization: SchemaPackage = {
  proto: "k8s.io.api.authorization.v1",
  messages: {
    SelfSubjectAccessReview: { 1: "metadata:meta.ObjectMeta", 2: "spec!:SelfSubjectAccessReviewSpec",
      3: "status:SubjectAccessReviewStatus" },
    SelfSubjectRulesReview: { 1: "metadata:meta.ObjectMeta", 2: "spec!:SelfSubjectRulesReviewSpec",
      3: "status:SubjectRulesReviewStatus" },
    SelfSubjectAccessReviewSpec: { 1: "resourceAttributes*:ResourceAttributes",
      2: "nonResourceAttributes*:NonResourceAttributes" },
    SubjectAccessReviewStatus: { 1: "allowed!:bool", 2: "reason", 3: "evaluationError", 4: "denied:bool" },
    SelfSubjectRulesReviewSpec: { 1: "namespace" },
    SubjectRulesReviewStatus: { 1: "resourceRules[]!:ResourceRule =atomic",
      2: "nonResourceRules[]!:NonResourceRule =atomic", 3: "incomplete!:bool", 4: "evaluationError" },
    ResourceAttributes: { 1: "namespace", 2: "verb", 3: "group", 4: "version", 5: "resource", 6: "subresource",
      7: "name", 8: "fieldSelector*:FieldSelectorAttributes", 9: "labelSelector*:LabelSelectorAttributes" },
    NonResourceAttributes: { 1: "path", 2: "verb" },
    ResourceRule: { 1: "verbs[]! =atomic", 2: "apiGroups[] =atomic", 3: "resources[] =atomic",
      4: "resourceNames[] =atomic" },
    NonResourceRule: { 1: "verbs[]! =atomic", 2: "nonResourceURLs[] =atomic" },
    FieldSelectorAttributes: { 1: "rawSelector", 2: "requirements[]:meta.FieldSelectorRequirement =atomic" },
    LabelSelectorAttributes: { 1: "rawSelector", 2: "requirements[]:meta.LabelSelectorRequirement =atomic" },
  },
};
