// certificates.k8s.io/v1 CertificateSigningRequest.
import { objectFields, type Descriptions } from "./common";

const P = "io.k8s.api.certificates.v1.";
const fromRequester = "Filled in by the API server from the requesting user on create; immutable.";

export const certificates: Descriptions = {
  [`${P}CertificateSigningRequest`]: {
    "": "A request for an X.509 certificate from a named signer. Once approved, the signer issues the " +
      "certificate into status. Kubelets use it for their client and serving certificates.",
    ...objectFields,
    spec: "The certificate request, the signer asked for and who is asking. Immutable.",
    status: "Approval conditions and, once issued, the certificate.",
  },
  [`${P}CertificateSigningRequestSpec`]: {
    "": "The contents of a certificate signing request.",
    expirationSeconds: "Requested validity of the certificate, at least 600 seconds. Signers may issue a " +
      "different duration, so check the certificate itself.",
    extra: `Extra attributes of the requesting user. ${fromRequester}`,
    groups: `Groups of the requesting user. ${fromRequester}`,
    request: "A PEM-encoded PKCS#10 CERTIFICATE REQUEST block (base64 again in JSON). Required.",
    signerName: "The signer to issue the certificate, such as kubernetes.io/kube-apiserver-client, " +
      "kubernetes.io/kube-apiserver-client-kubelet, kubernetes.io/kubelet-serving or a custom domain-prefixed " +
      "name. Required.",
    uid: `UID of the requesting user. ${fromRequester}`,
    usages: "Key usages wanted, such as digital signature, key encipherment, client auth or server auth.",
    username: `Name of the requesting user. ${fromRequester}`,
  },
  [`${P}CertificateSigningRequestStatus`]: {
    "": "The outcome of a certificate signing request.",
    certificate: "The issued certificate chain in PEM, set by the signer through /status after approval. " +
      "Immutable once set; stays empty if the request is denied or fails.",
    conditions: "Approved, Denied or Failed, set through the /approval and /status subresources.",
  },
};
