import { z } from 'zod';
import { caFileSetting } from './caFileSetting.js';
import { hmMappingsSetting } from './hmMappingsSetting.js';
import {
  booleanSetting,
  enumSetting,
  hostNameSetting,
  httpUrlSetting,
  integerSetting,
  ncrontabSetting,
  queueNameSetting,
  tableConnectionStringSetting,
  tenantIdSetting,
  textSetting,
  urlPathSetting,
} from './settingKinds.js';

/** Defaults of the optional settings (also shown in the README's settings table). */
export const SETTING_DEFAULTS = {
  HM_ENABLED: false,
  HM_AUTHORITY_HOST: 'https://login.microsoftonline.com',
  HM_TIMEOUT_MS: 10_000,
  HM_MAX_RETRIES: 3,
  ERP_AUTH_MODE: 'basic',
  ERP_ORDERS_PATH: '/api/millenium_eco/pedido_venda/listapedidos',
  ERP_RETURNS_PATH: '/api/millenium_eco/troca_devolucao/lista',
  ERP_PAGE_SIZE: 100,
  ERP_TIMEOUT_MS: 15_000,
  EXTRACT_SCHEDULE: '0 */1 * * * *',
  EXTRACT_MAX_PAGES: 20,
  SERVICEBUS_QUEUE_NAME: 'order-changes',
  // Must equal the queue's maxDeliveryCount (infra/main.bicep): the dispatcher uses it to know that a
  // delivery is the last one before Service Bus dead-letters the message.
  SERVICEBUS_MAX_DELIVERY_COUNT: 10,
  // Service Bus redelivers an abandoned message at once: the dispatcher waits this long, doubling per
  // delivery up to a minute, before abandoning, so that the deliveries span a short outage.
  SERVICEBUS_REDELIVERY_DELAY_MS: 5_000,
} as const;

// Timeouts above 10 minutes would outlive a Functions invocation (and setTimeout breaks past 2^31 ms).
const timeoutMs = integerSetting(1, 600_000);

/**
 * Every setting the app reads, one schema each. All are optional here: which ones are required
 * (always, only with HM_ENABLED=true, or one of a pair) is decided on presence by findMissingSettings,
 * so that missing and malformed settings are reported together.
 */
const envShape = {
  HM_ENABLED: booleanSetting.default(SETTING_DEFAULTS.HM_ENABLED),
  HM_API_URL: httpUrlSetting.optional(),
  HM_CLIENT_ID: textSetting.optional(),
  HM_CLIENT_SECRET: textSetting.optional(),
  HM_SUBSCRIPTION_KEY: textSetting.optional(),
  HM_RESOURCE: textSetting.optional(),
  HM_TENANT_ID: tenantIdSetting.optional(),
  HM_AUTHORITY_HOST: httpUrlSetting.default(SETTING_DEFAULTS.HM_AUTHORITY_HOST),
  HM_ITEM_DISCOUNT_TYPE: textSetting.optional(),
  HM_BARCODE_TYPE: textSetting.optional(),
  HM_MAPPINGS: hmMappingsSetting.optional(),
  HM_TIMEOUT_MS: timeoutMs.default(SETTING_DEFAULTS.HM_TIMEOUT_MS),
  // 0 is allowed: no retries inside one invocation, Service Bus redelivery only.
  HM_MAX_RETRIES: integerSetting(0, 10).default(SETTING_DEFAULTS.HM_MAX_RETRIES),
  HM_CA_FILE: caFileSetting.optional(),
  ERP_BASE_URL: httpUrlSetting.optional(),
  ERP_AUTH_MODE: enumSetting(['basic', 'session']).default(SETTING_DEFAULTS.ERP_AUTH_MODE),
  ERP_USERNAME: textSetting.optional(),
  ERP_PASSWORD: textSetting.optional(),
  ERP_VITRINE: textSetting.optional(),
  ERP_ORDERS_PATH: urlPathSetting.default(SETTING_DEFAULTS.ERP_ORDERS_PATH),
  ERP_RETURNS_PATH: urlPathSetting.default(SETTING_DEFAULTS.ERP_RETURNS_PATH),
  ERP_PAGE_SIZE: integerSetting(1, 1000).default(SETTING_DEFAULTS.ERP_PAGE_SIZE),
  ERP_TIMEOUT_MS: timeoutMs.default(SETTING_DEFAULTS.ERP_TIMEOUT_MS),
  EXTRACT_SCHEDULE: ncrontabSetting.default(SETTING_DEFAULTS.EXTRACT_SCHEDULE),
  EXTRACT_MAX_PAGES: integerSetting(1, 1000).default(SETTING_DEFAULTS.EXTRACT_MAX_PAGES),
  // Go-live: where a feed with no stored cursor starts, so the ERP's history is not sent to H&M.
  EXTRACT_START_TRANS_ID: integerSetting(0, Number.MAX_SAFE_INTEGER).optional(),
  ServiceBusConnection: textSetting.optional(),
  ServiceBusConnection__fullyQualifiedNamespace: hostNameSetting.optional(),
  SERVICEBUS_QUEUE_NAME: queueNameSetting.default(SETTING_DEFAULTS.SERVICEBUS_QUEUE_NAME),
  SERVICEBUS_MAX_DELIVERY_COUNT: integerSetting(1, 2000).default(SETTING_DEFAULTS.SERVICEBUS_MAX_DELIVERY_COUNT),
  SERVICEBUS_REDELIVERY_DELAY_MS: integerSetting(0, 60_000).default(SETTING_DEFAULTS.SERVICEBUS_REDELIVERY_DELAY_MS),
  TableStorageConnection: tableConnectionStringSetting.optional(),
  TableStorageConnection__tableServiceUri: httpUrlSetting.optional(),
};

export type SettingName = keyof typeof envShape;

/** Every setting name the app reads (the infra consistency test checks Bicep and the sample against it). */
export const SETTING_NAMES = Object.keys(envShape) as SettingName[];

/** Settings whose values are secrets: never logged, never echoed in an error. */
export const SECRET_SETTING_NAMES = [
  'HM_CLIENT_SECRET',
  'HM_SUBSCRIPTION_KEY',
  'ERP_PASSWORD',
  'ServiceBusConnection',
  'TableStorageConnection',
] as const satisfies readonly SettingName[];

/** The app's settings (trimmed, blanks removed) → typed values. */
export const envSchema = z.object(envShape);

export type ParsedEnv = z.infer<typeof envSchema>;
