// authentication.k8s.io/v1 TokenRequest (kubectl create token) and SelfSubjectReview (auth whoami).

import type { SchemaPackage } from "../schema";

export const authentication: SchemaPackage = {
  proto: "k8s.io.api.authentication.v1",
  messages: {
    TokenRequest: { 1: "metadata:meta.ObjectMeta", 2: "spec!:TokenRequestSpec", 3: "status:TokenRequestStatus" },
    SelfSubjectReview: { 1: "metadata:meta.ObjectMeta", 2: "status:SelfSubjectReviewStatus" },
    TokenRequestSpec: { 1: "audiences[]! =atomic", 3: "boundObjectRef*:BoundObjectReference",
      4: "expirationSeconds*:int64" },
    TokenRequestStatus: { 1: "token!", 2: "expirationTimestamp!:meta.Time" },
    SelfSubjectReviewStatus: { 1: "userInfo:UserInfo" },
    BoundObjectReference: { 1: "kind", 2: "apiVersion", 3: "name", 4: "uid" },
    UserInfo: { 1: "username", 2: "uid", 3: "groups[] =atomic", 4: "extra:{ExtraValue}" },
    // A Go []string; builtins.ts turns the wrapper message into the list JSON has.
    ExtraValue: { 1: "items[]" },
  },
};
