import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * HM_CA_FILE: the path of an extra CA certificate (PEM) to trust for H&M's token endpoint and API —
 * locally, the simulator's self-signed certificate. Checked now so that a wrong path fails at startup,
 * not at the first TLS handshake; the result is the absolute path.
 */
export const caFileSetting = z.string().transform((path, ctx) => {
  const absolute = resolve(path);
  let pem: string;
  try {
    pem = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    ctx.addIssue({ code: 'custom', message: `expected a readable PEM certificate file; cannot read ${JSON.stringify(absolute)} (${code})` });
    return z.NEVER;
  }
  try {
    new X509Certificate(pem);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `expected a PEM certificate ("-----BEGIN CERTIFICATE-----"); ${JSON.stringify(absolute)} is not one`,
    });
    return z.NEVER;
  }
  return absolute;
});
