import { describe, expect, it } from 'vitest';
import { parseErpOrder, parseErpReturn } from '../../../src/domain/erp/index.js';
import type { ErpParseResult } from '../../../src/domain/erp/index.js';
import { IntegrationError } from '../../../src/domain/errors.js';
import { erpLine, erpOrderRow, erpReturnRow } from './erpRows.js';

function failure<T>(result: ErpParseResult<T>) {
  if (result.ok) throw new Error('expected the row to be rejected');
  return result;
}

describe('a bad ERP order row', () => {
  it('names every bad field with its path and value, after the order it belongs to', () => {
    const produtos = [erpLine(1), erpLine(2), erpLine(3, { preco: '12,3x' })];
    const bad = failure(parseErpOrder(erpOrderRow({ data_emissao: undefined, produtos })));
    expect(bad.error).toBeInstanceOf(IntegrationError);
    expect(bad.error.code).toBe('ERP_INVALID_ROW');
    expect(bad.error.message).toBe(
      'invalid ERP order row (cod_pedidov "100234", trans_id 5561): data_emissao: missing; produtos[2].preco: "12,3x" is not a number',
    );
    expect(bad.error.details).toEqual([
      { path: 'data_emissao', message: 'missing', value: undefined },
      { path: 'produtos[2].preco', message: 'is not a number', value: '12,3x' },
    ]);
  });

  it('recovers the order number and trans_id so the row can be recorded against its order', () => {
    const bad = failure(parseErpOrder(erpOrderRow({ cod_pedidov: 100234, trans_id: '5561', pedidov: 'abc' })));
    expect([bad.orderNumber, bad.transId]).toEqual(['100234', 5561]);
    expect(bad.error.message).toBe(
      'invalid ERP order row (cod_pedidov "100234", trans_id 5561): pedidov: "abc" is not a number',
    );
  });

  it('says which identifiers could not be read', () => {
    const bad = failure(parseErpOrder(erpOrderRow({ cod_pedidov: { n: 1 }, trans_id: 'x1' })));
    expect([bad.orderNumber, bad.transId]).toEqual([null, null]);
    expect(bad.error.message).toBe(
      'invalid ERP order row (cod_pedidov unknown, trans_id unknown): ' +
        'cod_pedidov: {"n":1} is not text; trans_id: "x1" is not a number',
    );
  });

  it('reports each required field that is missing', () => {
    const bad = failure(parseErpOrder({ cod_pedidov: '100234', cliente: [{ e_mail: 'a@b.com' }], produtos: [{}] }));
    expect(bad.error.message).toBe(
      'invalid ERP order row (cod_pedidov "100234", trans_id unknown): pedidov: missing; trans_id: missing; ' +
        'data_emissao: missing; cliente[0].cod_cliente: missing; cliente[0].nome: missing; produtos[0].item: missing; ' +
        'produtos[0].quantidade: missing; produtos[0].preco: missing; produtos[0].sku: missing',
    );
    expect(bad.orderNumber).toBe('100234');
  });

  it('reports a missing customer list', () => {
    for (const cliente of [undefined, []]) {
      expect(failure(parseErpOrder(erpOrderRow({ cliente }))).error.message).toMatch(/: cliente: missing$/);
    }
  });

  it('reports a line without sku or cod_produto together with the line’s other problems', () => {
    const line = erpLine(1, { sku: ' ', cod_produto: null, quantidade: 1.5 });
    const bad = failure(parseErpOrder(erpOrderRow({ produtos: [line] })));
    expect(bad.error.details).toEqual([
      { path: 'produtos[0].quantidade', message: 'is not a whole number', value: 1.5 },
      { path: 'produtos[0].sku', message: 'missing', value: ' ' },
    ]);
  });

  it.each([
    ['cancelado "S"', { cancelado: 'S' }, 'cancelado: "S" is not a boolean (expected true/false, "T"/"F", 1/0)'],
    ['data_emissao 30 February', { data_emissao: '2026-02-30' }, 'data_emissao: "2026-02-30" is not a valid date (day 30 does not exist in 2026-02)'],
    ['data_atualizacao month 13', { data_atualizacao: '2026-13-01T10:00:00' }, 'data_atualizacao: "2026-13-01T10:00:00" is not a valid date (month 13 does not exist)'],
    ['negative v_frete', { v_frete: '-19,90' }, 'v_frete: "-19,90" must not be negative'],
    ['negative preco', { produtos: [erpLine(1, { preco: -0.01 })] }, 'produtos[0].preco: -0.01 must not be negative'],
    ['negative it_valor_desconto', { produtos: [erpLine(1, { it_valor_desconto: '-1' })] }, 'produtos[0].it_valor_desconto: "-1" must not be negative'],
    ['item 0', { produtos: [erpLine(0)] }, 'produtos[0].item: 0 must be at least 1'],
    ['typed barcode without barra', { produtos: [erpLine(1, { barras: [{ tipo: 'EAN13' }] })] }, 'produtos[0].barras[0].barra: missing'],
    ['numparc 0', { lancamentos: [{ cod_tipo_pgto: 'CC', valor_inicial: 10, numparc: 0 }] }, 'lancamentos[0].numparc: 0 must be at least 1'],
    ['produtos not a list', { produtos: 'nenhum' }, 'produtos: "nenhum" is not a list'],
    ['endereco_entrega entry not an object', { cliente: [{ cod_cliente: 1, nome: 'Ana', endereco_entrega: ['Rua A'] }] }, 'cliente[0].endereco_entrega[0]: "Rua A" is not an object'],
    ['negative trans_id', { trans_id: -1 }, 'trans_id: -1 must not be negative'],
  ])('explains %s', (_label, overrides, problem) => {
    expect(failure(parseErpOrder(erpOrderRow(overrides))).error.message).toContain(`): ${problem}`);
  });

  it('truncates long values to about 80 characters in the message and the details', () => {
    const bad = failure(parseErpOrder(erpOrderRow({ total: `9${'x'.repeat(500)}` })));
    const shown = `9${'x'.repeat(79)}…`;
    expect(bad.error.message).toBe(`invalid ERP order row (cod_pedidov "100234", trans_id 5561): total: "${shown}" is not a number`);
    expect(bad.error.details).toEqual([{ path: 'total', message: 'is not a number', value: shown }]);
  });

  it('caps a flood of problems: 20 in the message, 100 in the details, and says how many more', () => {
    const produtos = Array.from({ length: 300 }, (_, i) => erpLine(i + 1, { preco: 'grátis' }));
    const bad = failure(parseErpOrder(erpOrderRow({ produtos })));
    expect(bad.error.message.split('; ')).toHaveLength(21);
    expect(bad.error.message).toMatch(/produtos\[19\]\.preco: "grátis" is not a number; … and 280 more$/);
    expect(bad.error.details).toHaveLength(100);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['text', 'pedido'],
    ['a list of rows', [erpOrderRow()]],
  ])('rejects %s as a row without throwing', (_label, raw) => {
    const bad = failure(parseErpOrder(raw));
    expect(bad.error.message).toMatch(/^invalid ERP order row \(cod_pedidov unknown, trans_id unknown\): row: /);
    expect([bad.orderNumber, bad.transId]).toEqual([null, null]);
  });

  it('never throws, even for a row whose fields throw when read or that refers to itself', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        has() {
          throw new Error('boom');
        },
      },
    );
    expect(failure(parseErpOrder(hostile)).error.code).toBe('ERP_INVALID_ROW');
    const cyclic: Record<string, unknown> = erpOrderRow();
    cyclic['produtos'] = { self: cyclic };
    expect(failure(parseErpOrder(cyclic)).error.message).toContain('produtos: {…} is not a list');
  });
});

describe('a bad ERP return row', () => {
  it('names the bad fields and recovers the order number and trans_id', () => {
    const bad = failure(parseErpReturn(erpReturnRow({ devolucao: null, tipo: '', data_emissao: '2026-12-32' })));
    expect(bad.error.message).toBe(
      'invalid ERP return row (devolucao unknown, cod_pedidov "100234", trans_id 9001): devolucao: missing; tipo: missing; ' +
        'data_emissao: "2026-12-32" is not a valid date (day 32 does not exist in 2026-12)',
    );
    expect([bad.orderNumber, bad.transId]).toEqual(['100234', 9001]);
  });

  it('reports a missing trans_id and a line without quantity', () => {
    const bad = failure(parseErpReturn(erpReturnRow({ trans_id: undefined, produtos: [{ item: 1, preco: 10 }] })));
    expect(bad.error.details).toEqual([
      { path: 'trans_id', message: 'missing', value: undefined },
      { path: 'produtos[0].quantidade', message: 'missing', value: undefined },
    ]);
    expect(bad.transId).toBeNull();
  });
});
