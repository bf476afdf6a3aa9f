import { randomUUID } from 'node:crypto';
import { HttpRequest, InvocationContext, type Timer } from '@azure/functions';
import type { ChangeMessage } from '../../src/app/changeMessage.js';
import type { ChangePublisher, Logger } from '../../src/app/ports.js';
import { configureServices } from '../../src/compositionRoot.js';
import { expectedOutcome, simulatorBarcodeType, simulatorMappings, type ExpectedOrderOutcome } from '../../src/local/erpSimulator/index.js';
import { createInProcessQueue } from '../../src/local/inProcessQueue/inProcessQueue.js';
import type { InProcessQueue } from '../../src/local/inProcessQueue/types.js';
import { startAzurite, type RunningAzurite } from '../support/azurite.js';
import { startOutsideWorld } from '../e2e/e2eKit.js';

type OutsideWorld = Awaited<ReturnType<typeof startOutsideWorld>>;

/** The real parts behind the handlers: Azurite, both simulators, the in-process queue as publisher. */
export interface FunctionsWorld {
  world: OutsideWorld;
  azurite: RunningAzurite;
  queue: InProcessQueue;
  /** Every message the handlers published, in order. */
  published: ChangeMessage[];
  /** Every line written through an InvocationContext or the services' logger. */
  logLines: string[];
  env: Record<string, string>;
  /** An order of the dataset with the given role (one not used by another test: pass a distinct index). */
  orderOfRole(role: string, index?: number): ExpectedOrderOutcome;
  close(): Promise<void>;
}

/** Small, so a test can hand the handler the delivery after which the host dead-letters the message. */
const MAX_DELIVERY_COUNT = '3';

/**
 * Starts Azurite, the ERP simulator (every change visible) and the H&M simulator, and points the
 * composition root at them with `configureServices`, as the Functions host would through app settings.
 */
export async function startFunctionsWorld(): Promise<FunctionsWorld> {
  const azurite = await startAzurite();
  const world = await startOutsideWorld(24).catch(async (error: unknown) => {
    await azurite.stop();
    throw error;
  });
  world.erp.revealAll();
  const logLines: string[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => logLines.push(`${level} ${message} ${fields ? JSON.stringify(fields) : ''}`);
  const logger: Logger = { info: write('info'), warn: write('warn'), error: write('error') };
  const queue = createInProcessQueue({ dataDir: null, maxDeliveryCount: Number(MAX_DELIVERY_COUNT), logger });
  const published: ChangeMessage[] = [];
  const publisher: ChangePublisher = {
    async publish(messages) {
      await queue.publish(messages);
      published.push(...messages);
    },
  };
  const env: Record<string, string> = {
    ...world.env,
    HM_ENABLED: 'true',
    HM_ITEM_DISCOUNT_TYPE: 'PROMOTION',
    HM_BARCODE_TYPE: simulatorBarcodeType,
    HM_MAPPINGS: JSON.stringify(simulatorMappings),
    // No retries inside one invocation: a 503 goes straight back to the host.
    HM_MAX_RETRIES: '0',
    SERVICEBUS_MAX_DELIVERY_COUNT: MAX_DELIVERY_COUNT,
    TableStorageConnection: azurite.connectionString,
    ServiceBusConnection: 'inprocess',
  };
  await configureServices({ env, publisher, logger });
  const outcomes = Object.values(expectedOutcome(world.erp.dataset).orders);
  return {
    world,
    azurite,
    queue,
    published,
    logLines,
    env,
    orderOfRole(role, index = 0) {
      const numbers = world.erp.dataset.orders.filter((o) => o.role === role).map((o) => o.orderNumber);
      const orderNumber = numbers[index];
      const outcome = outcomes.find((o) => o.orderNumber === orderNumber);
      if (!outcome) throw new Error(`the dataset has no order #${index} of role ${role} (it has ${numbers.length})`);
      return outcome;
    },
    async close() {
      await configureServices({});
      await queue.stop();
      await world.close();
      await azurite.stop();
    },
  };
}

/** An InvocationContext as the host builds it; its log lines land in `lines`. */
export function invocationContext(functionName: string, lines: string[], triggerMetadata?: Record<string, unknown>): InvocationContext {
  return new InvocationContext({
    invocationId: randomUUID(),
    functionName,
    ...(triggerMetadata ? { triggerMetadata } : {}),
    logHandler: (level, ...args) => lines.push(`${level} [${functionName}] ${args.map(String).join(' ')}`),
  });
}

/** An HttpRequest as the host hands it to an HTTP function (route parameters already matched). */
export function httpRequest(method: 'GET' | 'POST', route: string, query: Record<string, string> = {}, params: Record<string, string> = {}): HttpRequest {
  const url = new URL(`http://localhost:7071/api/${route}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return new HttpRequest({ method, url: url.toString(), query, params });
}

/** The timer argument the host passes to a timer trigger. */
export const timerInput: Timer = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

/** Statuses of one order's expected outcome in acceptedByOrder's notation ("STATUS" or "RETURNED:<returnId>"). */
export function expectedNotation(outcome: ExpectedOrderOutcome): string[] {
  return outcome.sent.map((s) => (s.returnId ? `${s.status}:${s.returnId}` : s.status));
}
