import { centsToAmount } from '../money.js';
import type { Address, Order, OrderLine, Payment } from '../order.js';
import type { BarcodeRule } from './hmBarcodeChoice.js';
import { corporateBrandId } from './hmBrandChoice.js';
import { deliveryMethodAndMode } from './hmFreightChoice.js';
import { mapLines } from './hmLines.js';
import type { HmMappings } from './hmMappings.js';
import type { HmStatusEvent } from './hmStatusEvent.js';
import { mapTotals } from './hmTotals.js';

type HmOrder = HmStatusEvent['order'];

/** What the order block is built from: the order version, the lines this status carries, and the rules. */
export interface OrderBlockInput {
  order: Order;
  /** CREATED: the lines as first seen; any other status: the current (invoiced) lines. */
  lines: readonly OrderLine[];
  /** The lines the brand is read from (as first seen), so every status carries the same brand. */
  brandLines: readonly OrderLine[];
  mappings: HmMappings;
  itemDiscountType: string;
  barcodes: BarcodeRule;
}

/** The `order` block common to every status: identity, customer, delivery, payments, lines and totals. */
export function mapOrderBlock(input: OrderBlockInput): HmOrder {
  const { order, mappings } = input;
  const mapped = mapLines(order.orderNumber, input.lines, input.itemDiscountType, input.barcodes);
  const { deliveryMethod, deliveryMode } = deliveryMethodAndMode(order, mappings);
  const customer = order.customer;
  return {
    orderNumber: order.orderNumber,
    webOrderNumber: order.webOrderNumber,
    orderDate: order.orderDate,
    corporateBrandId: corporateBrandId(input.brandLines, input.lines, mappings),
    customer: { customerId: customer.customerId, name: customer.name, email: customer.email, document: customer.document },
    delivery: {
      deliveryMethod,
      deliveryMode,
      carrier: order.carrier,
      address: mapAddress(customer.deliveryAddress),
      shippingAmount: centsToAmount(order.freightCents),
    },
    payments: order.payments.map((p) => mapPayment(p, mappings.voucherPaymentTypes)),
    lines: mapped.lines,
    totals: mapTotals(mapped, order.freightCents),
  };
}

function mapAddress(address: Address | null): HmOrder['delivery']['address'] {
  // H&M's address has no phone; an order without a delivery address still sends the block, all null.
  if (address === null) {
    return { street: null, number: null, complement: null, district: null, city: null, state: null, postalCode: null, country: 'BR' };
  }
  return {
    street: address.street,
    number: address.number,
    complement: address.complement,
    district: address.district,
    city: address.city,
    state: address.state,
    postalCode: address.postalCode,
    country: 'BR',
  };
}

function mapPayment(payment: Payment, voucherPaymentTypes: readonly string[]): HmOrder['payments'][number] {
  return {
    paymentType: payment.paymentTypeCode,
    description: payment.description,
    amount: centsToAmount(payment.amountCents),
    installments: payment.installments,
    // "Voucher" is ticked per payment type in Utilitários > Comercial > Tipos de Pagamento.
    voucher: voucherPaymentTypes.includes(payment.paymentTypeCode.trim()),
  };
}
