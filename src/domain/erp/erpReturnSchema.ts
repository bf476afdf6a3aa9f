import type { z } from 'zod';
import type { ReturnLine, ReturnMovement } from '../order.js';
import {
  erpCents,
  erpInteger,
  erpList,
  erpObject,
  erpOptionalInstant,
  erpOptionalInteger,
  erpOptionalText,
  erpText,
} from './erpFormats.js';
import { issuedInvoiceNumber } from './erpInvoice.js';

/**
 * The return movement row (troca_devolucao feed, contracts/erp-millennium.md) → ReturnMovement.
 * Rows of other kinds or without an order still parse: deciding to ignore them is the caller's job.
 */

const erpReturnLineSchema = erpObject({
  item: erpInteger({ min: 1 }),
  sku: erpOptionalText(),
  barra: erpOptionalText(),
  quantidade: erpInteger({ min: 1 }),
  preco: erpCents({ min: 0 }),
}).transform(
  (l): ReturnLine => ({
    lineNumber: l.item,
    sku: l.sku,
    barcode: l.barra,
    quantity: l.quantidade,
    unitPriceCents: l.preco,
  }),
);

const erpReturnRowFields = erpObject({
  trans_id: erpInteger({ min: 0 }),
  devolucao: erpText(),
  tipo: erpText(),
  pedidov: erpOptionalInteger(),
  cod_pedidov: erpOptionalText(),
  nota: erpOptionalText(),
  serie: erpOptionalText(),
  chave_nfe: erpOptionalText(),
  data_emissao: erpOptionalInstant(),
  produtos: erpList(erpReturnLineSchema),
});
type ErpReturnRow = z.output<typeof erpReturnRowFields>;

/** A return movement row → ReturnMovement; unknown extra fields are ignored. */
export const erpReturnRowSchema = erpReturnRowFields.transform(toReturnMovement);

function toReturnMovement(row: ErpReturnRow): ReturnMovement {
  const invoiceNumber = issuedInvoiceNumber(row.nota);
  return {
    transId: row.trans_id,
    returnId: row.devolucao,
    kind: row.tipo.toUpperCase(),
    erpOrderId: row.pedidov,
    orderNumber: row.cod_pedidov,
    // No `nota` (or 0): the return invoice is not issued yet, so nothing may be sent.
    invoice:
      invoiceNumber === null
        ? null
        : { number: invoiceNumber, series: row.serie, key: row.chave_nfe, issuedAt: row.data_emissao },
    lines: row.produtos,
  };
}
