import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { startHmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { SIM, simulatorHttp } from './simulatorHttp.js';

describe('H&M simulator — Entra ID endpoints', () => {
  let sim: HmSimulator;
  let io: ReturnType<typeof simulatorHttp>;

  beforeAll(async () => {
    sim = await startHmSimulator({ ...SIM, tokenTtlSeconds: 1200 });
    io = simulatorHttp(sim);
  });
  afterAll(async () => {
    io.close();
    await sim.close();
  });

  it('serves the tenant OpenID metadata pointing back at itself', async () => {
    const res = await io.http.get(`${sim.authorityHost}/${SIM.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      token_endpoint: `${sim.authorityHost}/${SIM.tenantId}/oauth2/v2.0/token`,
      issuer: `${sim.authorityHost}/${SIM.tenantId}/v2.0`,
    });
    expect(res.data).toHaveProperty('authorization_endpoint');
    expect(res.data).toHaveProperty('jwks_uri');
  });

  it('answers unknown tenants metadata with an Entra error', async () => {
    const res = await io.http.get(`${sim.authorityHost}/other-tenant/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });

  it('issues a bearer token for the right client credentials and scope, and counts it', async () => {
    const before = sim.tokensIssued();
    const res = await io.requestToken();
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ token_type: 'Bearer', expires_in: 1200, ext_expires_in: 1200 });
    expect(typeof res.data.access_token).toBe('string');
    expect(sim.tokensIssued()).toBe(before + 1);
  });

  it.each([
    ['an unknown tenant', {}, 'wrong-tenant', 400, 'invalid_request', 90002],
    ['an unknown client id', { client_id: 'someone-else' }, SIM.tenantId, 400, 'unauthorized_client', 700016],
    ['a wrong client secret', { client_secret: 'not-the-secret-xyz' }, SIM.tenantId, 401, 'invalid_client', 7000215],
    ['another resource', { scope: 'api://another/.default' }, SIM.tenantId, 400, 'invalid_resource', 500011],
    ['a scope without /.default', { scope: `${SIM.resource}/orders.write` }, SIM.tenantId, 400, 'invalid_scope', 1002012],
    ['another grant type', { grant_type: 'password' }, SIM.tenantId, 400, 'unsupported_grant_type', 70003],
  ])('refuses %s the way Entra does, issuing nothing', async (_case, form, tenant, status, error, code) => {
    const before = sim.tokensIssued();
    const res = await io.requestToken(form, tenant);
    expect(res.status).toBe(status);
    expect(res.data).toMatchObject({ error, error_codes: [code] });
    expect(String(res.data.error_description)).toContain(`AADSTS${code}`);
    expect(sim.tokensIssued()).toBe(before);
  });

  it('never repeats the client secret it was sent in an error', async () => {
    const res = await io.requestToken({ client_secret: 'not-the-secret-xyz' });
    expect(JSON.stringify(res.data)).not.toContain('not-the-secret-xyz');
    expect(JSON.stringify(res.data)).not.toContain(SIM.clientSecret);
  });
});
