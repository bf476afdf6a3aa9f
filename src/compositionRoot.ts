import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DispatchDeps } from './app/dispatch/dispatchChange.js';
import type { ExtractDeps } from './app/extract/runExtract.js';
import type { ChangePublisher, Clock, HmOrderApi, IntegrationLog, Logger, OrderStateStore } from './app/ports.js';
import { IntegrationError } from './domain/errors.js';
import { createErpClient } from './adapters/erp/erpClient.js';
import { createHmOrderClient } from './adapters/hm/hmOrderClient.js';
import { createServiceBusPublisher, type ServiceBusPublisher } from './adapters/serviceBus/serviceBusPublisher.js';
import { createTableClients, createTableStores } from './adapters/tables/index.js';
import { loadConfig, type AppConfig } from './config.js';

/**
 * The composition root: builds every client ONCE per process (the H&M credential and its token,
 * keep-alive HTTP agents, the Service Bus sender, the table clients) and hands the use cases their
 * ports. A credential or HTTP client made per invocation would fetch a token or open a socket per message.
 */
export interface Services {
  config: AppConfig;
  clock: Clock;
  log: IntegrationLog;
  states: OrderStateStore;
  publisher: ChangePublisher;
  extract: ExtractDeps;
  dispatch: DispatchDeps;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  /** Settings to read instead of process.env. */
  env?: Record<string, string | undefined>;
  /** The local runtime's in-process queue instead of Service Bus. */
  publisher?: ChangePublisher;
  logger?: Logger;
}

/** How many parked orders one extract run queues again once HM_ENABLED is true. */
const SWEEP_LIMIT = 200;

/** Structured JSON lines on the console, for work not tied to one invocation. */
export const consoleLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

function createHmClient(config: AppConfig, logger: Logger) {
  return createHmOrderClient({
    apiUrl: config.hm.apiUrl,
    tenantId: config.hm.tenantId,
    clientId: config.hm.clientId,
    clientSecret: config.hm.clientSecret,
    resource: config.hm.resource,
    authorityHost: config.hm.authorityHost,
    subscriptionKey: config.hm.subscriptionKey,
    timeoutMs: config.hm.timeoutMs,
    maxRetries: config.hm.maxRetries,
    caPem: config.hm.caFile ? readFileSync(config.hm.caFile, 'utf8') : null,
    logger,
  });
}

/** Stands in for H&M while HM_ENABLED=false; the dispatcher never sends then, so a call is a bug. */
const disabledHm: HmOrderApi = {
  send: () => Promise.reject(new IntegrationError('CONFIG_INVALID', 'HM_ENABLED is false: nothing may be sent to H&M')),
};

/** Builds the services from validated settings. */
export async function buildServices(config: AppConfig, overrides: ServiceOverrides = {}): Promise<Services> {
  const logger = overrides.logger ?? consoleLogger;
  const clock: Clock = { now: () => new Date() };
  const tables = createTableClients(config.tables);
  await tables.ensureTables();
  const stores = createTableStores(tables, clock);
  const erp = createErpClient({ ...config.erp });
  // With HM_ENABLED=false the H&M settings may be blank (the first deployment): build no client then.
  const hm = config.hm.enabled ? createHmClient(config, logger) : null;
  let sbPublisher: ServiceBusPublisher | null = null;
  let publisher: ChangePublisher;
  if (overrides.publisher) publisher = overrides.publisher;
  else publisher = sbPublisher = createServiceBusPublisher(config.serviceBus);

  return {
    config,
    clock,
    log: stores.integrationLog,
    states: stores.orderStates,
    publisher,
    extract: {
      erp,
      cursors: stores.cursors,
      publisher,
      log: stores.integrationLog,
      states: stores.orderStates,
      clock,
      logger,
      settings: {
        pageSize: config.erp.pageSize,
        maxPages: config.extract.maxPages,
        enabled: config.hm.enabled,
        sweepLimit: SWEEP_LIMIT,
        startTransId: config.extract.startTransId,
      },
    },
    dispatch: {
      erp,
      states: stores.orderStates,
      log: stores.integrationLog,
      hm: hm ?? disabledHm,
      clock,
      logger,
      newCorrelationId: randomUUID,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      settings: {
        enabled: config.hm.enabled,
        maxDeliveryCount: config.serviceBus.maxDeliveryCount,
        redeliveryDelayMs: config.serviceBus.redeliveryDelayMs,
        mapper: { mappings: config.hm.mappings, itemDiscountType: config.hm.itemDiscountType, barcodeType: config.hm.barcodeType },
      },
    },
    async close() {
      erp.close();
      hm?.close();
      await sbPublisher?.close();
    },
  };
}

let overrides: ServiceOverrides = {};
let current: Promise<Services> | null = null;

/** The process's services, built on first use; a failed build is retried on the next call. */
export function getServices(): Promise<Services> {
  if (!current) {
    current = Promise.resolve()
      .then(() => buildServices(loadConfig(overrides.env ?? process.env), overrides))
      .catch((error: unknown) => {
        current = null;
        throw error;
      });
  }
  return current;
}

/** Replaces how services are built (the local runtime and tests); closes the ones built before. */
export async function configureServices(next: ServiceOverrides): Promise<void> {
  const previous = current;
  current = null;
  overrides = next;
  if (previous) await (await previous.catch(() => null))?.close();
}
