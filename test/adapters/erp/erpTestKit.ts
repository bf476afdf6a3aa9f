import { expect } from 'vitest';
import { createErpClient, type ErpClient } from '../../../src/adapters/erp/erpClient.js';
import type { ErpClientOptions } from '../../../src/adapters/erp/erpClientOptions.js';
import { IntegrationError } from '../../../src/domain/errors.js';
import { MIN_ORDER_COUNT, startErpSimulator, type ErpSimulator, type ErpSimulatorOptions } from '../../../src/local/erpSimulator/index.js';

export const USERNAME = 'hm-bridge';
/** Distinctive enough that finding it anywhere in an error is a leak, not a coincidence. */
export const PASSWORD = 'Zq7-senha-Ultra/Secreta';

/** A small simulator with every change already visible, unless told otherwise. */
export async function startSimulator(options: Partial<ErpSimulatorOptions> = {}): Promise<ErpSimulator> {
  const sim = await startErpSimulator({
    authMode: 'basic',
    username: USERNAME,
    password: PASSWORD,
    orderCount: MIN_ORDER_COUNT,
    clock: 'manual',
    ...options,
  });
  sim.revealAll();
  return sim;
}

/** A client for the simulator, with the simulator's auth mode unless overridden. */
export function clientFor(sim: ErpSimulator, options: Partial<ErpClientOptions> = {}): ErpClient {
  return createErpClient({
    baseUrl: sim.url,
    authMode: 'basic',
    username: USERNAME,
    password: PASSWORD,
    vitrine: null,
    timeoutMs: 5_000,
    ...options,
  });
}

/** The IntegrationError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejectionOf(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationError);
  return error as IntegrationError;
}

/** Asserts that no secret appears in the error's message, stack, details or serialisation. */
export function expectNoSecrets(error: IntegrationError, secrets: readonly string[]): void {
  const surfaces = [error.message, error.stack ?? '', JSON.stringify(error), JSON.stringify(error.details ?? null), String(error)];
  for (const secret of secrets) for (const text of surfaces) expect(text).not.toContain(secret);
  expect(error.cause).toBeUndefined();
}

/** Calls answered since `from` (an index into the simulator's request log). */
export function requestsSince(sim: ErpSimulator, from: number): ReturnType<ErpSimulator['requests']> {
  return sim.requests().slice(from);
}
