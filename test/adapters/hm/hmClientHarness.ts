import type { Logger } from '../../../src/app/ports.js';
import type { HmClientOptions } from '../../../src/adapters/hm/hmOrderClient.js';
import { createHmOrderClient } from '../../../src/adapters/hm/hmOrderClient.js';
import type { HmSimulator, HmSimulatorOptions } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { startHmSimulator } from '../../../src/local/hmSimulator/startHmSimulator.js';
import { SIM } from '../../local/hmSimulator/simulatorHttp.js';

export { SIM };

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** A Logger that keeps every line, to check what is (and is not) logged. */
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (message: string, fields?: Record<string, unknown>) => {
    entries.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

/** The client options pointing at a simulator, with fast backoff for tests. */
export function clientOptionsFor(sim: HmSimulator, overrides: Partial<HmClientOptions> = {}): HmClientOptions {
  return {
    apiUrl: sim.url,
    tenantId: SIM.tenantId,
    clientId: SIM.clientId,
    clientSecret: SIM.clientSecret,
    resource: SIM.resource,
    authorityHost: sim.authorityHost,
    subscriptionKey: SIM.subscriptionKey,
    caPem: sim.caPem,
    timeoutMs: 5_000,
    maxRetries: 3,
    retryBaseDelayMs: 5,
    ...overrides,
  };
}

/** A simulator and a client on it; `stop()` closes both. */
export async function startPair(
  simOptions: Partial<HmSimulatorOptions> = {},
  clientOverrides: Partial<HmClientOptions> = {},
): Promise<{ sim: HmSimulator; client: ReturnType<typeof createHmOrderClient>; logger: ReturnType<typeof recordingLogger>; stop(): Promise<void> }> {
  const sim = await startHmSimulator({ ...SIM, ...simOptions });
  const logger = recordingLogger();
  const client = createHmOrderClient({ ...clientOptionsFor(sim, clientOverrides), logger });
  return {
    sim,
    client,
    logger,
    stop: async () => {
      client.close();
      await sim.close();
    },
  };
}

/** The statuses the simulator answered to order POSTs, in order. */
export function answeredStatuses(sim: HmSimulator): number[] {
  return sim.received().map((r) => r.status);
}
