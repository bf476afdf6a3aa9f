import { formatDocument, type MessyWriter } from './messyWriter.js';
import { BROKEN_PRICE } from './orderStories.js';
import type { CustomerFacts, LineFacts, OrderSnapshot, OrderStory, PaymentFacts } from './storyTypes.js';

type Row = Record<string, unknown>;

/** One version of an order as a listapedidos row: Portuguese field names, messy values, extra fields. */
export function orderRow(w: MessyWriter, story: OrderStory, snap: OrderSnapshot, transId: number): Row {
  const itemsCents = snap.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  const discountCents = snap.lines.reduce((sum, l) => sum + l.discountCents, 0);
  const invoice = snap.invoice;
  const row: Row = {
    pedidov: story.erpId,
    cod_pedidov: story.orderNumber,
    n_pedido_cliente: story.webOrderNumber,
    trans_id: transId,
    data_emissao: w.date(story.orderDateMs),
    data_atualizacao: w.date(snap.updatedAtMs),
    aprovado: w.bool(snap.approved),
    cancelado: w.bool(snap.cancelled),
    status_workflow_desc: snap.workflowStatus,
    desc_status: w.text(snap.workflowStatus),
    cliente: [customerRow(w, story.customer)],
    produtos: snap.lines.map((line) => lineRow(w, line, snap.defect !== null && line === snap.lines[0])),
    lancamentos: story.payments.map((p) => paymentRow(w, p)),
    total: w.money(itemsCents),
    valor_final: w.money(itemsCents - discountCents + story.freight.freightCents),
    v_frete: w.money(story.freight.freightCents),
    cod_tipo_frete: story.freight.code,
    desc_tipo_frete: w.text(story.freight.name),
    nome_transportadora: story.freight.carrier,
    nf: invoice?.number ?? null,
    serie_nf: invoice?.series ?? null,
    chave_nfe: invoice?.key ?? null,
    data_nf: w.date(invoice?.issuedAtMs ?? null),
    data_conclusao_embarque: w.date(snap.shippedAtMs),
    numero_objeto: snap.trackingNumber,
    data_entrega_cliente: w.date(snap.deliveredAtMs),
  };
  if (snap.cancelled) row.motivo_cancelamento = snap.cancellationReason;
  else if (w.chance(0.3)) row.motivo_cancelamento = null;
  // Fields the bridge does not use, as the real gateway sends plenty.
  if (w.chance(0.6)) row.vitrine = 1;
  if (w.chance(0.5)) row.origem_pedido = w.oneOf(['SITE', 'APP', 'MARKETPLACE']);
  if (w.chance(0.3)) row.peso_total = w.oneOf(['1,25', '0.8', 2]);
  if (w.chance(0.2)) row.obs = null;
  return row;
}

function customerRow(w: MessyWriter, c: CustomerFacts): Row {
  const phoneFormatted = w.chance(0.5);
  return {
    cod_cliente: c.id,
    nome: w.text(c.name),
    [c.document.kind]: formatDocument(c.document.digits, w.chance(0.5)),
    e_mail: c.email,
    endereco_entrega: [
      {
        logradouro: w.text(c.address.street),
        numero: c.address.number,
        complemento: c.address.complement,
        bairro: w.text(c.address.district),
        cidade: w.text(c.address.city),
        estado: c.address.state,
        cep: w.chance(0.5) ? `${c.address.postalCode.slice(0, 5)}-${c.address.postalCode.slice(5)}` : c.address.postalCode,
        ddd: c.address.ddd,
        fone: phoneFormatted ? `${c.address.phone.slice(0, 5)}-${c.address.phone.slice(5)}` : c.address.phone,
      },
    ],
  };
}

function lineRow(w: MessyWriter, l: LineFacts, broken: boolean): Row {
  const row: Row = {
    item: l.item,
    produto: l.productId,
    cod_produto: l.productCode,
    sku: l.sku,
    desc_produto: w.text(l.description),
    cod_cor: l.colorCode,
    desc_cor: w.text(l.color),
    tamanho: l.size,
    quantidade: w.count(l.quantity),
    preco: broken ? BROKEN_PRICE : w.money(l.unitPriceCents),
    barra: l.defaultBarcode,
    barras: l.barcodes.map((b) => ({ ...b })),
    marca: l.brandCode,
    desc_marca: w.text(l.brandName),
  };
  // The discount comes as `desconto`, `it_valor_desconto`, or both (same amount), or not at all when zero.
  const where = w.oneOf(['desconto', 'it_valor_desconto', 'both'] as const);
  if (l.discountCents > 0 || w.chance(0.5)) {
    if (where !== 'it_valor_desconto') row.desconto = w.money(l.discountCents);
    if (where !== 'desconto') row.it_valor_desconto = w.money(l.discountCents);
  }
  if (w.chance(0.3)) row.ncm = '62046200';
  if (w.chance(0.2)) row.unidade = 'UN';
  return row;
}

function paymentRow(w: MessyWriter, p: PaymentFacts): Row {
  return {
    cod_tipo_pgto: p.code,
    desc_tipo: w.text(p.description),
    valor_inicial: w.money(p.amountCents),
    numparc: w.count(p.installments),
  };
}
