import { z } from 'zod';

/**
 * Settings read only by the local runtime (`npm start`), never deployed: they sit in
 * local.settings.sample.json and the README, not in the Bicep.
 */
export const localSettingsSchema = z.object({
  /** Where Azurite and the in-process queue keep their data; a restart resumes from it. */
  LOCAL_DATA_DIR: z.string().min(1).default('.local'),
  /** Port of the local HTTP host (the status API), like the Functions host's 7071; 0: free ports for it and the simulators. */
  LOCAL_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(7071),
  /** Orders in the ERP simulator's scenario (at least 24). */
  LOCAL_SIM_ORDERS: z.coerce.number().int().min(24).default(300),
  /** How long the ERP simulator's lifecycles take to unfold. */
  LOCAL_SIM_DURATION_MS: z.coerce.number().int().positive().default(120_000),
  /** Faults of the H&M simulator: e.g. "latencyMs=50,errorRate=0.05,throttleRate=0.02" (empty: none). */
  LOCAL_HM_FAULTS: z.string().default(''),
});
export type LocalSettings = z.infer<typeof localSettingsSchema>;
export const LOCAL_SETTING_NAMES = Object.keys(localSettingsSchema.shape) as (keyof LocalSettings)[];

const faultsSchema = z
  .object({
    latencyMs: z.coerce.number().int().min(0),
    errorRate: z.coerce.number().min(0).max(1),
    throttleRate: z.coerce.number().min(0).max(1),
    seed: z.coerce.number().int(),
  })
  .partial()
  .strict();

/** Parses LOCAL_HM_FAULTS ("key=value,key=value"); errors name the setting and the key. */
export function parseFaults(text: string): z.infer<typeof faultsSchema> {
  const pairs = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('=').map((s) => s.trim()));
  const parsed = faultsSchema.safeParse(Object.fromEntries(pairs));
  if (!parsed.success) {
    throw new Error(`LOCAL_HM_FAULTS: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')} (expected e.g. "latencyMs=50,errorRate=0.05,throttleRate=0.02")`);
  }
  return parsed.data;
}
