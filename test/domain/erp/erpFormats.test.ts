import { describe, expect, it } from 'vitest';
import {
  erpBoolean,
  erpCents,
  erpFirstOf,
  erpInstant,
  erpInteger,
  erpList,
  erpObject,
  erpOptionalCents,
  erpOptionalInstant,
  erpOptionalText,
  erpRequiredFirstOf,
  erpText,
} from '../../../src/domain/erp/erpFormats.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('ERP field schemas', () => {
  const schema = erpObject({
    nome: erpText(),
    complemento: erpOptionalText(),
    preco: erpCents({ min: 0 }),
    v_frete: erpOptionalCents({ min: 0 }),
    quantidade: erpInteger({ min: 1 }),
    cancelado: erpBoolean(false),
    data_emissao: erpInstant(),
    data_entrega_cliente: erpOptionalInstant(),
  });
  const valid = { nome: 'Ana', preco: '10,00', quantidade: 1, data_emissao: '2026-12-01' };

  it('reports every required field that is absent, null or blank as missing', () => {
    const result = schema.safeParse({ nome: '  ', preco: null, data_emissao: '' });
    expect(issuesOf(result)).toEqual(['nome: missing', 'preco: missing', 'quantidade: missing', 'data_emissao: missing']);
  });

  it('reads absent, null and blank optional fields as null, and an absent boolean as its default', () => {
    expect(schema.parse({ ...valid, complemento: '', v_frete: null })).toEqual({
      nome: 'Ana',
      complemento: null,
      preco: 1000,
      v_frete: null,
      quantidade: 1,
      cancelado: false,
      data_emissao: '2026-12-01T00:00:00.000-03:00',
      data_entrega_cliente: null,
    });
  });

  it('rejects values below the bound with a message that says so', () => {
    const result = schema.safeParse({ ...valid, preco: '-0,01', v_frete: -5, quantidade: 0 });
    expect(issuesOf(result)).toEqual([
      'preco: must not be negative',
      'v_frete: must not be negative',
      'quantidade: must be at least 1',
    ]);
  });

  it('ignores unknown extra fields', () => {
    const parsed = schema.parse({ ...valid, campo_novo: 'x', outro: { a: 1 } });
    expect(parsed).not.toHaveProperty('campo_novo');
    expect(parsed).not.toHaveProperty('outro');
  });

  it('says when an object is not an object', () => {
    expect(issuesOf(schema.safeParse('texto'))).toEqual([': is not an object']);
  });
});

describe('ERP lists', () => {
  const list = erpObject({ produtos: erpList(erpObject({ item: erpInteger() })) });

  it.each([[[]], [undefined], [null], ['']])('reads %j as an empty list', (produtos) => {
    expect(list.parse({ produtos }).produtos).toEqual([]);
  });

  it('reads a list that is not there at all as an empty list', () => {
    expect(list.parse({}).produtos).toEqual([]);
  });

  it('names the index of a bad element', () => {
    expect(issuesOf(list.safeParse({ produtos: [{ item: 1 }, { item: 'x' }] }))).toEqual(['produtos.1.item: is not a number']);
  });

  it('says when a list is not a list', () => {
    expect(issuesOf(list.safeParse({ produtos: { item: 1 } }))).toEqual(['produtos: is not a list']);
  });

  it('reads only the first element of a first-of list and null when there is none', () => {
    const first = erpObject({ endereco: erpFirstOf(erpObject({ cep: erpText() })) });
    expect(first.parse({ endereco: [{ cep: '01310200' }, { cep: null }] }).endereco).toEqual({ cep: '01310200' });
    expect(first.parse({ endereco: [] }).endereco).toBeNull();
    expect(first.parse({}).endereco).toBeNull();
  });

  it('reports a required first-of list that is missing or empty as missing', () => {
    const required = erpObject({ cliente: erpRequiredFirstOf(erpObject({ nome: erpText() })) });
    expect(issuesOf(required.safeParse({}))).toEqual(['cliente: missing']);
    expect(issuesOf(required.safeParse({ cliente: [] }))).toEqual(['cliente: missing']);
    expect(issuesOf(required.safeParse({ cliente: 'Ana' }))).toEqual(['cliente: is not a list']);
    expect(issuesOf(required.safeParse({ cliente: [{}] }))).toEqual(['cliente.0.nome: missing']);
  });
});
