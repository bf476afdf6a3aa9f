import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createErpClient, type ErpClient } from '../../../src/adapters/erp/erpClient.js';
import type { ErpSimulator } from '../../../src/local/erpSimulator/index.js';
import { PASSWORD, USERNAME, clientFor, expectNoSecrets, rejectionOf, startSimulator } from './erpTestKit.js';

const ORDERS = '/api/millenium_eco/pedido_venda/listapedidos';
const basicHeader = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');

describe('ErpClient when the ERP fails', () => {
  let sim: ErpSimulator;
  const clients: ErpClient[] = [];
  const client = (options: Parameters<typeof clientFor>[1] = {}) => {
    const c = clientFor(sim, options);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    sim = await startSimulator({ maxTop: 50 });
  });
  afterEach(() => sim.setFaults({ errorRate: 0, latencyMs: 0 }));
  afterAll(async () => {
    for (const c of clients) c.close();
    await sim.close();
  });

  it('fails ERP_UNAVAILABLE naming method, path and status when the ERP answers 503', async () => {
    sim.setFaults({ errorRate: 1 });
    const error = await rejectionOf(client().readChanges('orders', 0, 10));
    expect(error.code).toBe('ERP_UNAVAILABLE');
    expect(error.message).toContain(`GET ${ORDERS} answered 503`);
    expectNoSecrets(error, [PASSWORD, basicHeader]);
  });

  it('fails ERP_UNAVAILABLE when the ERP does not answer within the timeout', async () => {
    sim.setFaults({ latencyMs: 3_000 });
    const error = await rejectionOf(client({ timeoutMs: 150 }).readChanges('orders', 0, 10));
    expect(error.code).toBe('ERP_UNAVAILABLE');
    expect(error.message).toContain(`GET ${ORDERS}`);
    expect(error.message).toContain('timed out');
    expectNoSecrets(error, [PASSWORD, basicHeader]);
  });

  it('fails ERP_UNAVAILABLE naming the status and the path when a feed path is wrong (404)', async () => {
    const error = await rejectionOf(client({ ordersPath: '/api/millenium_eco/pedido_venda/lista_errada' }).readChanges('orders', 0, 10));
    expect(error.code).toBe('ERP_UNAVAILABLE');
    expect(error.message).toContain('answered 404 to GET /api/millenium_eco/pedido_venda/lista_errada');
    expect(error.message).toContain('ERP_ORDERS_PATH');
  });

  it('fails ERP_UNAVAILABLE naming the status when the ERP rejects the request (400: $top above its maximum)', async () => {
    const error = await rejectionOf(client().readChanges('orders', 0, 51));
    expect(error.code).toBe('ERP_UNAVAILABLE');
    expect(error.message).toContain(`answered 400 to GET ${ORDERS}`);
  });

  it('fails ERP_UNAVAILABLE when nothing listens at ERP_BASE_URL', async () => {
    const closed = await startSimulator();
    const url = closed.url;
    await closed.close();
    const c = createErpClient({ baseUrl: url, authMode: 'basic', username: USERNAME, password: PASSWORD, vitrine: null, timeoutMs: 2_000 });
    clients.push(c);
    const error = await rejectionOf(c.readChanges('orders', 0, 10));
    expect(error.code).toBe('ERP_UNAVAILABLE');
    expect(error.message).toContain(`did not answer GET ${ORDERS}`);
    expectNoSecrets(error, [PASSWORD, basicHeader]);
  });
});

describe('ErpClient when the ERP answers a body that is not an OData envelope', () => {
  const bodies: Record<string, string> = {
    '/value-not-a-list': JSON.stringify({ 'odata.count': 1, value: { cod_pedidov: '1' } }),
    '/no-value': JSON.stringify({ 'odata.count': 0 }),
    '/count-as-text': JSON.stringify({ 'odata.count': 'many', value: [] }),
    '/not-json': '<?xml version="1.0"?><feed/>',
  };
  let server: http.Server;
  let baseUrl: string;
  const clients: ErpClient[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const body = bodies[new URL(req.url ?? '/', 'http://x').pathname] ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it.each(Object.keys(bodies))('fails ERP_UNAVAILABLE naming the path for %s', async (path) => {
    const client = createErpClient({ baseUrl, authMode: 'basic', username: USERNAME, password: PASSWORD, vitrine: null, ordersPath: path });
    clients.push(client);
    const error = await rejectionOf(client.readChanges('orders', 0, 10));
    expect(error.code).toBe('ERP_UNAVAILABLE');
    expect(error.message).toContain(`GET ${path} with an unexpected body`);
  });
});
