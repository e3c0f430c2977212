// certificates.k8s.io/v1 CertificateSigningRequest (kubectl certificate approve/deny PUTs it).

import type { SchemaPackage } from "../schema";

export const certificates: SchemaPackage = {
  proto: "k8s.io.api.certificates.v1",
  messages: {
    CertificateSigningRequest: { 1: "metadata:meta.ObjectMeta", 2: "spec!:CertificateSigningRequestSpec",
      3: "status:CertificateSigningRequestStatus" },
    CertificateSigningRequestSpec: { 1: "request!:bytes =atomic", 2: "username", 3: "uid", 4: "groups[] =atomic",
      5: "usages[] =atomic", 6: "extra:{ExtraValue}", 7: "signerName!", 8: "expirationSeconds*:int32" },
    CertificateSigningRequestStatus: { 1: "conditions[]:CertificateSigningRequestCondition =map(type)",
      2: "certificate:bytes =atomic" },
    CertificateSigningRequestCondition: { 1: "type!", 2: "reason", 3: "message", 4: "lastUpdateTime:meta.Time",
      5: "lastTransitionTime:meta.Time", 6: "status!" },
    // A Go []string; builtins.ts turns the wrapper message into the list JSON has.
    ExtraValue: { 1: "items[]" },
  },
};
