import type { z } from 'zod';
import type { Address, Customer, Invoice, Order, OrderLine, Payment } from '../order.js';
import {
  erpBoolean,
  erpCents,
  erpCnpj,
  erpDigits,
  erpFirstOf,
  erpInstant,
  erpInteger,
  erpList,
  erpObject,
  erpOptionalCents,
  erpOptionalInstant,
  erpOptionalInteger,
  erpOptionalText,
  erpRequiredFirstOf,
  erpText,
} from './erpFormats.js';
import { MISSING_MESSAGE } from './erpInvalid.js';
import { issuedInvoiceNumber } from './erpInvoice.js';

/**
 * The `listapedidos` order row (contracts/erp-millennium.md) → the normalised Order. This file and
 * erpReturnSchema.ts are the only places that know the ERP's Portuguese field names.
 */

const erpTypedBarcodeSchema = erpObject({ tipo: erpText(), barra: erpText() }).transform((b) => ({
  type: b.tipo,
  code: b.barra,
}));

const erpOrderLineFields = erpObject({
  item: erpInteger({ min: 1 }),
  produto: erpOptionalText(),
  cod_produto: erpOptionalText(),
  sku: erpOptionalText(),
  desc_produto: erpOptionalText(),
  cod_cor: erpOptionalText(),
  desc_cor: erpOptionalText(),
  tamanho: erpOptionalText(),
  quantidade: erpInteger({ min: 0 }),
  preco: erpCents({ min: 0 }),
  it_valor_desconto: erpOptionalCents({ min: 0 }),
  desconto: erpOptionalCents({ min: 0 }),
  barra: erpOptionalText(),
  barras: erpList(erpTypedBarcodeSchema),
  marca: erpOptionalText(),
  desc_marca: erpOptionalText(),
});
type ErpOrderLine = z.output<typeof erpOrderLineFields>;

/** One `produtos[]` line; `sku` may be absent when `cod_produto` stands in for it. */
export const erpOrderLineSchema = erpOrderLineFields
  // `when` makes this run even when other fields of the line failed, so every problem is reported at once.
  .refine((line: unknown) => !isObject(line) || line['sku'] !== null || line['cod_produto'] !== null, {
    path: ['sku'],
    message: MISSING_MESSAGE,
    when: () => true,
  })
  .transform(toOrderLine);

function toOrderLine(line: ErpOrderLine): OrderLine {
  return {
    lineNumber: line.item,
    productCode: line.cod_produto ?? line.produto,
    // The refine above guarantees one of them.
    sku: line.sku ?? line.cod_produto ?? '',
    description: line.desc_produto ?? '',
    colorCode: line.cod_cor,
    color: line.desc_cor,
    size: line.tamanho,
    quantity: line.quantidade,
    unitPriceCents: line.preco,
    discountCents: line.it_valor_desconto ?? line.desconto ?? 0,
    barcode: line.barra,
    barcodes: line.barras,
    brandCode: line.marca,
    brandName: line.desc_marca,
  };
}

const erpDeliveryAddressSchema = erpObject({
  logradouro: erpOptionalText(),
  numero: erpOptionalText(),
  complemento: erpOptionalText(),
  bairro: erpOptionalText(),
  cidade: erpOptionalText(),
  estado: erpOptionalText(),
  cep: erpDigits(8),
  ddd: erpDigits(),
  fone: erpDigits(),
}).transform(
  (a): Address => ({
    street: a.logradouro,
    number: a.numero,
    complement: a.complemento,
    district: a.bairro,
    city: a.cidade,
    state: a.estado,
    postalCode: a.cep,
    phone: a.fone === null ? null : (a.ddd ?? '') + a.fone,
  }),
);

const erpCustomerSchema = erpObject({
  cod_cliente: erpText(),
  nome: erpText(),
  e_mail: erpOptionalText(),
  cpf: erpDigits(11),
  cnpj: erpCnpj(),
  endereco_entrega: erpFirstOf(erpDeliveryAddressSchema),
}).transform(
  (c): Customer => ({
    customerId: c.cod_cliente,
    name: c.nome,
    email: c.e_mail,
    document: c.cpf ?? c.cnpj,
    deliveryAddress: c.endereco_entrega,
  }),
);

const erpPaymentSchema = erpObject({
  cod_tipo_pgto: erpText(),
  desc_tipo: erpOptionalText(),
  // Not bounded: the domain allows negative amounts (e.g. change given back) and so do we.
  valor_inicial: erpCents(),
  numparc: erpOptionalInteger({ min: 1 }),
}).transform(
  (p): Payment => ({
    paymentTypeCode: p.cod_tipo_pgto,
    description: p.desc_tipo,
    amountCents: p.valor_inicial,
    installments: p.numparc ?? 1,
  }),
);

const erpOrderRowFields = erpObject({
  pedidov: erpInteger(),
  cod_pedidov: erpText(),
  n_pedido_cliente: erpOptionalText(),
  trans_id: erpInteger({ min: 0 }),
  data_emissao: erpInstant(),
  data_atualizacao: erpOptionalInstant(),
  aprovado: erpBoolean(false),
  cancelado: erpBoolean(false),
  motivo_cancelamento: erpOptionalText(),
  status_workflow_desc: erpOptionalText(),
  desc_status: erpOptionalText(),
  cliente: erpRequiredFirstOf(erpCustomerSchema),
  produtos: erpList(erpOrderLineSchema),
  lancamentos: erpList(erpPaymentSchema),
  total: erpOptionalCents({ min: 0 }),
  valor_final: erpOptionalCents({ min: 0 }),
  v_frete: erpOptionalCents({ min: 0 }),
  cod_tipo_frete: erpOptionalText(),
  desc_tipo_frete: erpOptionalText(),
  nome_transportadora: erpOptionalText(),
  nf: erpOptionalText(),
  serie_nf: erpOptionalText(),
  chave_nfe: erpOptionalText(),
  data_nf: erpOptionalInstant(),
  data_conclusao_embarque: erpOptionalInstant(),
  numero_objeto: erpOptionalText(),
  data_entrega_cliente: erpOptionalInstant(),
});
type ErpOrderRow = z.output<typeof erpOrderRowFields>;

/** A `listapedidos` row → Order; unknown extra fields are ignored. */
export const erpOrderRowSchema = erpOrderRowFields.transform(toOrder);

function toOrder(row: ErpOrderRow): Order {
  return {
    erpId: row.pedidov,
    orderNumber: row.cod_pedidov,
    webOrderNumber: row.n_pedido_cliente,
    transId: row.trans_id,
    orderDate: row.data_emissao,
    updatedAt: row.data_atualizacao,
    approved: row.aprovado,
    cancelled: row.cancelado,
    cancellationReason: row.motivo_cancelamento,
    workflowStatus: row.status_workflow_desc ?? row.desc_status,
    customer: row.cliente,
    lines: row.produtos,
    payments: row.lancamentos,
    itemsTotalCents: row.total,
    finalTotalCents: row.valor_final,
    freightCents: row.v_frete ?? 0,
    freightTypeCode: row.cod_tipo_frete,
    freightTypeName: row.desc_tipo_frete,
    carrier: row.nome_transportadora,
    invoice: toInvoice(row),
    shippedAt: row.data_conclusao_embarque,
    trackingNumber: row.numero_objeto,
    deliveredAt: row.data_entrega_cliente,
  };
}

function toInvoice(row: ErpOrderRow): Invoice | null {
  const number = issuedInvoiceNumber(row.nf);
  if (number === null) return null;
  return { number, series: row.serie_nf, key: row.chave_nfe, issuedAt: row.data_nf };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
