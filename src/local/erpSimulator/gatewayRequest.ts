import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Random } from './dataset/random.js';
import type { FeedIndex } from './feedIndex.js';
import { sendError, sendJson, sendXmlError } from './gatewayAnswers.js';
import { isAuthenticated, isValidLogin } from './gatewayAuth.js';
import type { SessionRegistry } from './sessionRegistry.js';
import type { SimulatorClock } from './simulatorClock.js';
import { SIMULATOR_LOGIN_PATH, type ErpFaults, type ErpSimulatorSettings } from './simulatorOptions.js';

/** One call the simulator answered (never its headers: they carry credentials). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

/** Everything a request handler reads or changes. */
export interface GatewayState {
  readonly settings: ErpSimulatorSettings;
  faults: ErpFaults;
  readonly clock: SimulatorClock;
  readonly sessions: SessionRegistry;
  readonly feeds: { readonly orders: FeedIndex; readonly returns: FeedIndex };
  readonly faultRng: Random;
  readonly log: RecordedRequest[];
  readonly baseUrl: string;
  /** Aborted on close, so pending latency delays end. */
  readonly closing: AbortSignal;
}

const MAX_LOGGED_REQUESTS = 2_000;
const WHOLE_NUMBER = /^\d+$/;

/** Answers one call as strictly as the real gateway: auth, $format, trans_id, $top, paths. */
export async function handleGatewayRequest(state: GatewayState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const query = Object.fromEntries(url.searchParams);
  res.on('finish', () => {
    state.log.push({ method: req.method ?? '', path: url.pathname, query, status: res.statusCode });
    if (state.log.length > MAX_LOGGED_REQUESTS) state.log.splice(0, state.log.length - MAX_LOGGED_REQUESTS);
  });

  if (state.faults.latencyMs > 0) {
    try {
      await sleep(state.faults.latencyMs, undefined, { signal: state.closing });
    } catch {
      return;
    }
  }
  if (state.faults.errorRate > 0 && state.faultRng.next() < state.faults.errorRate) {
    return sendError(res, 503, 'Serviço temporariamente indisponível');
  }
  if (req.method !== 'GET') return sendError(res, 405, `método ${req.method ?? ''} não suportado`);

  const { settings } = state;
  if (url.pathname === SIMULATOR_LOGIN_PATH && settings.authMode === 'session') return login(state, req, res);
  const feed = url.pathname === settings.ordersPath ? 'orders' : url.pathname === settings.returnsPath ? 'returns' : null;
  if (feed === null) return sendError(res, 404, `recurso não encontrado: ${url.pathname}`);
  if (!isAuthenticated(req, settings, state.sessions)) return sendError(res, 401, 'não autorizado');
  if (url.searchParams.get('$format') !== 'json') return sendXmlError(res, 400, '$format=json é obrigatório neste cliente');
  const vitrine = url.searchParams.get('vitrine');
  if (vitrine !== null && !WHOLE_NUMBER.test(vitrine)) return sendError(res, 400, `vitrine inválida: ${vitrine}`);

  const now = state.clock.elapsedMs();
  const orderNumber = url.searchParams.get('cod_pedidov');
  if (feed === 'orders' && orderNumber !== null) {
    const row = state.feeds.orders.current(orderNumber, now);
    return sendEnvelope(state, res, feed, row ? [row] : [], row ? 1 : 0);
  }
  const transId = url.searchParams.get('trans_id');
  if (transId === null || !WHOLE_NUMBER.test(transId)) return sendError(res, 400, `trans_id inválido: ${transId ?? '(ausente)'}`);
  const topText = url.searchParams.get('$top') ?? String(settings.maxTop);
  const top = WHOLE_NUMBER.test(topText) ? Number(topText) : Number.NaN;
  if (!(top >= 1 && top <= settings.maxTop)) return sendError(res, 400, `$top deve estar entre 1 e ${settings.maxTop}: ${topText}`);
  const page = state.feeds[feed].page(Number(transId), top, now);
  return sendEnvelope(state, res, feed, page.rows, page.count);
}

function login(state: GatewayState, req: IncomingMessage, res: ServerResponse): void {
  if (!isValidLogin(req, state.settings)) return sendError(res, 401, 'usuário ou senha inválidos');
  sendJson(res, 200, { session: state.sessions.open(state.faults.sessionTtlMs) });
}

function sendEnvelope(state: GatewayState, res: ServerResponse, feed: 'orders' | 'returns', rows: readonly unknown[], count: number): void {
  const entity = feed === 'orders' ? 'pedido_venda.listapedidos' : 'troca_devolucao.lista';
  sendJson(res, 200, { 'odata.metadata': `${state.baseUrl}/api/$metadata#millenium_eco.${entity}`, 'odata.count': count, value: rows });
}
