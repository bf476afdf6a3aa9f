import { describe, expect, it } from 'vitest';
import { parseErpOrder } from '../../../src/domain/erp/index.js';
import type { Order } from '../../../src/domain/order.js';
import { orderSchema } from '../../../src/domain/order.js';
import { erpLine, erpOrderRow } from './erpRows.js';

function order(overrides: Record<string, unknown> = {}): Order {
  const result = parseErpOrder(erpOrderRow(overrides));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('listapedidos row → Order', () => {
  it('maps a full ERP order row to the normalised order', () => {
    expect(order()).toEqual({
      erpId: 88123,
      orderNumber: '100234',
      webOrderNumber: 'HMBR-2026-000123',
      transId: 5561,
      orderDate: '2026-12-01T12:00:00.000-03:00',
      updatedAt: '2026-12-02T09:30:00.000-03:00',
      approved: true,
      cancelled: false,
      cancellationReason: null,
      workflowStatus: 'ENVIADO PARA O ARMAZEM',
      customer: {
        customerId: '4455',
        name: 'João da Conceição',
        email: 'joao@example.com.br',
        document: '12345678909',
        deliveryAddress: {
          street: 'Avenida Paulista',
          number: '1578',
          complement: 'Apto 12',
          district: 'Bela Vista',
          city: 'São Paulo',
          state: 'SP',
          postalCode: '01310200',
          phone: '11998765432',
        },
      },
      lines: [
        {
          lineNumber: 1,
          productCode: '0912345',
          sku: '0912345001',
          description: 'Camiseta Básica Algodão',
          colorCode: '001',
          color: 'PRETO',
          size: 'M',
          quantity: 2,
          unitPriceCents: 9990,
          discountCents: 1000,
          barcode: '7891234567895',
          barcodes: [
            { type: 'EAN13', code: '7891234567895' },
            { type: 'HM', code: '0912345001002' },
          ],
          brandCode: '01',
          brandName: 'H&M',
        },
        expect.objectContaining({ lineNumber: 2, sku: '0912345002', quantity: 1, unitPriceCents: 4990, discountCents: 0 }),
      ],
      payments: [{ paymentTypeCode: 'CC', description: 'Cartão de Crédito', amountCents: 22960, installments: 3 }],
      itemsTotalCents: 24970,
      finalTotalCents: 25960,
      freightCents: 1990,
      freightTypeCode: 'SEDEX',
      freightTypeName: 'Sedex Expresso',
      carrier: 'Correios',
      invoice: {
        number: '000123',
        series: '1',
        key: '35261212345678000195550010001234561000012345',
        issuedAt: '2026-12-02T10:15:00.000-03:00',
      },
      shippedAt: '2026-12-02T14:00:00.000-03:00',
      trackingNumber: 'BR123456789BR',
      deliveredAt: null,
    });
  });

  it('produces what the domain orderSchema accepts', () => {
    expect(orderSchema.safeParse(order()).success).toBe(true);
  });

  it('accepts the order number as a number and trims it', () => {
    expect(order({ cod_pedidov: 100234 }).orderNumber).toBe('100234');
    expect(order({ cod_pedidov: '  100234 ' }).orderNumber).toBe('100234');
  });

  it('accepts pedidov and trans_id written as text', () => {
    const parsed = order({ pedidov: '88123', trans_id: ' 5561 ' });
    expect([parsed.erpId, parsed.transId]).toEqual([88123, 5561]);
  });

  it('reads cancelado in every boolean spelling, missing meaning not cancelled', () => {
    expect(order({ cancelado: 'T' }).cancelled).toBe(true);
    expect(order({ cancelado: 1 }).cancelled).toBe(true);
    expect(order({ cancelado: ' true ' }).cancelled).toBe(true);
    expect(order({ cancelado: '0' }).cancelled).toBe(false);
    expect(order({ cancelado: undefined }).cancelled).toBe(false);
    expect(order({ aprovado: undefined }).approved).toBe(false);
    expect(order({ aprovado: 'F' }).approved).toBe(false);
  });

  it('keeps the cancellation reason, trimmed', () => {
    expect(order({ cancelado: true, motivo_cancelamento: '  Desistência do cliente ' }).cancellationReason).toBe(
      'Desistência do cliente',
    );
  });

  it('takes the workflow status from desc_status when status_workflow_desc is absent', () => {
    expect(order({ status_workflow_desc: null }).workflowStatus).toBe('FATURADO');
    expect(order({ status_workflow_desc: '', desc_status: undefined }).workflowStatus).toBeNull();
  });

  it('uses the CNPJ as the document when there is no CPF', () => {
    const row = erpOrderRow();
    const [cliente] = row['cliente'] as Record<string, unknown>[];
    const company = { ...cliente, cpf: null, cnpj: '12.345.678/0001-95' };
    expect(order({ cliente: [company] }).customer.document).toBe('12345678000195');
    expect(order({ cliente: [{ ...company, cnpj: undefined }] }).customer.document).toBeNull();
  });

  it('reads a customer without a delivery address, and a phone without an area code', () => {
    const customer = { cod_cliente: 'C-9', nome: 'Ana', endereco_entrega: [] };
    expect(order({ cliente: [customer] }).customer).toEqual({
      customerId: 'C-9',
      name: 'Ana',
      email: null,
      document: null,
      deliveryAddress: null,
    });
    const noDdd = order({ cliente: [{ ...customer, endereco_entrega: [{ fone: '3333-4444', cep: 1310200 }] }] });
    expect(noDdd.customer.deliveryAddress).toMatchObject({ phone: '33334444', postalCode: '01310200', street: null });
    const noPhone = order({ cliente: [{ ...customer, endereco_entrega: [{ ddd: '11' }] }] });
    expect(noPhone.customer.deliveryAddress?.phone).toBeNull();
  });

  it('keeps accents and trims stray spaces in text', () => {
    const customer = { cod_cliente: ' 4455 ', nome: '  Maria Antônia Gonçalves  ', e_mail: ' maria@exemplo.com.br ' };
    const parsed = order({ cliente: [customer], produtos: [erpLine(1, { desc_produto: ' Calça Jeans Açaí ', tamanho: ' 38 ' })] });
    expect(parsed.customer).toMatchObject({ customerId: '4455', name: 'Maria Antônia Gonçalves', email: 'maria@exemplo.com.br' });
    expect(parsed.lines[0]).toMatchObject({ description: 'Calça Jeans Açaí', size: '38' });
  });

  describe('lines', () => {
    const lineOf = (overrides: Record<string, unknown>) => order({ produtos: [erpLine(1, overrides)] }).lines[0];

    it('takes productCode from cod_produto, else produto', () => {
      expect(lineOf({ cod_produto: 'A1', produto: 'P1' })?.productCode).toBe('A1');
      expect(lineOf({ cod_produto: null, produto: 'P1' })?.productCode).toBe('P1');
    });

    it('falls back to cod_produto when the line has no sku', () => {
      expect(lineOf({ sku: undefined, cod_produto: '0912345' })?.sku).toBe('0912345');
    });

    it('takes the line discount from it_valor_desconto, else desconto, else zero', () => {
      expect(lineOf({ it_valor_desconto: '5,50', desconto: '1,00' })?.discountCents).toBe(550);
      expect(lineOf({ it_valor_desconto: null, desconto: '1,00' })?.discountCents).toBe(100);
      expect(lineOf({ it_valor_desconto: undefined, desconto: undefined })?.discountCents).toBe(0);
    });

    it('reads quantities written as 2, "2", "2,000" and 2.0 as 2', () => {
      for (const quantidade of [2, '2', '2,000', 2.0]) expect(lineOf({ quantidade })?.quantity).toBe(2);
    });

    it('reads barras missing as no typed barcodes, and optional line texts missing as null', () => {
      const line = lineOf({ barras: undefined, barra: '', cod_cor: null, desc_cor: undefined, marca: '', desc_marca: null });
      expect(line).toMatchObject({ barcodes: [], barcode: null, colorCode: null, color: null, brandCode: null, brandName: null });
    });

    it('reads a line without a description as an empty description', () => {
      expect(lineOf({ desc_produto: null })?.description).toBe('');
    });

    it('parses a 300-line order', () => {
      const produtos = Array.from({ length: 300 }, (_, i) => erpLine(i + 1, { preco: `${i + 1},99` }));
      const parsed = order({ produtos });
      expect(parsed.lines).toHaveLength(300);
      expect(parsed.lines[299]).toMatchObject({ lineNumber: 300, sku: '0912345300', unitPriceCents: 30099 });
    });
  });

  it('reads lancamentos missing as no payments and numparc missing as one installment', () => {
    expect(order({ lancamentos: undefined }).payments).toEqual([]);
    expect(order({ lancamentos: [{ cod_tipo_pgto: 'PIX', valor_inicial: 259.6 }] }).payments).toEqual([
      { paymentTypeCode: 'PIX', description: null, amountCents: 25960, installments: 1 },
    ]);
  });

  it('reads an empty produtos list as an order without lines', () => {
    expect(order({ produtos: [] }).lines).toEqual([]);
  });

  it('reads freight missing as zero, and totals missing as null', () => {
    const parsed = order({ v_frete: undefined, total: null, valor_final: '' });
    expect([parsed.freightCents, parsed.itemsTotalCents, parsed.finalTotalCents]).toEqual([0, null, null]);
  });

  it('has no invoice until nf is set', () => {
    expect(order({ nf: null }).invoice).toBeNull();
    expect(order({ nf: '  ' }).invoice).toBeNull();
    expect(order({ nf: 0 }).invoice).toBeNull();
    expect(order({ nf: 4321, serie_nf: undefined, chave_nfe: undefined, data_nf: undefined }).invoice).toEqual({
      number: '4321',
      series: null,
      key: null,
      issuedAt: null,
    });
  });

  it('carries shipment and delivery dates and the tracking number', () => {
    const parsed = order({ data_entrega_cliente: '2026-12-05', numero_objeto: ' OB987654321BR ' });
    expect(parsed).toMatchObject({
      shippedAt: '2026-12-02T14:00:00.000-03:00',
      deliveredAt: '2026-12-05T00:00:00.000-03:00',
      trackingNumber: 'OB987654321BR',
    });
    expect(order({ data_conclusao_embarque: '' }).shippedAt).toBeNull();
  });

  it('ignores unknown extra fields at every level', () => {
    const parsed = order({
      campo_novo: 'x',
      vitrine: 3,
      produtos: [erpLine(1, { peso: '0,3', barras: [{ tipo: 'EAN13', barra: '7891234567895', principal: true }] })],
    });
    expect(orderSchema.strict().safeParse(parsed).success).toBe(true);
    expect(parsed.lines[0]).not.toHaveProperty('peso');
    expect(parsed.lines[0]?.barcodes).toEqual([{ type: 'EAN13', code: '7891234567895' }]);
  });
});
