import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpClient } from '../../../src/adapters/erp/erpClient.js';
import type { ErpSimulator } from '../../../src/local/erpSimulator/index.js';
import { PASSWORD, USERNAME, clientFor, expectNoSecrets, rejectionOf, requestsSince, startSimulator } from './erpTestKit.js';

const LOGIN = '/api/login';
const basicHeader = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');

describe('ErpClient with ERP_AUTH_MODE=basic', () => {
  let sim: ErpSimulator;
  const clients: ErpClient[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ authMode: 'basic' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await sim.close();
  });

  it('reads a page with Authorization: Basic credentials, without any login call', async () => {
    const client = clientFor(sim);
    clients.push(client);
    const before = sim.requests().length;
    const rows = await client.readChanges('orders', 0, 5);
    expect(rows).toHaveLength(5);
    expect(requestsSince(sim, before).map((r) => [r.path, r.status])).toEqual([['/api/millenium_eco/pedido_venda/listapedidos', 200]]);
  });

  it('fails ERP_AUTH_FAILED naming the settings to check when the password is wrong, and never shows the password', async () => {
    const wrong = 'Wrong-Pass-Kq93';
    const client = clientFor(sim, { password: wrong });
    clients.push(client);
    const before = sim.requests().length;
    const error = await rejectionOf(client.readChanges('orders', 0, 5));
    expect(error.code).toBe('ERP_AUTH_FAILED');
    expect(error.message).toContain('ERP_USERNAME / ERP_PASSWORD / ERP_AUTH_MODE');
    expect(error.message).toContain('GET /api/millenium_eco/pedido_venda/listapedidos answered 401');
    expectNoSecrets(error, [wrong, PASSWORD, Buffer.from(`${USERNAME}:${wrong}`).toString('base64'), basicHeader]);
    // A refused Basic credential is not retried.
    expect(requestsSince(sim, before)).toHaveLength(1);
  });
});

describe('ErpClient with ERP_AUTH_MODE=session', () => {
  let sim: ErpSimulator;
  const clients: ErpClient[] = [];
  const sessionClient = () => {
    const client = clientFor(sim, { authMode: 'session' });
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    sim = await startSimulator({ authMode: 'session' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await sim.close();
  });

  it('logs in once with WTS-Authorization and sends the session on every later call', async () => {
    const client = sessionClient();
    const before = sim.requests().length;
    await client.readChanges('orders', 0, 3);
    await client.readChanges('returns', 0, 3);
    expect(await client.fetchOrder(sim.dataset.orders[0]?.orderNumber ?? '')).not.toBeNull();
    const calls = requestsSince(sim, before);
    expect(calls.map((r) => r.path)).toEqual([
      LOGIN,
      '/api/millenium_eco/pedido_venda/listapedidos',
      '/api/millenium_eco/troca_devolucao/lista',
      '/api/millenium_eco/pedido_venda/listapedidos',
    ]);
    expect(calls.every((r) => r.status === 200)).toBe(true);
  });

  it('shares one login among concurrent callers', async () => {
    const client = sessionClient();
    const before = sim.requests().length;
    const pages = await Promise.all([0, 1, 2, 3, 4].map(() => client.readChanges('orders', 0, 2)));
    expect(pages.every((rows) => rows.length === 2)).toBe(true);
    expect(requestsSince(sim, before).filter((r) => r.path === LOGIN)).toHaveLength(1);
  });

  it('logs in again once and retries once when the session has expired (401)', async () => {
    const client = sessionClient();
    await client.readChanges('orders', 0, 1);
    sim.expireSessions();
    const before = sim.requests().length;
    const rows = await client.readChanges('orders', 0, 4);
    expect(rows).toHaveLength(4);
    expect(requestsSince(sim, before).map((r) => [r.path, r.status])).toEqual([
      ['/api/millenium_eco/pedido_venda/listapedidos', 401],
      [LOGIN, 200],
      ['/api/millenium_eco/pedido_venda/listapedidos', 200],
    ]);
  });

  it('fails ERP_AUTH_FAILED when the login is refused, without the password in the error', async () => {
    const wrong = 'Wrong-Pass-Kq93';
    const client = clientFor(sim, { authMode: 'session', password: wrong });
    clients.push(client);
    const error = await rejectionOf(client.readChanges('orders', 0, 1));
    expect(error.code).toBe('ERP_AUTH_FAILED');
    expect(error.message).toContain('GET /api/login answered 401');
    expect(error.message).toContain('ERP_USERNAME / ERP_PASSWORD / ERP_AUTH_MODE');
    expectNoSecrets(error, [wrong, `${USERNAME}/${wrong}`, PASSWORD]);
  });
});

describe('ErpClient when every session is refused right after login', () => {
  let sim: ErpSimulator;
  let client: ErpClient;
  beforeAll(async () => {
    sim = await startSimulator({ authMode: 'session', faults: { sessionTtlMs: 0 } });
    client = clientFor(sim, { authMode: 'session' });
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('re-logs in only once, then fails ERP_AUTH_FAILED without the session token in the error', async () => {
    const error = await rejectionOf(client.readChanges('orders', 0, 1));
    expect(error.code).toBe('ERP_AUTH_FAILED');
    expect(error.message).toContain('answered 401');
    const calls = sim.requests();
    expect(calls.map((r) => [r.path, r.status])).toEqual([
      [LOGIN, 200],
      ['/api/millenium_eco/pedido_venda/listapedidos', 401],
      [LOGIN, 200],
      ['/api/millenium_eco/pedido_venda/listapedidos', 401],
    ]);
    const tokens = sim.sessionTokens();
    expect(tokens).toHaveLength(2);
    expectNoSecrets(error, [PASSWORD, ...tokens]);
  });
});
