import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = path.resolve(import.meta.dirname, '../..');
const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** host.json's Service Bus section, as far as session handling depends on it. */
const hostJsonSchema = z.object({
  extensions: z.object({
    serviceBus: z.object({
      sessionIdleTimeout: z.string().regex(/^\d{2}:\d{2}:\d{2}(\.\d+)?$/, 'a TimeSpan hh:mm:ss'),
      autoCompleteMessages: z.boolean(),
    }),
  }),
});

const seconds = (timeSpan: string) => {
  const [h, m, s] = timeSpan.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
};

/**
 * The registrations name app settings, never literal values, so one build runs in every environment
 * (checked on the source text: outside the host, @azure/functions skips registration).
 */
describe('function registrations and host.json', () => {
  it('takes the extract schedule from the EXTRACT_SCHEDULE setting', () => {
    expect(source('src/functions/extract.ts')).toContain("'%EXTRACT_SCHEDULE%'");
  });

  it('binds dispatch to the queue named by SERVICEBUS_QUEUE_NAME over ServiceBusConnection, with sessions', () => {
    const dispatch = source('src/functions/dispatch.ts');
    expect(dispatch).toContain("'%SERVICEBUS_QUEUE_NAME%'");
    expect(dispatch).toMatch(/connection:\s*'ServiceBusConnection'/);
    expect(dispatch).toMatch(/isSessionsEnabled:\s*true/);
  });

  it('lets a drained session go within seconds and completes messages when the handler returns', () => {
    const host = hostJsonSchema.parse(JSON.parse(source('host.json')));
    const idle = seconds(host.extensions.serviceBus.sessionIdleTimeout);
    expect(idle).toBeGreaterThan(0);
    expect(idle).toBeLessThan(10);
    expect(host.extensions.serviceBus.autoCompleteMessages).toBe(true);
  });
});
