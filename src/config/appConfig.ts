import type { HmMappings } from '../domain/hm/hmMappings.js';

/** Every setting of the app, validated and typed: see SETTING_NAMES and the README's settings table. */
export interface AppConfig {
  hm: {
    /** HM_ENABLED: when false nothing is sent to H&M, but changes are still tracked. */
    enabled: boolean;
    /** Base URL without a trailing slash; '' when H&M is disabled and the setting is unset. */
    apiUrl: string;
    clientId: string;
    /** Secret: never log it (describeConfig masks it). */
    clientSecret: string;
    /** Secret: never log it (describeConfig masks it). */
    subscriptionKey: string;
    resource: string;
    tenantId: string;
    /** Without a trailing slash. */
    authorityHost: string;
    itemDiscountType: string;
    barcodeType: string | null;
    mappings: HmMappings;
    timeoutMs: number;
    maxRetries: number;
    /** Absolute path of an extra CA certificate (PEM) to trust; null to trust only the system's CAs. */
    caFile: string | null;
  };
  erp: {
    /** Without a trailing slash. */
    baseUrl: string;
    authMode: 'basic' | 'session';
    username: string;
    /** Secret: never log it (describeConfig masks it). */
    password: string;
    vitrine: string | null;
    ordersPath: string;
    returnsPath: string;
    pageSize: number;
    timeoutMs: number;
  };
  /** startTransId: where a feed with no stored cursor starts (EXTRACT_START_TRANS_ID, default 0). */
  extract: { schedule: string; maxPages: number; startTransId: number };
  /** Exactly one of connectionString / fullyQualifiedNamespace is set. */
  serviceBus: {
    connectionString: string | null;
    fullyQualifiedNamespace: string | null;
    queueName: string;
    maxDeliveryCount: number;
    /** First wait before abandoning a message after a transient failure; doubles per delivery, at most 60 s. */
    redeliveryDelayMs: number;
  };
  /** Exactly one of connectionString / tableServiceUri is set. */
  tables: { connectionString: string | null; tableServiceUri: string | null };
}
