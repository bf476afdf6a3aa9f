import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErpDataset } from './dataset/datasetTypes.js';
import { generateErpDataset } from './dataset/erpDataset.js';
import { Random } from './dataset/random.js';
import { FeedIndex } from './feedIndex.js';
import { handleGatewayRequest, type GatewayState, type RecordedRequest } from './gatewayRequest.js';
import { SessionRegistry } from './sessionRegistry.js';
import { SimulatorClock } from './simulatorClock.js';
import { erpFaultsSchema, erpSimulatorOptionsSchema, type ErpFaults, type ErpSimulatorOptions } from './simulatorOptions.js';

/** A running e-Millennium simulator and the handles tests use to drive it. */
export interface ErpSimulator {
  /** e.g. http://127.0.0.1:50123 — what ERP_BASE_URL points at. */
  readonly url: string;
  readonly port: number;
  readonly dataset: ErpDataset;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
  /** How far the story has unfolded, in ms. */
  elapsedMs(): number;
  /** Moves the story forward to `ms` (never back). */
  advanceTo(ms: number): void;
  /** Makes every change visible at once. */
  revealAll(): void;
  /** Changes the injected faults from now on. */
  setFaults(faults: Partial<ErpFaults>): void;
  /** Forgets every session (session mode): the next call with an old one gets 401. */
  expireSessions(): void;
  /** Every session token handed out so far (session mode). */
  sessionTokens(): string[];
  /** The calls answered so far (method, path, query, status; never headers). */
  requests(): RecordedRequest[];
  /** TCP connections accepted so far (keep-alive clients reuse theirs). */
  connectionCount(): number;
}

/** Starts the simulator on `port` (0: ephemeral) with the scenario generated from `seed`. */
export async function startErpSimulator(options: ErpSimulatorOptions): Promise<ErpSimulator> {
  const settings = erpSimulatorOptionsSchema.parse(options);
  const dataset = generateErpDataset(settings);
  const clock = new SimulatorClock(settings.clock);
  const sessions = new SessionRegistry();
  const closing = new AbortController();
  const log: RecordedRequest[] = [];
  let connections = 0;

  const server = http.createServer();
  server.on('connection', () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${settings.host}:${port}`;

  const state: GatewayState = {
    settings,
    faults: settings.faults,
    clock,
    sessions,
    feeds: {
      orders: new FeedIndex(dataset.changes.filter((c) => c.feed === 'orders')),
      returns: new FeedIndex(dataset.changes.filter((c) => c.feed === 'returns')),
    },
    // Its own stream, so injected faults do not depend on how many rows were generated.
    faultRng: new Random(settings.seed ^ 0x5eed),
    log,
    baseUrl: url,
    closing: closing.signal,
  };
  server.on('request', (req, res) => {
    handleGatewayRequest(state, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  return {
    url,
    port,
    dataset,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    elapsedMs: () => clock.elapsedMs(),
    advanceTo: (ms) => clock.advanceTo(ms),
    revealAll: () => clock.revealAll(),
    setFaults: (faults) => {
      state.faults = erpFaultsSchema.parse({ ...state.faults, ...faults });
    },
    expireSessions: () => sessions.expireAll(),
    sessionTokens: () => sessions.issuedTokens(),
    requests: () => [...log],
    connectionCount: () => connections,
  };
}
