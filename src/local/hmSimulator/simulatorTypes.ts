/** Public shapes of the H&M simulator: its options, its fault settings and what it records. */

export interface HmFaults {
  /** Delay added before answering each order API request. */
  latencyMs?: number;
  /** Share (0–1) of order POSTs answered 503. */
  errorRate?: number;
  /** Share (0–1) of order POSTs answered 429 with `Retry-After: 1`. */
  throttleRate?: number;
  /** Seed of the pseudo-random draws behind the rates, so a run can be replayed. */
  seed?: number;
  /** The next N order POSTs are answered 503, whatever the rates (deterministic tests). */
  failNext?: number;
  /** The next N order POSTs are answered 429 with `Retry-After: 1`, whatever the rates. */
  throttleNext?: number;
  /** Every bearer token is refused with 401, even a fresh one (an app not granted access to the API). */
  refuseTokens?: boolean;
}

export interface HmSimulatorOptions {
  /** 0 (default) picks an ephemeral port. */
  port?: number;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The API's App ID URI; the only scope granted is `<resource>/.default`. */
  resource: string;
  subscriptionKey: string;
  /** Lifetime of issued tokens (default 3600). */
  tokenTtlSeconds?: number;
  faults?: HmFaults;
  /**
   * A JSON-lines file that makes the simulator remember, across restarts, the events it accepted (as a
   * real H&M does): loaded at start, appended before each 2xx. Null or absent: memory only.
   */
  stateFile?: string | null;
}

/** One request the order API received, kept for tests (the Authorization and subscription key headers are left out). */
export interface ReceivedEvent {
  receivedAt: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The parsed JSON body, or null when it was not JSON. */
  body: unknown;
  rawBody: string;
  /** The HTTP status the simulator answered. */
  status: number;
  response: unknown;
}

export interface HmSimulator {
  /** Base URL of the order API (what HM_API_URL would be), e.g. https://127.0.0.1:PORT/hm. */
  url: string;
  /** What HM_AUTHORITY_HOST would be, e.g. https://127.0.0.1:PORT. */
  authorityHost: string;
  /** The self-signed certificate the server presents, to be trusted by clients. */
  caPem: string;
  /** The requests this process received (not those of earlier runs, even with a state file). */
  received(): ReceivedEvent[];
  /** How many accepted events the state file held at start (0 without one). */
  acceptedBefore(): number;
  tokensIssued(): number;
  /** Replaces the fault settings. */
  setFaults(faults: HmFaults): void;
  /** Makes every token issued so far invalid (the next API call with one gets 401). */
  revokeTokens(): void;
  close(): Promise<void>;
}
