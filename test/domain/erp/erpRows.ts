/**
 * ERP rows shaped as e-Millennium sends them (Portuguese field names, the ERP's own formats), for
 * the schema tests. Each builder takes overrides so a test states only what it is about.
 */

type Row = Record<string, unknown>;

/** One `produtos[]` line of a `listapedidos` row. */
export function erpLine(item: number, overrides: Row = {}): Row {
  return {
    item,
    produto: '0912345',
    cod_produto: '0912345',
    sku: `0912345${String(item).padStart(3, '0')}`,
    desc_produto: 'Camiseta Básica Algodão',
    cod_cor: '001',
    desc_cor: 'PRETO',
    tamanho: 'M',
    quantidade: 2,
    preco: '99,90',
    it_valor_desconto: '10,00',
    barra: '7891234567895',
    barras: [
      { tipo: 'EAN13', barra: '7891234567895' },
      { tipo: 'HM', barra: '0912345001002' },
    ],
    marca: '01',
    desc_marca: 'H&M',
    ...overrides,
  };
}

/** A full `listapedidos` row: an approved, invoiced and shipped order with two lines. */
export function erpOrderRow(overrides: Row = {}): Row {
  return {
    pedidov: 88123,
    cod_pedidov: '100234',
    n_pedido_cliente: 'HMBR-2026-000123',
    trans_id: 5561,
    data_emissao: '/Date(1796137200000-0300)/',
    data_atualizacao: '2026-12-02T09:30:00',
    aprovado: true,
    cancelado: 'F',
    status_workflow_desc: 'ENVIADO PARA O ARMAZEM',
    desc_status: 'FATURADO',
    cliente: [
      {
        cod_cliente: 4455,
        nome: 'João da Conceição',
        cpf: '123.456.789-09',
        e_mail: 'joao@example.com.br',
        endereco_entrega: [
          {
            logradouro: 'Avenida Paulista',
            numero: '1578',
            complemento: 'Apto 12',
            bairro: 'Bela Vista',
            cidade: 'São Paulo',
            estado: 'SP',
            cep: '01310-200',
            ddd: '11',
            fone: '99876-5432',
          },
        ],
      },
    ],
    produtos: [erpLine(1), erpLine(2, { quantidade: 1, preco: 49.9, it_valor_desconto: 0 })],
    lancamentos: [{ cod_tipo_pgto: 'CC', desc_tipo: 'Cartão de Crédito', valor_inicial: '229,60', numparc: 3 }],
    total: '249,70',
    valor_final: '259,60',
    v_frete: '19,90',
    cod_tipo_frete: 'SEDEX',
    desc_tipo_frete: 'Sedex Expresso',
    nome_transportadora: 'Correios',
    nf: '000123',
    serie_nf: '1',
    chave_nfe: '35261212345678000195550010001234561000012345',
    data_nf: '2026-12-02T10:15:00-03:00',
    data_conclusao_embarque: '/Date(1796230800000-0300)/',
    numero_objeto: 'BR123456789BR',
    data_entrega_cliente: null,
    ...overrides,
  };
}

/** A return movement row (troca_devolucao feed) of order 100234 with an issued return invoice. */
export function erpReturnRow(overrides: Row = {}): Row {
  return {
    trans_id: 9001,
    devolucao: 7788,
    tipo: 'DEVOLUCAO_VENDA',
    pedidov: 88123,
    cod_pedidov: '100234',
    nota: 4567,
    serie: '2',
    chave_nfe: '35261212345678000195550020000045671000045678',
    data_emissao: '/Date(1796742000000-0300)/',
    produtos: [{ item: 1, sku: '0912345001', barra: '7891234567895', quantidade: 1, preco: '99,90' }],
    ...overrides,
  };
}
