import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { Agent } from 'node:https';
import type { HmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';

export const SIM = {
  tenantId: 'tenant-br',
  clientId: 'client-bridge',
  clientSecret: 'super-secret-value-123',
  resource: 'api://hm-order-platform',
  subscriptionKey: 'apim-key-456',
} as const;

/** Raw HTTPS access to a simulator, trusting its certificate, accepting every status. */
export function simulatorHttp(sim: HmSimulator): {
  http: AxiosInstance;
  requestToken(form?: Record<string, string>, tenant?: string): Promise<{ status: number; data: Record<string, unknown> }>;
  token(): Promise<string>;
  postEvent(body: unknown, headers?: Record<string, string | undefined>, token?: string): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }>;
  close(): void;
} {
  const agent = new Agent({ ca: sim.caPem, keepAlive: false });
  const http = axios.create({ httpsAgent: agent, validateStatus: () => true });

  const requestToken = async (form: Record<string, string> = {}, tenant: string = SIM.tenantId) => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: SIM.clientId,
      client_secret: SIM.clientSecret,
      scope: `${SIM.resource}/.default`,
      ...form,
    });
    const res = await http.post<Record<string, unknown>>(`${sim.authorityHost}/${tenant}/oauth2/v2.0/token`, body.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { status: res.status, data: res.data };
  };

  const token = async () => {
    const res = await requestToken();
    if (typeof res.data.access_token !== 'string') throw new Error(`no token: ${JSON.stringify(res.data)}`);
    return res.data.access_token;
  };

  const postEvent = async (body: unknown, headers: Record<string, string | undefined> = {}, bearer?: string) => {
    const eventId = typeof body === 'object' && body !== null && 'eventId' in body ? String(body.eventId) : 'none';
    const all: Record<string, string | undefined> = {
      authorization: `Bearer ${bearer ?? (await token())}`,
      'ocp-apim-subscription-key': SIM.subscriptionKey,
      'content-type': 'application/json',
      'idempotency-key': eventId,
      'x-correlation-id': `corr-${eventId}`,
      ...headers,
    };
    const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
    const data = typeof body === 'string' ? body : JSON.stringify(body);
    // transformRequest keeps the text as is, so malformed JSON reaches the server untouched.
    const res = await http.post<unknown>(`${sim.url}/order-status-events`, data, { headers: sent, transformRequest: [(d: unknown) => d] });
    return { status: res.status, data: res.data, headers: res.headers as Record<string, unknown> };
  };

  return { http, requestToken, token, postEvent, close: () => agent.destroy() };
}
