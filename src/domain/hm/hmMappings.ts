import { z } from 'zod';

/**
 * HM_MAPPINGS: the ERP-side H&M registrations (brands, freight types, voucher payment types) as one
 * JSON document — contracts/hm-order-api.md.
 */
export const hmMappingsSchema = z.object({
  defaultCorporateBrandId: z.string().min(1).optional(),
  brands: z.record(z.string(), z.string().min(1)).default({}),
  freightTypes: z
    .record(z.string(), z.object({ deliveryMethod: z.string().min(1), deliveryMode: z.string().min(1) }))
    .default({}),
  voucherPaymentTypes: z.array(z.string()).default([]),
});
export type HmMappings = z.infer<typeof hmMappingsSchema>;
