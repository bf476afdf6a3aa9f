import type { MessyWriter } from './messyWriter.js';
import type { MovementSnapshot, MovementStory } from './storyTypes.js';

type Row = Record<string, unknown>;

const STATUS_TEXT: Record<MovementSnapshot['event'], string> = {
  registered: 'RETORNO REGISTRADO',
  receivedInWarehouse: 'DEVOLUCAO RECEBIDA NO ARMAZEM',
  issued: 'NOTA EMITIDA',
};

/** One version of a return movement as a troca_devolucao row. */
export function movementRow(w: MessyWriter, story: MovementStory, snap: MovementSnapshot, transId: number): Row {
  const row: Row = {
    trans_id: transId,
    devolucao: story.returnId,
    tipo: story.kind,
    desc_status: STATUS_TEXT[snap.event],
    data_atualizacao: w.date(snap.updatedAtMs),
  };
  if (story.order) {
    row.pedidov = story.order.erpId;
    row.cod_pedidov = story.order.orderNumber;
  } else {
    // A movement not linked to any sales order.
    row.cod_pedidov = null;
  }
  const invoice = snap.invoice;
  if (invoice) {
    row.nota = invoice.number;
    row.serie = invoice.series;
    row.chave_nfe = invoice.key;
    row.data_emissao = w.date(invoice.issuedAtMs);
  } else if (w.chance(0.5)) {
    // Not issued yet: the invoice fields are null, or simply absent.
    row.nota = null;
    row.serie = null;
    row.data_emissao = null;
  }
  const lines = snap.lines.map((l) => ({
    item: l.item,
    sku: l.sku,
    barra: l.barcode,
    quantidade: w.count(l.quantity),
    preco: w.money(l.unitPriceCents),
  }));
  const produtos = lines.length > 0 ? lines : w.emptyList();
  if (produtos !== undefined) row.produtos = produtos;
  if (w.chance(0.5)) row.filial = w.text('CD Cajamar');
  return row;
}
