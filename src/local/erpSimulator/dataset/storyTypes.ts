import type { BrandEntry, FreightEntry } from './catalog.js';

/** Facts of the scenario before they are written as messy ERP rows: cents, epoch ms, clean text. */

export interface LineFacts {
  item: number;
  productId: number;
  productCode: string;
  sku: string;
  description: string;
  colorCode: string;
  color: string;
  size: string;
  quantity: number;
  unitPriceCents: number;
  /** Discount amount of the whole line. */
  discountCents: number;
  /** The EAN13 typed barcode. */
  ean: string;
  barcodes: readonly { tipo: string; barra: string }[];
  /** `barra`: the EAN13 mostly, an internal code sometimes. */
  defaultBarcode: string;
  brandCode: string;
  brandName: string;
  gift: boolean;
}

export interface CustomerFacts {
  id: string;
  name: string;
  email: string;
  document: { kind: 'cpf' | 'cnpj'; digits: string };
  address: {
    street: string;
    number: string;
    complement: string | null;
    district: string;
    city: string;
    state: string;
    postalCode: string;
    ddd: string;
    phone: string;
  };
}

export interface PaymentFacts {
  code: string;
  description: string;
  amountCents: number;
  installments: number;
}

export interface InvoiceFacts {
  number: string;
  series: string;
  key: string;
  issuedAtMs: number;
}

export type OrderEvent = 'created' | 'approved' | 'sentToWarehouse' | 'cancelled' | 'shipped' | 'delivered' | 'corrected';

/** One version of an order as the ERP holds it after a change. */
export interface OrderSnapshot {
  event: OrderEvent;
  /** Where in the run it becomes visible, 0..1 of durationMs. */
  fraction: number;
  updatedAtMs: number;
  workflowStatus: string;
  approved: boolean;
  cancelled: boolean;
  /** Who cancelled: the ERP writes both the same way (rule 3), the scenario remembers for the counts. */
  cancelledBy: 'seller' | 'customer' | null;
  cancellationReason: string | null;
  lines: readonly LineFacts[];
  invoice: InvoiceFacts | null;
  shippedAtMs: number | null;
  trackingNumber: string | null;
  deliveredAtMs: number | null;
  /** Set on the one deliberately broken version: what is wrong with it. */
  defect: string | null;
}

export interface OrderStory {
  orderNumber: string;
  erpId: number;
  webOrderNumber: string;
  orderDateMs: number;
  customer: CustomerFacts;
  payments: readonly PaymentFacts[];
  freight: FreightEntry;
  brand: BrandEntry;
  snapshots: OrderSnapshot[];
}

export type MovementEvent = 'registered' | 'receivedInWarehouse' | 'issued';

export interface MovementSnapshot {
  event: MovementEvent;
  fraction: number;
  updatedAtMs: number;
  invoice: InvoiceFacts | null;
  lines: readonly { item: number; sku: string; barcode: string; quantity: number; unitPriceCents: number }[];
}

export interface MovementStory {
  returnId: number;
  kind: 'DEVOLUCAO_VENDA' | 'TROCA';
  order: { orderNumber: string; erpId: number } | null;
  snapshots: MovementSnapshot[];
}
