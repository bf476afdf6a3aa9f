import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AcceptedEntry } from './acceptedLog.js';
import type { FieldError } from './eventBodyRules.js';
import type { FaultPlan } from './faults.js';
import { readBody, sendJson } from './httpIo.js';
import type { ReceivedEvent } from './simulatorTypes.js';
import type { TokenRegistry } from './tokenRegistry.js';
import { validateEventBody } from './validateEventBody.js';

/** The parsed body, or undefined when it is not JSON. */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Headers never kept in the received log: they carry secrets. */
const SECRET_HEADERS = new Set(['authorization', 'ocp-apim-subscription-key']);

/** What the order service remembers between calls. */
export interface OrderServiceState {
  /** Orders whose CREATED was accepted (in this run or, with a state file, an earlier one). */
  knownOrders: Set<string>;
  /** Accepted event ids → when they were accepted (same scope as knownOrders). */
  eventIds: Map<string, string>;
  /** This process's requests only, for tests. */
  received: ReceivedEvent[];
}

/** Stores an accepted event durably; called before the 2xx answer and before memory changes. */
export type RememberAccepted = (entry: AcceptedEntry) => void;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const fieldErrors = (status: number, errors: FieldError[]): Answer => ({ status, body: { errors } });

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The gateway's checks (APIM): faults first, then subscription key, then the bearer token. */
function gatewayAnswer(req: IncomingMessage, subscriptionKey: string, tokens: TokenRegistry, faults: FaultPlan): Answer | null {
  const fault = faults.next();
  if (fault === 'throttled') {
    return { status: 429, headers: { 'retry-after': '1' }, body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' } };
  }
  if (fault === 'unavailable') {
    return { status: 503, body: { statusCode: 503, message: 'Service temporarily unavailable (simulated fault).' } };
  }
  const key = header(req, 'ocp-apim-subscription-key');
  if (key === undefined || key === '') {
    return { status: 403, body: { statusCode: 403, message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.' } };
  }
  if (key !== subscriptionKey) {
    return { status: 403, body: { statusCode: 403, message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.' } };
  }
  const auth = /^Bearer (.+)$/.exec(header(req, 'authorization') ?? '');
  const verdict = !auth?.[1] ? 'missing' : faults.refusesTokens() ? 'refused' : tokens.check(auth[1]);
  if (verdict !== 'valid') {
    return {
      status: 401,
      headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="token ${verdict}"` },
      body: { statusCode: 401, message: `Unauthorized. Access token is ${verdict === 'missing' ? 'missing' : 'invalid or expired'}.` },
    };
  }
  return null;
}

/** The service's own checks: headers, JSON, the contract's schema and rules, then the business ones. */
function serviceAnswer(req: IncomingMessage, rawBody: string, state: OrderServiceState, remember: RememberAccepted | undefined): { answer: Answer; body: unknown } {
  const contentType = header(req, 'content-type') ?? '';
  const idempotencyKey = header(req, 'idempotency-key');
  const correlationId = header(req, 'x-correlation-id');
  const body = safeJson(rawBody);
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return { body, answer: fieldErrors(400, [{ field: 'headers.Content-Type', message: `must be application/json, got "${contentType}"` }]) };
  }
  if (!idempotencyKey) return { body, answer: fieldErrors(400, [{ field: 'headers.Idempotency-Key', message: 'is required' }]) };
  if (!correlationId) return { body, answer: fieldErrors(400, [{ field: 'headers.x-correlation-id', message: 'is required' }]) };
  if (body === undefined) {
    return { body, answer: fieldErrors(400, [{ field: 'body', message: 'is not well-formed JSON' }]) };
  }
  const bodyEventId = typeof body === 'object' && body !== null && 'eventId' in body ? body.eventId : undefined;
  if (typeof bodyEventId === 'string' && bodyEventId !== idempotencyKey) {
    return { body, answer: fieldErrors(400, [{ field: 'headers.Idempotency-Key', message: `must equal eventId "${bodyEventId}", got "${idempotencyKey}"` }]) };
  }
  const checked = validateEventBody(body);
  if (!checked.ok) return { body, answer: fieldErrors(422, checked.errors) };
  const { event } = checked;
  const earlier = state.eventIds.get(event.eventId);
  if (earlier !== undefined) {
    return { body, answer: fieldErrors(409, [{ field: 'eventId', message: `event ${event.eventId} was already received at ${earlier}` }]) };
  }
  if (event.status !== 'CREATED' && !state.knownOrders.has(event.order.orderNumber)) {
    return {
      body,
      answer: fieldErrors(404, [{ field: 'order.orderNumber', message: `order ${event.order.orderNumber} is unknown: its CREATED event was never received` }]),
    };
  }
  const receivedAt = new Date().toISOString();
  // On disk first: if the write fails the answer is a 500 and nothing was accepted.
  remember?.({ eventId: event.eventId, orderNumber: event.order.orderNumber, status: event.status, receivedAt });
  state.eventIds.set(event.eventId, receivedAt);
  state.knownOrders.add(event.order.orderNumber);
  return { body, answer: { status: 201, body: { eventId: event.eventId, receivedAt } } };
}

function keptHeaders(req: IncomingMessage): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (SECRET_HEADERS.has(name) || value === undefined) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

/** POST /hm/order-status-events (and a 404 for anything else under the API base), recorded for tests. */
export async function handleOrderRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: { subscriptionKey: string; tokens: TokenRegistry; faults: FaultPlan; state: OrderServiceState; remember?: RememberAccepted },
): Promise<void> {
  const rawBody = await readBody(req);
  const gate =
    req.method === 'POST' && path === '/hm/order-status-events'
      ? gatewayAnswer(req, deps.subscriptionKey, deps.tokens, deps.faults)
      : { status: 404, body: { statusCode: 404, message: 'Resource not found' } };
  const { answer, body } = gate ? { answer: gate, body: safeJson(rawBody) } : serviceAnswer(req, rawBody, deps.state, deps.remember);
  deps.state.received.push({
    receivedAt: new Date().toISOString(),
    method: req.method ?? '',
    path,
    headers: keptHeaders(req),
    body: body ?? null,
    rawBody,
    status: answer.status,
    response: answer.body,
  });
  sendJson(res, answer.status, answer.body, answer.headers);
}

