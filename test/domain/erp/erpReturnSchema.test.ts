import { describe, expect, it } from 'vitest';
import { parseErpReturn } from '../../../src/domain/erp/index.js';
import type { ReturnMovement } from '../../../src/domain/order.js';
import { returnMovementSchema } from '../../../src/domain/order.js';
import { erpReturnRow } from './erpRows.js';

function movement(overrides: Record<string, unknown> = {}): ReturnMovement {
  const result = parseErpReturn(erpReturnRow(overrides));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('return movement row → ReturnMovement', () => {
  it('maps a sales return with an issued invoice', () => {
    expect(movement()).toEqual({
      transId: 9001,
      returnId: '7788',
      kind: 'DEVOLUCAO_VENDA',
      erpOrderId: 88123,
      orderNumber: '100234',
      invoice: {
        number: '4567',
        series: '2',
        key: '35261212345678000195550020000045671000045678',
        issuedAt: '2026-12-08T12:00:00.000-03:00',
      },
      lines: [{ lineNumber: 1, sku: '0912345001', barcode: '7891234567895', quantity: 1, unitPriceCents: 9990 }],
    });
    expect(returnMovementSchema.safeParse(movement()).success).toBe(true);
  });

  it('trims and upper-cases the movement kind', () => {
    expect(movement({ tipo: ' devolucao_venda ' }).kind).toBe('DEVOLUCAO_VENDA');
    expect(movement({ tipo: 'Troca' }).kind).toBe('TROCA');
  });

  it.each([[undefined], [null], [''], [0], ['0'], ['000']])(
    'has no invoice while nota is %j (return invoice not issued yet)',
    (nota) => {
      expect(movement({ nota }).invoice).toBeNull();
    },
  );

  it('reads a row without an order as a movement with no order (the caller ignores it)', () => {
    const parsed = movement({ pedidov: null, cod_pedidov: '' });
    expect([parsed.erpOrderId, parsed.orderNumber]).toEqual([null, null]);
  });

  it('reads returned lines in the ERP formats and tolerates missing sku and barcode', () => {
    const parsed = movement({
      produtos: [
        { item: '1', sku: ' 0912345001 ', quantidade: '1,000', preco: '1.299,90' },
        { item: 2, barra: 7891234567895, quantidade: 2, preco: 0.125 },
      ],
    });
    expect(parsed.lines).toEqual([
      { lineNumber: 1, sku: '0912345001', barcode: null, quantity: 1, unitPriceCents: 129990 },
      { lineNumber: 2, sku: null, barcode: '7891234567895', quantity: 2, unitPriceCents: 13 },
    ]);
  });

  it('reads produtos missing as no lines and ignores unknown fields', () => {
    const parsed = movement({ produtos: undefined, loja: 'SP01' });
    expect(parsed.lines).toEqual([]);
    expect(parsed).not.toHaveProperty('loja');
  });

  it('rejects a returned quantity of zero and a negative price', () => {
    const result = parseErpReturn(erpReturnRow({ produtos: [{ item: 1, sku: 'A', quantidade: 0, preco: '-1,00' }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe(
        'invalid ERP return row (devolucao "7788", cod_pedidov "100234", trans_id 9001): ' +
          'produtos[0].quantidade: 0 must be at least 1; produtos[0].preco: "-1,00" must not be negative',
      );
    }
  });
});
