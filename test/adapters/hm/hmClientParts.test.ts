import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../../../src/domain/errors.js';
import { classifyHmAnswer } from '../../../src/adapters/hm/hmAnswerClassifier.js';
import { readFieldErrors } from '../../../src/adapters/hm/hmAnswerBody.js';
import { parseHmClientOptions } from '../../../src/adapters/hm/hmClientOptions.js';
import { classifyCredentialError } from '../../../src/adapters/hm/hmTokenFailure.js';
import { redact } from '../../../src/adapters/hm/redact.js';
import { retryAfterMs } from '../../../src/adapters/hm/retryAfter.js';

describe('classifyHmAnswer', () => {
  it.each([
    [200, 'accepted'],
    [201, 'accepted'],
    [202, 'accepted'],
    [409, 'duplicate'],
    [400, 'rejected'],
    [422, 'rejected'],
    [413, 'rejected'],
    [403, 'forbidden'],
    [404, 'orderUnknown'],
  ])('turns HTTP %i into %s', (status, kind) => {
    const verdict = classifyHmAnswer(status, {});
    expect(verdict.action === 'answer' && verdict.answer.kind).toBe(kind);
  });

  it.each([429, 408, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(classifyHmAnswer(status, null).action).toBe('retry');
  });

  it('asks for a new token on 401', () => {
    expect(classifyHmAnswer(401, null)).toEqual({ action: 'reauthenticate' });
  });

  it('gives up on an unexpected 3xx without retrying, pointing at HM_API_URL', () => {
    const verdict = classifyHmAnswer(302, '');
    expect(verdict.action === 'answer' && verdict.answer).toMatchObject({ kind: 'unavailable', httpStatus: 302 });
  });
});

describe('readFieldErrors', () => {
  it('reads the contract body', () => {
    expect(readFieldErrors(422, { errors: [{ field: 'a.b', message: 'bad' }] })).toEqual([{ field: 'a.b', message: 'bad' }]);
  });

  it('tolerates a gateway body, plain text and nothing at all', () => {
    expect(readFieldErrors(400, { statusCode: 400, message: 'Bad request' })).toEqual([{ field: '', message: 'Bad request' }]);
    expect(readFieldErrors(400, '<html>oops</html>')).toEqual([{ field: '', message: '<html>oops</html>' }]);
    expect(readFieldErrors(400, '')).toEqual([{ field: '', message: 'H&M answered HTTP 400 without error details' }]);
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and caps them', () => {
    expect(retryAfterMs('2', 30_000)).toBe(2_000);
    expect(retryAfterMs('120', 30_000)).toBe(30_000);
  });

  it('reads an HTTP date', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(retryAfterMs('Wed, 01 May 2024 10:00:05 GMT', 30_000, now)).toBe(5_000);
  });

  it('is 0 when absent, unreadable or in the past', () => {
    expect(retryAfterMs(undefined, 30_000)).toBe(0);
    expect(retryAfterMs('soon', 30_000)).toBe(0);
    expect(retryAfterMs('Wed, 01 May 2024 09:00:00 GMT', 30_000, Date.parse('2024-05-01T10:00:00Z'))).toBe(0);
  });
});

describe('classifyCredentialError', () => {
  const msal = (code: string, description: string): Error =>
    new Error(`${code}: Error(s): 1 - Timestamp: x - Description: ${description} Trace ID: t - Correlation ID: c`);

  it('calls an invalid secret a refusal naming HM_CLIENT_SECRET', () => {
    const failure = classifyCredentialError(msal('invalid_client', 'AADSTS7000215: Invalid client secret provided.'));
    expect(failure).toEqual({ kind: 'refused', message: expect.stringMatching(/AADSTS7000215.*HM_CLIENT_SECRET/) });
  });

  it('calls a busy or unreachable authority transient', () => {
    expect(classifyCredentialError(msal('temporarily_unavailable', 'busy'))).toMatchObject({ kind: 'unreachable' });
    expect(classifyCredentialError(new Error('network_error: See https://aka.ms/msal.js.errors#network_error'))).toMatchObject({
      kind: 'unreachable',
    });
  });

  it('leaves endpoints_resolution_error unresolved (unknown tenant and unreachable host look alike)', () => {
    expect(classifyCredentialError(new Error('endpoints_resolution_error: See https://aka.ms/msal.js.errors'))).toBe('unresolved');
  });
});

describe('parseHmClientOptions', () => {
  const valid = {
    apiUrl: 'https://hm.example/api',
    tenantId: 't',
    clientId: 'c',
    clientSecret: 'the-secret-value',
    resource: 'api://hm',
    authorityHost: 'https://login.microsoftonline.com',
    subscriptionKey: 'the-key-value',
    timeoutMs: 1000,
    maxRetries: 2,
  };

  it('fills the defaults', () => {
    expect(parseHmClientOptions(valid)).toMatchObject({ retryBaseDelayMs: 500, maxRetryAfterMs: 30_000, tokenRefreshMarginMs: 180_000 });
  });

  it('names the settings that are wrong, never the secret values', () => {
    let thrown: unknown;
    try {
      parseHmClientOptions({ ...valid, apiUrl: 'not a url', authorityHost: 'http://insecure', clientSecret: '' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IntegrationError);
    const error = thrown as IntegrationError;
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/HM_API_URL/);
    expect(error.message).toMatch(/HM_AUTHORITY_HOST/);
    expect(error.message).toMatch(/HM_CLIENT_SECRET/);
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain('the-key-value');
  });
});

describe('redact', () => {
  it('hides every occurrence of each secret', () => {
    expect(redact('a s3 b s3 k9', ['s3', 'k9', ''])).toBe('a *** b *** ***');
  });
});
