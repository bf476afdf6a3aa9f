import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { appendAccepted, loadAcceptedLog } from './acceptedLog.js';
import { makeLocalCertificate } from './certificate.js';
import type { EntraDirectory } from './entraEndpoints.js';
import { handleEntraRequest } from './entraEndpoints.js';
import { FaultPlan } from './faults.js';
import { sendJson } from './httpIo.js';
import type { OrderServiceState, RememberAccepted } from './orderEndpoint.js';
import { handleOrderRequest } from './orderEndpoint.js';
import type { HmSimulator, HmSimulatorOptions } from './simulatorTypes.js';
import { TokenRegistry } from './tokenRegistry.js';

export type { HmFaults, HmSimulator, HmSimulatorOptions, ReceivedEvent } from './simulatorTypes.js';

/**
 * Starts the H&M simulator: Entra ID (OpenID metadata + client-credentials token endpoint) and the
 * order API behind an APIM-like gateway, on one HTTPS server with a certificate made for this run.
 * With `stateFile`, what it accepted survives a restart.
 */
export async function startHmSimulator(options: HmSimulatorOptions): Promise<HmSimulator> {
  const { key, cert } = await makeLocalCertificate();
  const tokens = new TokenRegistry(options.tokenTtlSeconds ?? 3600);
  const faults = new FaultPlan(options.faults);
  const state: OrderServiceState = { knownOrders: new Set(), eventIds: new Map(), received: [] };
  const stateFile = options.stateFile ?? null;
  // Earlier runs' accepted events count for the business rules (409 on a known id, no 404 on a known order).
  const before = stateFile ? loadAcceptedLog(stateFile) : [];
  for (const entry of before) {
    state.eventIds.set(entry.eventId, entry.receivedAt);
    state.knownOrders.add(entry.orderNumber);
  }
  const remember: RememberAccepted | undefined = stateFile ? (entry) => appendAccepted(stateFile, entry) : undefined;
  // Aborts pending simulated latency on close, so no timer outlives the server.
  const closing = new AbortController();
  let directory: EntraDirectory | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'https://simulator').pathname;
    if (directory && (await handleEntraRequest(req, res, path, directory, tokens))) return;
    if (path === '/hm' || path.startsWith('/hm/')) {
      const latency = faults.latencyMs();
      if (latency > 0) await sleep(latency, undefined, { signal: closing.signal });
      await handleOrderRequest(req, res, path, { subscriptionKey: options.subscriptionKey, tokens, faults, state, remember });
      return;
    }
    req.resume();
    sendJson(res, 404, { error: 'not_found', error_description: `no simulated endpoint at ${req.method ?? ''} ${path}` });
  };

  const server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted) {
        res.destroy();
        return;
      }
      sendJson(res, 500, { statusCode: 500, message: `simulator error: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const authorityHost = `https://127.0.0.1:${port}`;
  const { tenantId, clientId, clientSecret, resource } = options;
  directory = { authorityHost, tenantId, clientId, clientSecret, resource };

  return {
    url: `${authorityHost}/hm`,
    authorityHost,
    caPem: cert,
    received: () => state.received.map((r) => structuredClone(r)),
    acceptedBefore: () => before.length,
    tokensIssued: () => tokens.count(),
    setFaults: (f) => faults.set(f),
    revokeTokens: () => tokens.revokeAll(),
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
