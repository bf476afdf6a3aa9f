/** Replaces every occurrence of each secret in a text by `***` (defence in depth for messages built from outside text). */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((acc, secret) => acc.split(secret).join('***'), text);
}
