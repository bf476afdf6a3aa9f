import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';

/** One axios instance with keep-alive agents, shared by every call of one client. */
export interface ErpHttp {
  readonly axios: AxiosInstance;
  /** Destroys the agents' pooled sockets. */
  close(): void;
}

/** Creates the client's HTTP stack once: keep-alive agents, a timeout, no redirects, raw text bodies. */
export function createErpHttp(baseUrl: string, timeoutMs: number): ErpHttp {
  // Polling every few seconds: reusing connections spares the ERP gateway a TCP/TLS handshake per page.
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 8 });
  const instance = axios.create({
    baseURL: baseUrl,
    timeout: timeoutMs,
    httpAgent,
    httpsAgent,
    // A redirect would re-send the credentials somewhere else: treat it as an answer instead.
    maxRedirects: 0,
    // Every status is an answer the client classifies itself; only transport failures throw.
    validateStatus: () => true,
    // Keep the body as text: the client parses and validates it, and reports bad JSON by path.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    headers: { Accept: 'application/json' },
  });
  return {
    axios: instance,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
