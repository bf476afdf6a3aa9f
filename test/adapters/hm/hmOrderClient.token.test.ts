import { afterEach, describe, expect, it } from 'vitest';
import { createdEvent } from '../../local/hmSimulator/hmTestEvents.js';
import { answeredStatuses, SIM, startPair } from './hmClientHarness.js';

// Token lifetimes below MSAL's own 5-minute renewal window, so MSAL's cache never answers for ours:
// what these tests count is the client's own caching.
describe('H&M client — Entra ID token', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it('fetches one token for many events, sequential and concurrent', async () => {
    const pair = await startPair({ tokenTtlSeconds: 240 });
    stop = pair.stop;
    for (let i = 0; i < 3; i++) expect((await pair.client.send(createdEvent(`T-SEQ-${i}`), `c-${i}`)).kind).toBe('accepted');
    const concurrent = await Promise.all([0, 1, 2, 3, 4].map((i) => pair.client.send(createdEvent(`T-PAR-${i}`), `p-${i}`)));
    expect(concurrent.map((a) => a.kind)).toEqual(Array(5).fill('accepted'));
    expect(pair.sim.tokensIssued()).toBe(1);
  });

  it('shares one token fetch between callers that start together', async () => {
    const pair = await startPair({ tokenTtlSeconds: 240 });
    stop = pair.stop;
    const answers = await Promise.all([0, 1, 2, 3].map((i) => pair.client.send(createdEvent(`T-FIRST-${i}`), `f-${i}`)));
    expect(answers.every((a) => a.kind === 'accepted')).toBe(true);
    expect(pair.sim.tokensIssued()).toBe(1);
  });

  it('fetches a new token when the cached one is within the refresh margin of its expiry', async () => {
    // 170 s of life is already inside the default 3-minute margin: each send needs a fresh token.
    const pair = await startPair({ tokenTtlSeconds: 170 });
    stop = pair.stop;
    expect((await pair.client.send(createdEvent('T-NEAR-1'), 'n-1')).kind).toBe('accepted');
    expect((await pair.client.send(createdEvent('T-NEAR-2'), 'n-2')).kind).toBe('accepted');
    expect(pair.sim.tokensIssued()).toBe(2);
  });

  it('keeps a token with more than the refresh margin left (margin set smaller)', async () => {
    const pair = await startPair({ tokenTtlSeconds: 170 }, { tokenRefreshMarginMs: 60_000 });
    stop = pair.stop;
    expect((await pair.client.send(createdEvent('T-MARGIN-1'), 'm-1')).kind).toBe('accepted');
    expect((await pair.client.send(createdEvent('T-MARGIN-2'), 'm-2')).kind).toBe('accepted');
    expect(pair.sim.tokensIssued()).toBe(1);
  });

  it('after a 401 (tokens revoked) gets exactly one new token and the event is accepted', async () => {
    // A long lifetime: MSAL would happily hand back the revoked token from its cache if asked plainly.
    const pair = await startPair({ tokenTtlSeconds: 3600 });
    stop = pair.stop;
    expect((await pair.client.send(createdEvent('T-REV-1'), 'r-1')).kind).toBe('accepted');
    pair.sim.revokeTokens();
    const answer = await pair.client.send(createdEvent('T-REV-2'), 'r-2');
    expect(answer.kind).toBe('accepted');
    expect(pair.sim.tokensIssued()).toBe(2);
    expect(answeredStatuses(pair.sim)).toEqual([201, 401, 201]);
    // and the fresh token is the one used from then on
    expect((await pair.client.send(createdEvent('T-REV-3'), 'r-3')).kind).toBe('accepted');
    expect(pair.sim.tokensIssued()).toBe(2);
  });

  it('answers authFailed when a freshly issued token is refused too', async () => {
    // The API refuses every token, the fresh one included (an app not granted access to the API).
    const pair = await startPair({ tokenTtlSeconds: 3600, faults: { refuseTokens: true } });
    stop = pair.stop;
    const answer = await pair.client.send(createdEvent('T-401-TWICE'), 'x-1');
    expect(answer).toMatchObject({ kind: 'authFailed', httpStatus: 401 });
    expect(answer.kind === 'authFailed' && answer.message).toMatch(/HM_CLIENT_ID/);
    expect(answeredStatuses(pair.sim)).toEqual([401, 401]);
    expect(pair.sim.tokensIssued()).toBe(2);
  });

  it('answers authFailed naming HM_CLIENT_SECRET when the secret is refused, and never shows the secret', async () => {
    const wrongSecret = 'wrong-secret-value-789';
    const pair = await startPair({}, { clientSecret: wrongSecret });
    stop = pair.stop;
    const answer = await pair.client.send(createdEvent('T-SECRET'), 's-1');
    expect(answer).toMatchObject({ kind: 'authFailed', httpStatus: null });
    expect(answer.kind === 'authFailed' && answer.message).toMatch(/HM_CLIENT_SECRET/);
    const everything = JSON.stringify({ answer, logs: pair.logger.entries });
    expect(everything).not.toContain(wrongSecret);
    expect(everything).not.toContain(SIM.clientSecret);
    expect(everything).not.toContain(SIM.subscriptionKey);
    expect(pair.sim.received()).toEqual([]); // nothing reached the API
  });

  it.each([
    ['client id', { clientId: 'unknown-app' }, /HM_CLIENT_ID/],
    ['resource', { resource: 'api://someone-else' }, /HM_RESOURCE/],
    ['tenant', { tenantId: 'unknown-tenant' }, /HM_TENANT_ID/],
  ])('answers authFailed naming the setting when the %s is refused', async (_case, overrides, setting) => {
    const pair = await startPair({}, overrides);
    stop = pair.stop;
    const answer = await pair.client.send(createdEvent('T-REFUSED'), 'z-1');
    expect(answer.kind).toBe('authFailed');
    expect(answer.kind === 'authFailed' && answer.message).toMatch(setting);
    expect(pair.sim.tokensIssued()).toBe(0);
  });

  it('answers unavailable, not authFailed, when the authority cannot be reached', async () => {
    const pair = await startPair({}, { authorityHost: 'https://127.0.0.1:1', maxRetries: 1 });
    stop = pair.stop;
    const answer = await pair.client.send(createdEvent('T-NOAUTH'), 'u-1');
    expect(answer).toMatchObject({ kind: 'unavailable', httpStatus: null });
    expect(answer.kind === 'unavailable' && answer.message).toMatch(/HM_AUTHORITY_HOST/);
  });

  it('logs token acquisition and each call without the token, the secret or the subscription key', async () => {
    const pair = await startPair();
    stop = pair.stop;
    await pair.client.send(createdEvent('T-LOG'), 'corr-log');
    const logs = JSON.stringify(pair.logger.entries);
    expect(pair.logger.entries.map((e) => e.message)).toContain('H&M access token acquired');
    expect(pair.logger.entries).toContainEqual(
      expect.objectContaining({
        message: 'H&M status event call',
        fields: expect.objectContaining({ eventId: 'T-LOG:CREATED', correlationId: 'corr-log', httpStatus: 201, attempt: 1 }),
      }),
    );
    expect(logs).not.toMatch(/sim\.[A-Za-z0-9_-]{16}/); // the simulator's token shape
    expect(logs).not.toContain(SIM.clientSecret);
    expect(logs).not.toContain(SIM.subscriptionKey);
  });
});
