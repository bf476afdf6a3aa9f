/** The simulated ERP's registrations: brands, freight types, payment types, and what products and customers look like. */

export interface BrandEntry {
  code: string;
  name: string;
  /** The H&M Corporate Brand ID registered for it (simulatorMappings.brands). */
  hmId: string;
}

export const BRANDS: readonly BrandEntry[] = [
  { code: '001', name: 'H&M', hmId: '0' },
  { code: '002', name: 'COS', hmId: '1' },
  { code: '003', name: 'Weekday', hmId: '2' },
  { code: '004', name: '& Other Stories', hmId: '3' },
  { code: '005', name: 'ARKET', hmId: '5' },
];

export interface FreightEntry {
  code: string;
  name: string;
  carrier: string | null;
  freightCents: number;
  /** Null: not registered for H&M (the order fails MAPPING_MISSING_FREIGHT_TYPE). */
  hm: { deliveryMethod: string; deliveryMode: string } | null;
}

export const FREIGHT_TYPES: readonly FreightEntry[] = [
  { code: 'PAC', name: 'PAC - Correios', carrier: 'Correios', freightCents: 1490, hm: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'STANDARD' } },
  { code: 'SEDEX', name: 'Sedex', carrier: 'Correios', freightCents: 2490, hm: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' } },
  { code: 'LOGGI', name: 'Entrega expressa Loggi', carrier: 'Loggi', freightCents: 1990, hm: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'SAME_DAY' } },
  { code: 'RETIRA', name: 'Retire na loja', carrier: null, freightCents: 0, hm: { deliveryMethod: 'CLICK_AND_COLLECT', deliveryMode: 'STANDARD' } },
];

/** The one freight type H&M has no Delivery Method/Mode for. */
export const UNMAPPED_FREIGHT: FreightEntry = { code: 'SEDEX10', name: 'Sedex 10 ', carrier: 'Correios', freightCents: 3990, hm: null };

export interface PaymentTypeEntry {
  code: string;
  description: string;
  maxInstallments: number;
  voucher: boolean;
}

export const PAYMENT_TYPES: readonly PaymentTypeEntry[] = [
  { code: 'CARTAO', description: 'Cartão de Crédito', maxInstallments: 6, voucher: false },
  { code: 'PIX', description: 'Pix', maxInstallments: 1, voucher: false },
  { code: 'BOLETO', description: 'Boleto Bancário', maxInstallments: 1, voucher: false },
];

export const VOUCHER_PAYMENT: PaymentTypeEntry = { code: 'VALE', description: 'Vale-presente', maxInstallments: 1, voucher: true };

/** The typed barcode H&M gets as the line's EAN (HM_BARCODE_TYPE). */
export const SIMULATOR_BARCODE_TYPE = 'EAN13';

export const GARMENTS: readonly string[] = [
  'Camiseta de algodão',
  'Calça jeans slim',
  'Vestido midi plissado',
  'Jaqueta corta-vento',
  'Blusa de tricô',
  'Saia evasê',
  'Bermuda de sarja',
  'Moletom com capuz',
  'Camisa de linho',
  'Tênis de couro',
  'Bolsa de palha',
  'Cachecol de lã',
  'Pijama de cetim',
  'Macacão utilitário',
  'Regata canelada',
  'Blazer de alfaiataria',
  'Shorts de praia',
  'Meias (pacote com 3)',
  'Óculos de sol',
  'Suéter de caxemira',
];

export const COLORS: readonly (readonly [code: string, name: string])[] = [
  ['09', 'Preto'],
  ['01', 'Branco'],
  ['73', 'Azul-marinho'],
  ['55', 'Bege'],
  ['34', 'Verde-oliva'],
  ['41', 'Vermelho'],
  ['62', 'Cinza mescla'],
];

export const SIZES: readonly string[] = ['PP', 'P', 'M', 'G', 'GG', '38', '40', '42'];

export const UNIT_PRICES_CENTS: readonly number[] = [2999, 3999, 4999, 5999, 7999, 9999, 12999, 14999, 19999, 24999, 29999];

export const FIRST_NAMES: readonly string[] = [
  'João', 'Maria', 'José', 'Ana', 'Antônio', 'Francisca', 'Conceição', 'Sebastião',
  'Luíza', 'Márcio', 'Fábio', 'Letícia', 'Júlia', 'Caio', 'Otávio', 'Beatriz',
];

export const SURNAMES: readonly string[] = [
  'da Silva', 'Gonçalves', 'Araújo', 'Conceição', 'Simões', 'Magalhães',
  'Falcão', 'Brandão', 'Assunção', 'Peixoto', 'Ribeiro', 'Damião',
];

export const COMPANIES: readonly string[] = ['Confecções Atlântica Ltda.', 'Loja São João ME', 'Ateliê Açaí Eireli'];

export const STREETS: readonly string[] = [
  'Rua Augusta', 'Avenida Paulista', 'Rua das Laranjeiras', 'Avenida Afonso Pena',
  'Rua Oscar Freire', 'Travessa São José', 'Rua Conselheiro Brotero',
];

export const DISTRICTS: readonly string[] = ['Consolação', 'Jardim Paulista', 'Savassi', 'Boa Viagem', 'Copacabana', 'Moinhos de Vento'];

export const CITIES: readonly (readonly [city: string, state: string, ddd: string, cepPrefix: string])[] = [
  ['São Paulo', 'SP', '11', '01'],
  ['Rio de Janeiro', 'RJ', '21', '22'],
  ['Belo Horizonte', 'MG', '31', '30'],
  ['Porto Alegre', 'RS', '51', '90'],
  ['Recife', 'PE', '81', '50'],
  ['Florianópolis', 'SC', '48', '88'],
  ['Goiânia', 'GO', '62', '74'],
  ['Brasília', 'DF', '61', '70'],
];

export const CANCELLATION_REASONS = {
  customer: ['Cancelado pelo cliente', '  Desistência da compra ', 'Cliente solicitou cancelamento'],
  seller: ['Cancelado pelo vendedor - sem estoque', 'Pagamento não aprovado', 'Suspeita de fraude'],
} as const;
