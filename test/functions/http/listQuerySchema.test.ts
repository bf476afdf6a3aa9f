import { describe, expect, it } from 'vitest';
import { listQuerySchema, orderRouteSchema } from '../../../src/functions/http/listQuerySchema.js';

const parse = (query: Record<string, string>) => listQuerySchema.safeParse(query);
const messages = (query: Record<string, string>) => {
  const result = parse(query);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('GET /api/integrations query', () => {
  it('takes a date-only `to` as the whole of that day, Brasília time, so from=to=day lists that day', () => {
    const result = parse({ from: '2026-12-03', to: '2026-12-03' });
    expect(result.success && [result.data.from?.toISOString(), result.data.to?.toISOString()]).toEqual(['2026-12-03T03:00:00.000Z', '2026-12-04T02:59:59.999Z']);
  });

  it('reads a date-time without offset as Brasília time and keeps an explicit offset', () => {
    const result = parse({ from: '2026-12-03T08:00:00', to: '2026-12-03T12:00:00Z' });
    expect(result.success && [result.data.from?.toISOString(), result.data.to?.toISOString()]).toEqual(['2026-12-03T11:00:00.000Z', '2026-12-03T12:00:00.000Z']);
  });

  it('refuses a day that does not exist instead of rolling it over', () => {
    expect(messages({ from: '2026-02-30' })).toEqual([expect.stringMatching(/^from: expected a date/)]);
  });

  it('refuses from after to, and ranges over a year, naming from', () => {
    expect(messages({ from: '2026-12-05', to: '2026-12-01' })).toEqual(['from: from is after to']);
    expect(messages({ from: '2020-01-01', to: '2026-12-01' })).toEqual([expect.stringMatching(/^from: at most 366 days/)]);
  });

  it('defaults the page size to 50 and refuses unknown parameters', () => {
    expect(parse({}).success && parse({}).data).toEqual({ limit: 50 });
    expect(messages({ colour: 'blue' })).toEqual([expect.stringContaining('colour')]);
  });
});

describe('order route parameter', () => {
  it('names orderNumber when it is too long or holds control characters', () => {
    for (const orderNumber of ['x'.repeat(101), 'A\u0000B']) {
      const result = orderRouteSchema.safeParse({ orderNumber });
      expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(['orderNumber']);
    }
  });
});
