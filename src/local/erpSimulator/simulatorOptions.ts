import { z } from 'zod';
import { MIN_ORDER_COUNT } from './dataset/roles.js';

/** The gateway paths of contracts/erp-millennium.md. */
export const SIMULATOR_ORDERS_PATH = '/api/millenium_eco/pedido_venda/listapedidos';
export const SIMULATOR_RETURNS_PATH = '/api/millenium_eco/troca_devolucao/lista';
export const SIMULATOR_LOGIN_PATH = '/api/login';
/** The default seed: a run without one is still reproducible. */
export const DEFAULT_SIMULATOR_SEED = 20261127;

const path = z.string().regex(/^\/\S*$/, 'a path starting with /');

/** Faults the simulator injects; they can be changed while it runs (setFaults). */
export const erpFaultsSchema = z.object({
  /** Share of calls (login included) answered 503, drawn from a generator seeded by `seed`. */
  errorRate: z.number().min(0).max(1).default(0),
  /** Delay before every answer. */
  latencyMs: z.number().int().min(0).default(0),
  /** Sessions expire this long after login (session mode); null: never. */
  sessionTtlMs: z.number().int().min(0).nullable().default(null),
});
export type ErpFaults = z.infer<typeof erpFaultsSchema>;

export const erpSimulatorOptionsSchema = z.object({
  /** 0: an ephemeral port. */
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  authMode: z.enum(['basic', 'session']),
  username: z.string().min(1),
  password: z.string().min(1),
  ordersPath: path.default(SIMULATOR_ORDERS_PATH),
  returnsPath: path.default(SIMULATOR_RETURNS_PATH),
  scenario: z.enum(['lifecycle', 'empty']).default('lifecycle'),
  orderCount: z.number().int().min(MIN_ORDER_COUNT).default(300),
  /** How long the lifecycles take to unfold, in real (or manual-clock) ms. */
  durationMs: z.number().int().positive().default(120_000),
  seed: z.number().int().default(DEFAULT_SIMULATOR_SEED),
  /** real: changes appear as time passes; manual: only advanceTo / revealAll move time. */
  clock: z.enum(['real', 'manual']).default('real'),
  faults: erpFaultsSchema.prefault({}),
  /** Largest $top accepted; above it the gateway answers 400. */
  maxTop: z.number().int().positive().default(500),
});
export type ErpSimulatorOptions = z.input<typeof erpSimulatorOptionsSchema>;
export type ErpSimulatorSettings = z.infer<typeof erpSimulatorOptionsSchema>;
