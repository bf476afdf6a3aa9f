import type { AxiosInstance } from 'axios';
import type { ErpAuthMode } from './erpClientOptions.js';
import { erpBodyError, erpStatusError, erpTransportError, redactorFor, type Redact } from './erpErrors.js';
import { describeIssues, loginAnswerSchema } from './odataEnvelope.js';

export const LOGIN_PATH = '/api/login';

/** Authenticates calls to e-Millennium (contracts/erp-millennium.md, "Auth"). */
export interface ErpAuth {
  /** Headers that authenticate the next call (session mode: logs in first when needed). */
  headers(): Promise<Record<string, string>>;
  /**
   * After a 401 to a call made with `used`: forgets those credentials and says whether one retry
   * with fresh ones is worth it (session mode only: the session may have expired).
   */
  renewAfter401(used: Record<string, string>): boolean;
  /** Replaces the secrets this auth knows of in a text. */
  readonly redact: Redact;
}

/** The auth of ERP_AUTH_MODE. */
export function createErpAuth(mode: ErpAuthMode, username: string, password: string, http: AxiosInstance): ErpAuth {
  return mode === 'basic' ? basicAuth(username, password) : new SessionAuth(username, password, http);
}

function basicAuth(username: string, password: string): ErpAuth {
  const credential = Buffer.from(`${username}:${password}`).toString('base64');
  const headers = { Authorization: `Basic ${credential}` };
  return {
    headers: async () => headers,
    // A refused Basic credential stays refused: retrying would only lock the ERP user sooner.
    renewAfter401: () => false,
    redact: redactorFor(() => [credential, password]),
  };
}

/** WTS-Session auth: one login shared by concurrent callers, renewed once when the ERP answers 401. */
class SessionAuth implements ErpAuth {
  private token: string | null = null;
  private loginInFlight: Promise<string> | null = null;
  readonly redact: Redact;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly http: AxiosInstance,
  ) {
    this.redact = redactorFor(() => [`${username}/${password}`, password, this.token ?? '']);
  }

  async headers(): Promise<Record<string, string>> {
    const token = this.token ?? (await this.login());
    return { 'WTS-Session': token };
  }

  renewAfter401(used: Record<string, string>): boolean {
    // Only forget the token that failed: a concurrent caller may already hold a newer one.
    if (used['WTS-Session'] === this.token) this.token = null;
    return true;
  }

  private login(): Promise<string> {
    this.loginInFlight ??= this.requestSession().finally(() => {
      this.loginInFlight = null;
    });
    return this.loginInFlight;
  }

  private async requestSession(): Promise<string> {
    let response;
    try {
      response = await this.http.get<string>(LOGIN_PATH, {
        params: { $format: 'json' },
        headers: { 'WTS-Authorization': `${this.username}/${this.password}` },
      });
    } catch (error) {
      throw erpTransportError('GET', LOGIN_PATH, error, this.redact);
    }
    if (response.status < 200 || response.status >= 300) {
      throw erpStatusError('GET', LOGIN_PATH, response.status, String(response.data ?? ''), this.redact);
    }
    let body: unknown;
    try {
      body = JSON.parse(String(response.data));
    } catch {
      throw erpBodyError('GET', LOGIN_PATH, 'not JSON');
    }
    const parsed = loginAnswerSchema.safeParse(body);
    if (!parsed.success) throw erpBodyError('GET', LOGIN_PATH, 'no "session" in the login answer', describeIssues(parsed.error));
    this.token = parsed.data.session;
    return this.token;
  }
}
