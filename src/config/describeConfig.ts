import type { AppConfig } from './appConfig.js';

const MASK = '***';

/** A loggable summary of the configuration (logged at startup): secrets are "***", mappings are counted. */
export function describeConfig(config: AppConfig): Record<string, Record<string, unknown>> {
  const { hm, erp, extract, serviceBus, tables } = config;
  return {
    hm: {
      ...hm,
      apiUrl: withoutCredentials(hm.apiUrl),
      authorityHost: withoutCredentials(hm.authorityHost),
      clientSecret: mask(hm.clientSecret),
      subscriptionKey: mask(hm.subscriptionKey),
      mappings: {
        defaultCorporateBrandId: hm.mappings.defaultCorporateBrandId ?? null,
        brands: Object.keys(hm.mappings.brands).length,
        freightTypes: Object.keys(hm.mappings.freightTypes).length,
        voucherPaymentTypes: hm.mappings.voucherPaymentTypes.length,
      },
    },
    erp: { ...erp, baseUrl: withoutCredentials(erp.baseUrl), password: mask(erp.password) },
    extract: { ...extract },
    serviceBus: { ...serviceBus, connectionString: maskNullable(serviceBus.connectionString) },
    tables: {
      connectionString: maskNullable(tables.connectionString),
      tableServiceUri: tables.tableServiceUri === null ? null : withoutCredentials(tables.tableServiceUri),
    },
  };
}

function mask(secret: string): string {
  return secret === '' ? '(not set)' : MASK;
}

function maskNullable(secret: string | null): string | null {
  return secret === null ? null : MASK;
}

/** A URL may carry user:password@ — keep the host and path, drop the credentials. */
function withoutCredentials(url: string): string {
  if (url === '') return url;
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/+$/, '');
  } catch {
    return MASK;
  }
}
