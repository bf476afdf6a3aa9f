import type { AppConfig } from './appConfig.js';
import { ConfigError } from './configError.js';
import { SECRET_SETTING_NAMES, SETTING_NAMES, envSchema } from './envSchema.js';
import type { ParsedEnv } from './envSchema.js';
import { formatProblems, fromZodIssues, redactSecrets } from './problemMessages.js';
import { findMissingSettings } from './requiredSettings.js';

type Env = Record<string, string | undefined>;

/**
 * Reads and validates every setting once (default: process.env). Throws ConfigError listing every
 * missing or malformed setting at once, without any secret's value.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const values = readSettings(env);
  const parsed = envSchema.safeParse(values);
  const problems = [...findMissingSettings(values), ...(parsed.success ? [] : fromZodIssues(parsed.error.issues))];
  if (!parsed.success || problems.length > 0) {
    const secretValues = SECRET_SETTING_NAMES.flatMap((name) => values[name] ?? []);
    throw new ConfigError(redactSecrets(formatProblems(problems, SETTING_NAMES), secretValues));
  }
  return toAppConfig(parsed.data);
}

/**
 * The app's settings, trimmed; blank counts as unset because an Azure app setting declared in Bicep
 * cannot be absent, only empty (HM_BARCODE_TYPE = '' means "use barra").
 */
function readSettings(env: Env): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of SETTING_NAMES) {
    const value = env[name]?.trim();
    if (value) values[name] = value;
  }
  return values;
}

function toAppConfig(env: ParsedEnv): AppConfig {
  return {
    hm: {
      enabled: env.HM_ENABLED,
      apiUrl: env.HM_API_URL ?? '',
      clientId: env.HM_CLIENT_ID ?? '',
      clientSecret: env.HM_CLIENT_SECRET ?? '',
      subscriptionKey: env.HM_SUBSCRIPTION_KEY ?? '',
      resource: env.HM_RESOURCE ?? '',
      tenantId: env.HM_TENANT_ID ?? '',
      authorityHost: env.HM_AUTHORITY_HOST,
      itemDiscountType: env.HM_ITEM_DISCOUNT_TYPE ?? '',
      barcodeType: env.HM_BARCODE_TYPE ?? null,
      mappings: env.HM_MAPPINGS ?? { brands: {}, freightTypes: {}, voucherPaymentTypes: [] },
      timeoutMs: env.HM_TIMEOUT_MS,
      maxRetries: env.HM_MAX_RETRIES,
      caFile: env.HM_CA_FILE ?? null,
    },
    erp: {
      // findMissingSettings guarantees these three are set once we get here.
      baseUrl: env.ERP_BASE_URL ?? '',
      authMode: env.ERP_AUTH_MODE,
      username: env.ERP_USERNAME ?? '',
      password: env.ERP_PASSWORD ?? '',
      vitrine: env.ERP_VITRINE ?? null,
      ordersPath: env.ERP_ORDERS_PATH,
      returnsPath: env.ERP_RETURNS_PATH,
      pageSize: env.ERP_PAGE_SIZE,
      timeoutMs: env.ERP_TIMEOUT_MS,
    },
    extract: { schedule: env.EXTRACT_SCHEDULE, maxPages: env.EXTRACT_MAX_PAGES, startTransId: env.EXTRACT_START_TRANS_ID ?? 0 },
    serviceBus: {
      connectionString: env.ServiceBusConnection ?? null,
      fullyQualifiedNamespace: env.ServiceBusConnection__fullyQualifiedNamespace ?? null,
      queueName: env.SERVICEBUS_QUEUE_NAME,
      maxDeliveryCount: env.SERVICEBUS_MAX_DELIVERY_COUNT,
      redeliveryDelayMs: env.SERVICEBUS_REDELIVERY_DELAY_MS,
    },
    tables: {
      connectionString: env.TableStorageConnection ?? null,
      tableServiceUri: env.TableStorageConnection__tableServiceUri ?? null,
    },
  };
}
