import { randomBytes } from 'node:crypto';
import { startAzuriteTable, type RunningAzurite } from '../../src/local/azurite.js';

export type { RunningAzurite };

/** Starts Azurite (Table only, in memory) on a free loopback port for one test file. */
export function startAzurite(): Promise<RunningAzurite> {
  return startAzuriteTable({ location: null });
}

/** A table-name suffix unique to this call, so suites sharing one Azurite never see each other's rows. */
export function freshTableSuffix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}
