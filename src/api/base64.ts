// UTF-8-safe base64, available both in workerd and Node without Buffer.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const utf8ToBase64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));
export const base64ToUtf8 = (text: string) => new TextDecoder().decode(base64ToBytes(text));
