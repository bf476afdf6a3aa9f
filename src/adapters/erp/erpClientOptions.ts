/** Default path of the orders change feed (contracts/erp-millennium.md). */
export const DEFAULT_ERP_ORDERS_PATH = '/api/millenium_eco/pedido_venda/listapedidos';
/** Default path of the return movements feed (assumed by the contract, hence configurable). */
export const DEFAULT_ERP_RETURNS_PATH = '/api/millenium_eco/troca_devolucao/lista';
/** Default per-call timeout. */
export const DEFAULT_ERP_TIMEOUT_MS = 30_000;

export type ErpAuthMode = 'basic' | 'session';

/** How to reach e-Millennium: ERP_BASE_URL, ERP_AUTH_MODE, ERP_USERNAME, ERP_PASSWORD, ERP_VITRINE, paths, timeout. */
export interface ErpClientOptions {
  /** e.g. http://erp-host:6017 (paths start with /api/). */
  baseUrl: string;
  authMode: ErpAuthMode;
  username: string;
  /** Never logged, never put in an error. */
  password: string;
  /** The ERP's storefront id, sent as `vitrine=<n>` on list calls when set. */
  vitrine: string | null;
  ordersPath?: string;
  returnsPath?: string;
  timeoutMs?: number;
}
