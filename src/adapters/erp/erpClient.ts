import type { AxiosResponse } from 'axios';
import type { ErpGateway, Feed } from '../../app/ports.js';
import { createErpAuth, type ErpAuth } from './erpAuth.js';
import {
  DEFAULT_ERP_ORDERS_PATH,
  DEFAULT_ERP_RETURNS_PATH,
  DEFAULT_ERP_TIMEOUT_MS,
  type ErpClientOptions,
} from './erpClientOptions.js';
import { erpBodyError, erpStatusError, erpTransportError } from './erpErrors.js';
import { createErpHttp, type ErpHttp } from './erpHttp.js';
import { describeIssues, odataEnvelopeSchema } from './odataEnvelope.js';

/** The e-Millennium gateway client; `close()` releases its pooled connections. */
export interface ErpClient extends ErpGateway {
  close(): void;
}

type Query = Record<string, string | number>;

/**
 * Creates the ERP client: list calls over one keep-alive axios instance, authenticated per
 * ERP_AUTH_MODE. It does not retry (beyond one re-login): the next extract run is the retry.
 */
export function createErpClient(options: ErpClientOptions): ErpClient {
  const http = createErpHttp(options.baseUrl, options.timeoutMs ?? DEFAULT_ERP_TIMEOUT_MS);
  const auth = createErpAuth(options.authMode, options.username, options.password, http.axios);
  const paths: Record<Feed, string> = {
    orders: options.ordersPath ?? DEFAULT_ERP_ORDERS_PATH,
    returns: options.returnsPath ?? DEFAULT_ERP_RETURNS_PATH,
  };
  const list = (path: string, query: Query) => listRows(http, auth, path, withListParams(query, options.vitrine));
  return {
    readChanges: (feed, fromTransId, top) => list(paths[feed], { trans_id: fromTransId, $top: top }),
    async fetchOrder(orderNumber) {
      const rows = await list(paths.orders, { cod_pedidov: orderNumber });
      return rows[0] ?? null;
    },
    close: () => http.close(),
  };
}

/** Every list call asks for JSON (the gateway answers XML otherwise) and names the storefront when set. */
function withListParams(query: Query, vitrine: string | null): Query {
  return vitrine === null ? { ...query, $format: 'json' } : { ...query, $format: 'json', vitrine };
}

async function listRows(http: ErpHttp, auth: ErpAuth, path: string, query: Query): Promise<unknown[]> {
  let headers = await auth.headers();
  let response = await get(http, auth, path, query, headers);
  if (response.status === 401 && auth.renewAfter401(headers)) {
    headers = await auth.headers();
    response = await get(http, auth, path, query, headers);
  }
  if (response.status < 200 || response.status >= 300) {
    throw erpStatusError('GET', path, response.status, response.data ?? '', auth.redact);
  }
  let body: unknown;
  try {
    body = JSON.parse(response.data);
  } catch {
    throw erpBodyError('GET', path, 'not JSON (is $format=json honoured?)');
  }
  const envelope = odataEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw erpBodyError('GET', path, 'not an OData envelope {"value": [...]}', describeIssues(envelope.error));
  }
  return envelope.data.value;
}

async function get(
  http: ErpHttp,
  auth: ErpAuth,
  path: string,
  params: Query,
  headers: Record<string, string>,
): Promise<AxiosResponse<string>> {
  try {
    return await http.axios.get<string>(path, { params, headers });
  } catch (error) {
    throw erpTransportError('GET', path, error, auth.redact);
  }
}
