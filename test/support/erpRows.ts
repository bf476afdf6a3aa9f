/** Raw rows in e-Millennium's own shape (Portuguese field names, its formats), for use-case tests. */
export function erpOrderRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pedidov: 9001,
    cod_pedidov: 'BR-1001',
    n_pedido_cliente: 'WEB-1001',
    trans_id: 100,
    data_emissao: '/Date(1764594000000-0300)/',
    data_atualizacao: '2026-12-01T10:00:00-03:00',
    aprovado: 'T',
    cancelado: 'F',
    status_workflow_desc: 'RESERVADO',
    cliente: [
      {
        cod_cliente: 'C-77',
        nome: '  João da Silva ',
        cpf: '123.456.789-09',
        e_mail: 'joao@example.com',
        endereco_entrega: [
          { logradouro: 'Avenida Paulista', numero: '1000', bairro: 'Bela Vista', cidade: 'São Paulo', estado: 'SP', cep: '01310-100', ddd: '11', fone: '99999-0000' },
        ],
      },
    ],
    produtos: [
      { item: 1, cod_produto: 'P-1', sku: 'SKU-1', desc_produto: 'Camiseta básica', desc_cor: 'Preto', tamanho: 'M', quantidade: 2, preco: '99,90', barra: '7890000000001', barras: [{ tipo: 'EAN13', barra: '7891000000001' }], marca: 'HM' },
      { item: 2, cod_produto: 'P-2', sku: 'SKU-2', desc_produto: 'Calça jeans', desc_cor: 'Azul', tamanho: '40', quantidade: '1', preco: 159.9, it_valor_desconto: '10,00', barra: '7890000000002', barras: [{ tipo: 'EAN13', barra: '7891000000002' }], marca: 'HM' },
    ],
    lancamentos: [{ cod_tipo_pgto: 'CC', desc_tipo: 'Cartão de crédito', valor_inicial: '369,60', numparc: 3 }],
    total: '359,70',
    valor_final: '369,60',
    v_frete: '19,90',
    cod_tipo_frete: 'PAC',
    desc_tipo_frete: 'PAC',
    nome_transportadora: 'Correios',
    ...overrides,
  };
}

/** A sales return movement row for order BR-1001. */
export function erpReturnRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    trans_id: 500,
    devolucao: 7001,
    tipo: 'DEVOLUCAO_VENDA',
    pedidov: 9001,
    cod_pedidov: 'BR-1001',
    nota: '4455',
    serie: '1',
    chave_nfe: '35261200000000000000550010000044551000044550',
    data_emissao: '/Date(1765368000000-0300)/',
    produtos: [{ item: 1, sku: 'SKU-1', barra: '7890000000001', quantidade: 1, preco: '99,90' }],
    ...overrides,
  };
}

/** The mapping document matching these rows. */
export const testMappings = {
  defaultCorporateBrandId: '0',
  brands: { HM: '1' },
  freightTypes: { PAC: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'STANDARD' } },
  voucherPaymentTypes: ['VALE'],
};
