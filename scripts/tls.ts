import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "selfsigned";

export interface ServingCert {
  cert: string;
  key: string;
}

/**
 * The local cluster's serving certificate: self-signed for 127.0.0.1 and localhost, made once per
 * cluster directory and trusted by the kubeconfig. TLS is not optional: client-go drops bearer
 * tokens on plain-http connections.
 */
export async function servingCert(dir: string): Promise<ServingCert> {
  const certFile = path.join(dir, "serving.crt");
  const keyFile = path.join(dir, "serving.key");
  if (existsSync(certFile) && existsSync(keyFile)) {
    return { cert: readFileSync(certFile, "utf8"), key: readFileSync(keyFile, "utf8") };
  }
  const now = new Date();
  const pems = await generate([{ name: "commonName", value: "kubeflare" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  writeFileSync(certFile, pems.cert);
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private };
}

/** The CA a client of the cluster in `dir` must trust. */
export function servingCertPem(dir: string): string {
  return readFileSync(path.join(dir, "serving.crt"), "utf8");
}
