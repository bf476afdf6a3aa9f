import { z } from 'zod';

/**
 * The simulator's own reading of contracts/hm-order-api.md (version 1), written apart from
 * src/domain/hm/hmStatusEvent.ts on purpose: two independent readings catch each other's mistakes.
 * Stricter than a tolerant receiver: unknown fields are refused (strictObject), identifiers must be
 * non-empty, money has at most two decimals and is never negative. Text the ERP may lack
 * (address parts, e-mail, colour, size, invoice series/key, tracking) may be null.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const instant = z
  .string()
  .regex(ISO_WITH_OFFSET, 'must be an ISO 8601 date-time with an offset (e.g. 2024-05-01T10:00:00-03:00)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date-time');

const id = z.string().min(1, 'must not be empty');
const text = z.string();
const optionalText = z.string().nullable();

/** A JSON number with at most two decimals (cents), never negative. */
const money = z
  .number()
  .refine((n) => Number.isFinite(n) && n >= 0, 'must be a non-negative amount')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'must have at most two decimals');

const count = z.number().int('must be an integer').min(1, 'must be at least 1');

const line = z.strictObject({
  lineNumber: count,
  ean: id,
  sku: id,
  description: text,
  color: optionalText,
  size: optionalText,
  quantity: count,
  unitPrice: money,
  discounts: z.array(z.strictObject({ type: id, amount: money })),
  lineTotal: money,
});

const order = z.strictObject({
  orderNumber: id,
  webOrderNumber: optionalText,
  orderDate: instant,
  corporateBrandId: id,
  customer: z.strictObject({
    customerId: id,
    name: text,
    email: optionalText,
    document: z
      .string()
      .regex(/^(\d{11}|\d{14})$/, 'must be the CPF (11 digits) or CNPJ (14 digits), digits only')
      .nullable(),
  }),
  delivery: z.strictObject({
    deliveryMethod: id,
    deliveryMode: id,
    carrier: optionalText,
    address: z.strictObject({
      street: optionalText,
      number: optionalText,
      complement: optionalText,
      district: optionalText,
      city: optionalText,
      state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code (UF)').nullable(),
      postalCode: z.string().regex(/^\d{8}$/, 'must be the CEP, 8 digits').nullable(),
      country: z.literal('BR'),
    }),
    shippingAmount: money,
  }),
  payments: z.array(
    z.strictObject({
      paymentType: id,
      description: optionalText,
      amount: money,
      installments: count,
      voucher: z.boolean(),
    }),
  ),
  lines: z.array(line).min(1, 'an order has at least one line'),
  totals: z.strictObject({
    itemsAmount: money,
    discountAmount: money,
    shippingAmount: money,
    totalAmount: money,
  }),
});

const shipment = z.strictObject({
  shippedAt: instant,
  invoiceNumber: optionalText,
  invoiceSeries: optionalText,
  invoiceKey: optionalText,
  trackingNumber: optionalText,
  notShippedLines: z.array(z.strictObject({ lineNumber: count, ean: id, quantity: count })),
});

const cancellation = z.strictObject({ cancelledAt: instant, reason: optionalText });

const deliveryBlock = z.strictObject({ deliveredAt: instant });

const returnBlock = z.strictObject({
  returnId: id,
  returnedAt: instant,
  // Rule 5: RETURNED is only sent once the return invoice exists.
  invoiceNumber: id,
  invoiceSeries: optionalText,
  invoiceKey: optionalText,
  lines: z
    .array(z.strictObject({ lineNumber: count, ean: id, quantity: count, amount: money }))
    .min(1, 'a return has at least one line'),
});

export const STATUS_BLOCKS = {
  CREATED: null,
  CANCELLED: 'cancellation',
  SHIPPED: 'shipment',
  DELIVERED: 'delivery',
  RETURNED: 'return',
} as const;

/** The whole request body, field by field; the cross-field rules live in eventBodyRules.ts. */
export const simulatorEventSchema = z.strictObject({
  eventId: id,
  status: z.enum(['CREATED', 'CANCELLED', 'SHIPPED', 'DELIVERED', 'RETURNED']),
  statusTimestamp: instant,
  sourceSystem: z.literal('E_MILLENNIUM_BR'),
  countryCode: z.literal('BR'),
  currency: z.literal('BRL'),
  order,
  shipment: shipment.optional(),
  cancellation: cancellation.optional(),
  delivery: deliveryBlock.optional(),
  return: returnBlock.optional(),
});
export type SimulatorEvent = z.infer<typeof simulatorEventSchema>;
