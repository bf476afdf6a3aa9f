import { randomBytes } from 'node:crypto';

/** The access tokens the simulated Entra ID issued, with their expiry; revocation forgets them all. */
export class TokenRegistry {
  private readonly tokens = new Map<string, number>();
  private issued = 0;

  constructor(private readonly ttlSeconds: number) {}

  /** Issues an opaque token valid for the configured lifetime. */
  issue(): { token: string; expiresIn: number } {
    const token = `sim.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, Date.now() + this.ttlSeconds * 1000);
    this.issued += 1;
    return { token, expiresIn: this.ttlSeconds };
  }

  /** 'valid', or why the token is refused. */
  check(token: string): 'valid' | 'unknown' | 'expired' {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return Date.now() < expiresAt ? 'valid' : 'expired';
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  count(): number {
    return this.issued;
  }
}
