import { base64ToUtf8, utf8ToBase64 } from "../../api/base64";
import { errors } from "../../api/errors";

// Upstream's token shape (base64 of {"v","rv","start"}), so a token means the same thing to anyone
// who has seen Kubernetes' own: which revision the list is pinned to and the key to resume after.
interface Token {
  v: "meta.k8s.io/v1";
  rv: number;
  start: string;
}

export function encodeContinue(rv: number, lastKey: string): string {
  const token: Token = { v: "meta.k8s.io/v1", rv, start: `${lastKey}\u0000` };
  return utf8ToBase64(JSON.stringify(token));
}

export function decodeContinue(text: string): { rv: number; start: string } {
  let token: Partial<Token>;
  try {
    token = JSON.parse(base64ToUtf8(text));
  } catch {
    throw errors.badRequest(`continue key is not valid: illegal base64 data at input byte 0`);
  }
  if (token?.v !== "meta.k8s.io/v1" || typeof token.rv !== "number" || typeof token.start !== "string") {
    throw errors.badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
  return { rv: token.rv, start: token.start };
}
