import { describe, expect, it } from 'vitest';
import {
  decodeContinuationToken,
  encodeContinuationToken,
  InvalidContinuationTokenError,
} from '../../../src/adapters/tables/continuationToken.js';

describe('listing continuation tokens', () => {
  it('round-trips a day position with a Table Storage continuation', () => {
    const position = { by: 'day', day: '2026-03-10', table: 'eyJuZXh0UGFydGl0aW9uS2V5IjoiMjAyNi0wMy0xMCJ9' } as const;
    const token = encodeContinuationToken(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeContinuationToken(token)).toEqual(position);
  });

  it.each([
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['an unknown position', Buffer.from(JSON.stringify({ by: 'day', day: 'yesterday' })).toString('base64url')],
    ['a negative offset', Buffer.from(JSON.stringify({ by: 'order', offset: -1 })).toString('base64url')],
  ])('rejects %s with an error telling the caller what to do', (_what, token) => {
    expect(() => decodeContinuationToken(token)).toThrow(InvalidContinuationTokenError);
    expect(() => decodeContinuationToken(token)).toThrow(/omit it to start over/);
  });
});
