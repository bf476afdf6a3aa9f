import { z } from 'zod';
import { HM_STATUSES } from '../status.js';

/**
 * The request body of POST <HM_API_URL>/order-status-events — contracts/hm-order-api.md, version 1.
 * The only place (with the mapper beside it) that knows H&M's field names.
 */

const isoWithOffset = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/, 'expected ISO 8601 with offset');
/** Money: a JSON number with at most two decimals (computed from integer cents). */
const money = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'money has at most two decimals');
const nullableText = z.string().nullable();

export const hmAddressSchema = z.object({
  street: nullableText,
  number: nullableText,
  complement: nullableText,
  district: nullableText,
  city: nullableText,
  state: nullableText,
  postalCode: nullableText,
  country: z.literal('BR'),
});

export const hmLineSchema = z.object({
  lineNumber: z.number().int().positive(),
  ean: z.string().min(1),
  sku: z.string(),
  description: z.string(),
  color: nullableText,
  size: nullableText,
  quantity: z.number().int().nonnegative(),
  unitPrice: money,
  discounts: z.array(z.object({ type: z.string().min(1), amount: money })),
  lineTotal: money,
});

export const hmOrderSchema = z.object({
  orderNumber: z.string().min(1),
  webOrderNumber: nullableText,
  orderDate: isoWithOffset,
  corporateBrandId: z.string().min(1),
  customer: z.object({
    customerId: z.string(),
    name: z.string(),
    email: nullableText,
    document: nullableText,
  }),
  delivery: z.object({
    deliveryMethod: z.string().min(1),
    deliveryMode: z.string().min(1),
    carrier: nullableText,
    address: hmAddressSchema,
    shippingAmount: money,
  }),
  payments: z.array(
    z.object({
      paymentType: z.string(),
      description: nullableText,
      amount: money,
      installments: z.number().int().positive(),
      voucher: z.boolean(),
    }),
  ),
  lines: z.array(hmLineSchema),
  totals: z.object({
    itemsAmount: money,
    discountAmount: money,
    shippingAmount: money,
    totalAmount: money,
  }),
});

export const hmStatusEventSchema = z.object({
  eventId: z.string().min(1),
  status: z.enum(HM_STATUSES),
  statusTimestamp: isoWithOffset,
  sourceSystem: z.literal('E_MILLENNIUM_BR'),
  countryCode: z.literal('BR'),
  currency: z.literal('BRL'),
  order: hmOrderSchema,
  shipment: z
    .object({
      shippedAt: isoWithOffset,
      invoiceNumber: nullableText,
      invoiceSeries: nullableText,
      invoiceKey: nullableText,
      trackingNumber: nullableText,
      notShippedLines: z.array(
        z.object({ lineNumber: z.number().int().positive(), ean: z.string().min(1), quantity: z.number().int().positive() }),
      ),
    })
    .optional(),
  cancellation: z.object({ cancelledAt: isoWithOffset, reason: nullableText }).optional(),
  delivery: z.object({ deliveredAt: isoWithOffset }).optional(),
  return: z
    .object({
      returnId: z.string().min(1),
      returnedAt: isoWithOffset,
      invoiceNumber: z.string().min(1),
      invoiceSeries: nullableText,
      invoiceKey: nullableText,
      lines: z.array(
        z.object({
          lineNumber: z.number().int().positive(),
          ean: z.string().min(1),
          quantity: z.number().int().positive(),
          amount: money,
        }),
      ),
    })
    .optional(),
});
export type HmStatusEvent = z.infer<typeof hmStatusEventSchema>;
