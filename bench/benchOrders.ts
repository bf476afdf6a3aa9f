/** Ten-line orders in the ERP's own shape, varied enough that nothing is cached by accident. */
export function tenLineErpRow(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pedidov: 100_000 + i,
    cod_pedidov: `BR-${String(i).padStart(7, '0')}`,
    n_pedido_cliente: `WEB-${i}`,
    trans_id: 1_000 + i,
    data_emissao: `/Date(${1764594000000 + i * 1000}-0300)/`,
    data_atualizacao: '2026-12-01T10:00:00-03:00',
    aprovado: 'T',
    cancelado: 'F',
    status_workflow_desc: 'RESERVADO',
    cliente: [
      {
        cod_cliente: `C-${i % 5000}`,
        nome: ' Maria José da Conceição ',
        cpf: '123.456.789-09',
        e_mail: `cliente${i}@example.com`,
        endereco_entrega: [{ logradouro: 'Rua Augusta', numero: `${i % 2000}`, bairro: 'Consolação', cidade: 'São Paulo', estado: 'SP', cep: '01305-000', ddd: '11', fone: '98888-7777' }],
      },
    ],
    produtos: Array.from({ length: 10 }, (_, l) => ({
      item: l + 1,
      cod_produto: `P-${l}`,
      sku: `SKU-${i % 97}-${l}`,
      desc_produto: 'Camiseta de algodão orgânico',
      cod_cor: '09',
      desc_cor: 'Preto',
      tamanho: ['PP', 'P', 'M', 'G', 'GG'][l % 5],
      quantidade: (l % 3) + 1,
      preco: `${49 + l},90`,
      it_valor_desconto: l % 4 === 0 ? '5,00' : '0',
      barra: `78900000${String(l).padStart(5, '0')}`,
      barras: [{ tipo: 'EAN13', barra: `78910000${String(l).padStart(5, '0')}` }],
      marca: 'HM',
    })),
    lancamentos: [{ cod_tipo_pgto: 'CC', desc_tipo: 'Cartão de crédito', valor_inicial: '999,00', numparc: 3 }],
    v_frete: '19,90',
    cod_tipo_frete: 'PAC',
    nome_transportadora: 'Correios',
    ...overrides,
  };
}

export const benchMappings = {
  defaultCorporateBrandId: '0',
  brands: { HM: '1' },
  freightTypes: { PAC: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'STANDARD' } },
  voucherPaymentTypes: ['VALE'],
};
