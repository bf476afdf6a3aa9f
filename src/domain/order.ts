import { z } from 'zod';

/**
 * The normalised order and return movement: English names, money in integer cents, instants as
 * ISO 8601 with an offset. The ERP adapter's schemas (src/domain/erp/) are the only place that
 * knows the ERP's Portuguese field names; everything downstream uses these types. The same schemas
 * validate what the stores read back, so one shape serves both directions.
 */

/** ISO 8601 instant with an explicit offset, e.g. 2026-12-01T12:00:00.000-03:00. */
export const instantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/, 'expected ISO 8601 with offset');
export type Instant = z.infer<typeof instantSchema>;

const cents = z.number().int();
const text = z.string();
const optionalText = z.string().nullable();

export const typedBarcodeSchema = z.object({ type: text, code: text });

export const orderLineSchema = z.object({
  /** `item`: the line's number inside the order. */
  lineNumber: z.number().int().positive(),
  productCode: optionalText,
  sku: text,
  description: text,
  colorCode: optionalText,
  color: optionalText,
  size: optionalText,
  quantity: z.number().int().nonnegative(),
  unitPriceCents: cents.nonnegative(),
  /** Total discount amount of the line (not per unit). */
  discountCents: cents.nonnegative(),
  /** `barra`: the line's default barcode. */
  barcode: optionalText,
  /** `barras[]`: typed barcodes; HM_BARCODE_TYPE picks one of them. */
  barcodes: z.array(typedBarcodeSchema),
  brandCode: optionalText,
  brandName: optionalText,
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const addressSchema = z.object({
  street: optionalText,
  number: optionalText,
  complement: optionalText,
  district: optionalText,
  city: optionalText,
  state: optionalText,
  /** Digits only. */
  postalCode: optionalText,
  phone: optionalText,
});
export type Address = z.infer<typeof addressSchema>;

export const customerSchema = z.object({
  customerId: text,
  name: text,
  email: optionalText,
  /** CPF or CNPJ, digits only. */
  document: optionalText,
  deliveryAddress: addressSchema.nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

export const paymentSchema = z.object({
  paymentTypeCode: text,
  description: optionalText,
  amountCents: cents,
  installments: z.number().int().positive(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const invoiceSchema = z.object({
  number: text,
  series: optionalText,
  key: optionalText,
  issuedAt: instantSchema.nullable(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const orderSchema = z.object({
  /** `pedidov`: the ERP's internal id. */
  erpId: z.number().int(),
  /** `cod_pedidov`: H&M's orderNumber and the Service Bus session id. */
  orderNumber: z.string().min(1),
  webOrderNumber: optionalText,
  transId: z.number().int().nonnegative(),
  orderDate: instantSchema,
  updatedAt: instantSchema.nullable(),
  approved: z.boolean(),
  cancelled: z.boolean(),
  cancellationReason: optionalText,
  /** Informational only (RESERVADO, ENVIADO PARA O ARMAZEM, ...): never drives a status. */
  workflowStatus: optionalText,
  customer: customerSchema,
  lines: z.array(orderLineSchema),
  payments: z.array(paymentSchema),
  itemsTotalCents: cents.nullable(),
  finalTotalCents: cents.nullable(),
  freightCents: cents,
  freightTypeCode: optionalText,
  freightTypeName: optionalText,
  carrier: optionalText,
  invoice: invoiceSchema.nullable(),
  /** `data_conclusao_embarque` ("Embarque Concluído"): set ⇒ SHIPPED is owed. */
  shippedAt: instantSchema.nullable(),
  trackingNumber: optionalText,
  /** `data_entrega_cliente`: set ⇒ DELIVERED is owed. */
  deliveredAt: instantSchema.nullable(),
});
export type Order = z.infer<typeof orderSchema>;

export const returnLineSchema = z.object({
  lineNumber: z.number().int().positive(),
  sku: optionalText,
  barcode: optionalText,
  quantity: z.number().int().positive(),
  unitPriceCents: cents.nonnegative(),
});
export type ReturnLine = z.infer<typeof returnLineSchema>;

/** The ERP `tipo` of a sales return; other movement kinds are ignored. */
export const SALES_RETURN_KIND = 'DEVOLUCAO_VENDA';

export const returnMovementSchema = z.object({
  transId: z.number().int().nonnegative(),
  /** `devolucao`: the movement id (RETURNED's discriminator). */
  returnId: z.string().min(1),
  kind: text,
  erpOrderId: z.number().int().nullable(),
  orderNumber: z.string().min(1).nullable(),
  /** Null until the return invoice is issued: nothing is sent before that. */
  invoice: invoiceSchema.nullable(),
  lines: z.array(returnLineSchema),
});
export type ReturnMovement = z.infer<typeof returnMovementSchema>;
