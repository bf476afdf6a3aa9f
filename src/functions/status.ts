import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getOrderTimeline, listIntegrations } from '../app/query/integrationQueries.js';
import { requestBulkResync } from '../app/query/requestBulkResync.js';
import { requestResync } from '../app/query/requestResync.js';
import { getServices } from '../compositionRoot.js';
import { problem, toHttpError } from './http/httpErrors.js';
import { bulkResyncQuerySchema, listQuerySchema, noQuerySchema, orderRouteSchema } from './http/listQuerySchema.js';

/** GET /api/integrations — filter by orderNumber, status, state, from, to; newest first; paged. */
export async function listIntegrationsHandler(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const query = listQuerySchema.parse(Object.fromEntries(request.query.entries()));
    const { log } = await getServices();
    return { status: 200, jsonBody: await listIntegrations(log, query) };
  } catch (error) {
    return toHttpError(error, (m) => context.error(m));
  }
}

/** GET /api/integrations/{orderNumber} — the order's timeline with payloads sent and answers received. */
export async function orderTimelineHandler(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const { orderNumber } = orderRouteSchema.parse({ orderNumber: request.params['orderNumber'] ?? '' });
    noQuerySchema.parse(Object.fromEntries(request.query.entries()));
    const { log, states } = await getServices();
    const timeline = await getOrderTimeline(log, states, orderNumber);
    return timeline ? { status: 200, jsonBody: timeline } : problem(404, `no integration record for order "${orderNumber}"`);
  } catch (error) {
    return toHttpError(error, (m) => context.error(m));
  }
}

/** POST /api/integrations/{orderNumber}/resync — refetch the order and send what it still owes. */
export async function resyncHandler(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const { orderNumber } = orderRouteSchema.parse({ orderNumber: request.params['orderNumber'] ?? '' });
    noQuerySchema.parse(Object.fromEntries(request.query.entries()));
    const { publisher, clock } = await getServices();
    const { messageId } = await requestResync(publisher, clock, orderNumber);
    context.log(`resync queued for order ${orderNumber} (${messageId})`);
    return { status: 202, jsonBody: { orderNumber, messageId, message: 'resync queued: the order is fetched again from the ERP and what it still owes is sent' } };
  } catch (error) {
    return toHttpError(error, (m) => context.error(m));
  }
}

/** POST /api/integrations/resync — resync every order with matching records (default: FAILED ones). */
export async function bulkResyncHandler(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const query = bulkResyncQuerySchema.parse(Object.fromEntries(request.query.entries()));
    const { log, publisher, clock } = await getServices();
    const result = await requestBulkResync(log, publisher, clock, query);
    context.log(`bulk resync queued ${result.queued} orders${result.truncated ? ' (more matched: call again)' : ''}`);
    return { status: 202, jsonBody: result };
  } catch (error) {
    return toHttpError(error, (m) => context.error(m));
  }
}

app.http('listIntegrations', { methods: ['GET'], authLevel: 'function', route: 'integrations', handler: listIntegrationsHandler });
app.http('orderTimeline', { methods: ['GET'], authLevel: 'function', route: 'integrations/{orderNumber}', handler: orderTimelineHandler });
app.http('bulkResync', { methods: ['POST'], authLevel: 'function', route: 'integrations/resync', handler: bulkResyncHandler });
app.http('resyncOrder', { methods: ['POST'], authLevel: 'function', route: 'integrations/{orderNumber}/resync', handler: resyncHandler });
