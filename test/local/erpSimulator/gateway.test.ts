import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_ORDER_COUNT, startErpSimulator, type ErpSimulator } from '../../../src/local/erpSimulator/index.js';

const USER = 'integra';
const PASS = 'Senha-Forte-123';
const ORDERS = '/api/millenium_eco/pedido_venda/listapedidos';
const RETURNS = '/api/millenium_eco/troca_devolucao/lista';
const basic = `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;

type Envelope = { 'odata.metadata': string; 'odata.count': number; value: { trans_id: number; cod_pedidov?: string }[] };

async function get(sim: ErpSimulator, pathAndQuery: string, headers: Record<string, string> = { Authorization: basic }) {
  const response = await fetch(`${sim.url}${pathAndQuery}`, { headers });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('ERP simulator in basic auth mode, answering as strictly as the real gateway', () => {
  let sim: ErpSimulator;
  beforeAll(async () => {
    sim = await startErpSimulator({ authMode: 'basic', username: USER, password: PASS, orderCount: MIN_ORDER_COUNT, clock: 'manual', maxTop: 20 });
    sim.revealAll();
  });
  afterAll(() => sim.close());

  it('answers 401 without credentials and with a wrong password', async () => {
    expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`, {})).status).toBe(401);
    const wrong = `Basic ${Buffer.from(`${USER}:nope`).toString('base64')}`;
    expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`, { Authorization: wrong })).status).toBe(401);
  });

  it('answers 400 with a non-JSON body when $format=json is missing', async () => {
    const answer = await get(sim, `${ORDERS}?trans_id=0`);
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('xml');
  });

  it.each(['abc', '1.5', '-1', ''])('answers 400 when trans_id is %j', async (transId) => {
    expect((await get(sim, `${ORDERS}?trans_id=${transId}&$format=json`)).status).toBe(400);
  });

  it('answers 400 when $top is above the maximum or not a positive integer', async () => {
    expect((await get(sim, `${ORDERS}?trans_id=0&$top=21&$format=json`)).status).toBe(400);
    expect((await get(sim, `${ORDERS}?trans_id=0&$top=0&$format=json`)).status).toBe(400);
    expect((await get(sim, `${ORDERS}?trans_id=0&$top=ten&$format=json`)).status).toBe(400);
    expect((await get(sim, `${ORDERS}?trans_id=0&$top=20&$format=json`)).status).toBe(200);
  });

  it('answers 404 for an unknown path and for /api/login in basic mode', async () => {
    expect((await get(sim, '/api/millenium_eco/pedido_venda/outra?trans_id=0&$format=json')).status).toBe(404);
    expect((await get(sim, '/api/login')).status).toBe(404);
  });

  it('answers an OData envelope with rows at or after trans_id (inclusive), ascending, at most $top', async () => {
    const all = JSON.parse((await get(sim, `${ORDERS}?trans_id=0&$top=20&$format=json`)).text) as Envelope;
    const from = all.value[5]?.trans_id ?? -1;
    const page = JSON.parse((await get(sim, `${ORDERS}?trans_id=${from}&$top=4&%24format=json`)).text) as Envelope;
    expect(page['odata.metadata']).toContain('$metadata');
    expect(page.value.map((r) => r.trans_id)).toEqual(all.value.slice(5, 9).map((r) => r.trans_id));
    expect(page['odata.count']).toBe(MIN_ORDER_COUNT - 5);
  });

  it('answers the current version of one order for cod_pedidov, and an empty list for an unknown one', async () => {
    const order = sim.dataset.orders[1];
    const found = JSON.parse((await get(sim, `${ORDERS}?cod_pedidov=${order?.orderNumber}&$format=json`)).text) as Envelope;
    expect(found.value.map((r) => [r.cod_pedidov, r.trans_id])).toEqual([[order?.orderNumber, order?.transIds.at(-1)]]);
    const unknown = JSON.parse((await get(sim, `${ORDERS}?cod_pedidov=123&$format=json`)).text) as Envelope;
    expect(unknown.value).toEqual([]);
  });

  it('serves the returns feed on its own path', async () => {
    const page = JSON.parse((await get(sim, `${RETURNS}?trans_id=0&$format=json`)).text) as Envelope;
    expect(page.value).toHaveLength(sim.dataset.movements.length);
  });

  it('answers 503 to the share of calls set by errorRate', async () => {
    sim.setFaults({ errorRate: 1 });
    try {
      expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`)).status).toBe(503);
    } finally {
      sim.setFaults({ errorRate: 0 });
    }
  });

  it('records calls without their credentials', () => {
    const log = JSON.stringify(sim.requests());
    expect(log).not.toContain(PASS);
    expect(log).not.toContain(basic);
  });
});

describe('ERP simulator in session auth mode', () => {
  let sim: ErpSimulator;
  beforeAll(async () => {
    sim = await startErpSimulator({ authMode: 'session', username: USER, password: PASS, orderCount: MIN_ORDER_COUNT, clock: 'manual' });
    sim.revealAll();
  });
  afterAll(() => sim.close());

  const login = async (credentials: string) => get(sim, '/api/login', { 'WTS-Authorization': credentials });

  it('hands out a session for WTS-Authorization USERNAME/PASSWORD, and 401 for wrong ones', async () => {
    expect((await login(`${USER}/wrong`)).status).toBe(401);
    const answer = await login(`${USER}/${PASS}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ session: expect.any(String) });
  });

  it('accepts a valid WTS-Session, and answers 401 to an unknown one and to Basic credentials', async () => {
    const { session } = JSON.parse((await login(`${USER}/${PASS}`)).text) as { session: string };
    expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`, { 'WTS-Session': session })).status).toBe(200);
    expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`, { 'WTS-Session': '{not-a-session}' })).status).toBe(401);
    expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`)).status).toBe(401);
  });

  it('answers 401 once the session has expired (sessionTtlMs) or the ERP forgot it', async () => {
    sim.setFaults({ sessionTtlMs: 0 });
    const expired = JSON.parse((await login(`${USER}/${PASS}`)).text) as { session: string };
    expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`, { 'WTS-Session': expired.session })).status).toBe(401);
    sim.setFaults({ sessionTtlMs: null });
    const forgotten = JSON.parse((await login(`${USER}/${PASS}`)).text) as { session: string };
    sim.expireSessions();
    expect((await get(sim, `${ORDERS}?trans_id=0&$format=json`, { 'WTS-Session': forgotten.session })).status).toBe(401);
  });
});
