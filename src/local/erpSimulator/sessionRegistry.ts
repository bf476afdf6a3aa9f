import { randomUUID } from 'node:crypto';

/** Sessions handed out by GET /api/login, each with an expiry on the wall clock. */
export class SessionRegistry {
  private readonly expiries = new Map<string, number>();
  private readonly issued: string[] = [];

  /** A new session token valid for `ttlMs` (null: until expireAll). */
  open(ttlMs: number | null): string {
    const token = `{${randomUUID().toUpperCase()}}`;
    this.expiries.set(token, ttlMs === null ? Number.POSITIVE_INFINITY : Date.now() + ttlMs);
    this.issued.push(token);
    return token;
  }

  /** True while the token is known and not expired. */
  isValid(token: string | undefined): boolean {
    if (token === undefined) return false;
    const expiry = this.expiries.get(token);
    if (expiry === undefined) return false;
    if (Date.now() < expiry) return true;
    this.expiries.delete(token);
    return false;
  }

  /** Every token handed out so far, so tests can check that none leaks. */
  issuedTokens(): string[] {
    return [...this.issued];
  }

  /** Forgets every session, as an ERP restart does. */
  expireAll(): void {
    this.expiries.clear();
  }
}
