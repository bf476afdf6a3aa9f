import { describe, expect, it } from 'vitest';
import { ConfigError, SECRET_SETTING_NAMES, SETTING_NAMES, loadConfig } from '../src/config.js';

/** The least a deployment with H&M switched off needs. */
const minimalEnv = {
  ERP_BASE_URL: 'http://erp.example.test:6017',
  ERP_USERNAME: 'integration',
  ERP_PASSWORD: 'erp-password-value',
  ServiceBusConnection__fullyQualifiedNamespace: 'sb-test.servicebus.windows.net',
  TableStorageConnection__tableServiceUri: 'https://sttest.table.core.windows.net',
};

const hmEnv = {
  HM_ENABLED: 'true',
  HM_API_URL: 'https://api.hm.example.test/orders/',
  HM_CLIENT_ID: 'client-id',
  HM_CLIENT_SECRET: 'client-secret-value',
  HM_SUBSCRIPTION_KEY: 'subscription-key-value',
  HM_RESOURCE: 'api://hm-order-api',
  HM_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  HM_ITEM_DISCOUNT_TYPE: 'PROMOTION',
  HM_MAPPINGS: JSON.stringify({
    brands: { HM: '0' },
    freightTypes: { SEDEX: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' } },
    voucherPaymentTypes: ['VALE'],
  }),
};

/** The problems loadConfig reports for `env` (fails the test if it does not throw ConfigError). */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw ConfigError');
}

/** The thrown ConfigError itself. */
function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw ConfigError');
}

describe('loadConfig defaults', () => {
  it('applies every documented default when only the required settings are given', () => {
    const config = loadConfig(minimalEnv);
    expect(config.hm).toMatchObject({
      enabled: false,
      authorityHost: 'https://login.microsoftonline.com',
      barcodeType: null,
      timeoutMs: 10_000,
      maxRetries: 3,
      caFile: null,
      mappings: { brands: {}, freightTypes: {}, voucherPaymentTypes: [] },
    });
    expect(config.erp).toEqual({
      baseUrl: 'http://erp.example.test:6017',
      authMode: 'basic',
      username: 'integration',
      password: 'erp-password-value',
      vitrine: null,
      ordersPath: '/api/millenium_eco/pedido_venda/listapedidos',
      returnsPath: '/api/millenium_eco/troca_devolucao/lista',
      pageSize: 100,
      timeoutMs: 15_000,
    });
    expect(config.extract).toEqual({ schedule: '0 */1 * * * *', maxPages: 20, startTransId: 0 });
    expect(config.serviceBus).toEqual({
      connectionString: null,
      fullyQualifiedNamespace: 'sb-test.servicebus.windows.net',
      queueName: 'order-changes',
      maxDeliveryCount: 10,
      redeliveryDelayMs: 5000,
    });
    expect(config.tables).toEqual({ connectionString: null, tableServiceUri: 'https://sttest.table.core.windows.net' });
  });

  it('does not require any HM_* setting while HM_ENABLED=false, because nothing is sent', () => {
    const config = loadConfig({ ...minimalEnv, HM_ENABLED: 'false' });
    expect(config.hm.enabled).toBe(false);
    expect(config.hm.apiUrl).toBe('');
    expect(config.hm.clientSecret).toBe('');
  });

  it('treats blank settings as unset, since a setting declared in Bicep can only be emptied', () => {
    const config = loadConfig({ ...minimalEnv, HM_BARCODE_TYPE: '', ERP_VITRINE: '   ', ERP_PAGE_SIZE: '', HM_ENABLED: ' ' });
    expect(config.hm.barcodeType).toBeNull();
    expect(config.erp.vitrine).toBeNull();
    expect(config.erp.pageSize).toBe(100);
    expect(config.hm.enabled).toBe(false);
  });
});

describe('loadConfig with H&M enabled', () => {
  it('reads every H&M setting, trimming values and trailing slashes of URLs', () => {
    const config = loadConfig({
      ...minimalEnv,
      ...hmEnv,
      HM_ENABLED: 'TRUE',
      HM_CLIENT_ID: '  client-id  ',
      HM_AUTHORITY_HOST: 'https://127.0.0.1:7443/',
      HM_BARCODE_TYPE: 'EAN13',
      HM_TIMEOUT_MS: '2500',
      HM_MAX_RETRIES: '0',
    });
    expect(config.hm).toMatchObject({
      enabled: true,
      apiUrl: 'https://api.hm.example.test/orders',
      clientId: 'client-id',
      clientSecret: 'client-secret-value',
      subscriptionKey: 'subscription-key-value',
      resource: 'api://hm-order-api',
      tenantId: '11111111-2222-3333-4444-555555555555',
      authorityHost: 'https://127.0.0.1:7443',
      itemDiscountType: 'PROMOTION',
      barcodeType: 'EAN13',
      timeoutMs: 2500,
      maxRetries: 0,
    });
    expect(config.hm.mappings.freightTypes['SEDEX']).toEqual({ deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' });
    expect(config.hm.mappings.voucherPaymentTypes).toEqual(['VALE']);
  });

  it('names every missing H&M setting when HM_ENABLED=true', () => {
    const problems = problemsOf({ ...minimalEnv, HM_ENABLED: 'true' });
    const required = ['HM_API_URL', 'HM_CLIENT_ID', 'HM_CLIENT_SECRET', 'HM_SUBSCRIPTION_KEY', 'HM_RESOURCE', 'HM_TENANT_ID', 'HM_ITEM_DISCOUNT_TYPE', 'HM_MAPPINGS'];
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(required);
    for (const problem of problems) expect(problem).toContain('required when HM_ENABLED=true');
  });

  it('still requires the H&M settings when HM_ENABLED is malformed, so one fix round is enough', () => {
    const problems = problemsOf({ ...minimalEnv, HM_ENABLED: 'yes' });
    expect(problems[0]).toBe('HM_ENABLED: expected true or false, got "yes"');
    expect(problems.some((problem) => problem.startsWith('HM_API_URL: required'))).toBe(true);
  });
});

describe('loadConfig reports malformed settings', () => {
  const cases: [setting: string, value: string, expected: string][] = [
    ['HM_ENABLED', 'on', 'true or false'],
    ['HM_API_URL', 'ftp://files.hm.example.test', 'http(s) URL'],
    ['HM_API_URL', 'api.hm.example.test/orders', 'http(s) URL'],
    ['HM_AUTHORITY_HOST', 'login.microsoftonline.com', 'http(s) URL'],
    ['HM_TENANT_ID', 'contoso tenant', 'tenant GUID or domain name'],
    ['HM_TIMEOUT_MS', '0', 'whole number from 1 to 600000'],
    ['HM_TIMEOUT_MS', '-5', 'whole number from 1 to 600000'],
    ['HM_TIMEOUT_MS', '1.5', 'whole number from 1 to 600000'],
    ['HM_TIMEOUT_MS', '600001', 'whole number from 1 to 600000'],
    ['HM_MAX_RETRIES', '11', 'whole number from 0 to 10'],
    ['HM_MAX_RETRIES', 'three', 'whole number from 0 to 10'],
    ['ERP_BASE_URL', 'erp-host:6017', 'http(s) URL'],
    ['ERP_AUTH_MODE', 'oauth', 'one of basic, session'],
    ['ERP_ORDERS_PATH', 'api/millenium_eco/pedido_venda/listapedidos', 'URL path starting with "/"'],
    ['ERP_RETURNS_PATH', '/api/lista?x=1', 'URL path starting with "/"'],
    ['ERP_PAGE_SIZE', '0', 'whole number from 1 to 1000'],
    ['ERP_PAGE_SIZE', '1001', 'whole number from 1 to 1000'],
    ['ERP_PAGE_SIZE', 'ten', 'whole number from 1 to 1000'],
    ['ERP_TIMEOUT_MS', '15s', 'whole number from 1 to 600000'],
    ['EXTRACT_SCHEDULE', '*/5 * * * *', 'six-field NCRONTAB'],
    ['EXTRACT_SCHEDULE', '0 61 * * * *', 'six-field NCRONTAB'],
    ['EXTRACT_SCHEDULE', 'every minute', 'six-field NCRONTAB'],
    ['EXTRACT_MAX_PAGES', '0', 'whole number from 1 to 1000'],
    ['ServiceBusConnection__fullyQualifiedNamespace', 'sb://sb-test.servicebus.windows.net', 'host name without scheme'],
    ['SERVICEBUS_QUEUE_NAME', 'order changes', 'Service Bus queue name'],
    ['SERVICEBUS_MAX_DELIVERY_COUNT', '0', 'whole number from 1 to 2000'],
    ['EXTRACT_START_TRANS_ID', '-5', 'whole number from 0'],
    ['SERVICEBUS_REDELIVERY_DELAY_MS', '90000', 'whole number from 0 to 60000'],
    ['TableStorageConnection__tableServiceUri', 'sttest.table.core.windows.net', 'http(s) URL'],
  ];

  it.each(cases)('%s = %j is refused with what is expected', (setting, value, expected) => {
    const problems = problemsOf({ ...minimalEnv, [setting]: value });
    expect(problems).toHaveLength(setting === 'HM_ENABLED' ? 1 + 8 : 1);
    expect(problems[0]).toMatch(new RegExp(`^${setting}: expected `));
    expect(problems[0]).toContain(expected);
  });

  it('refuses a Table Storage connection string that is not one, without echoing it', () => {
    const problems = problemsOf({ ...minimalEnv, TableStorageConnection: 'garbage-secret', TableStorageConnection__tableServiceUri: undefined });
    expect(problems).toEqual([expect.stringMatching(/^TableStorageConnection: expected UseDevelopmentStorage=true or an account connection string/)]);
    expect(problems.join()).not.toContain('garbage-secret');
  });

  it('shows the received value for plain settings but never for URLs, which may carry credentials', () => {
    expect(problemsOf({ ...minimalEnv, ERP_PAGE_SIZE: 'ten' })[0]).toContain('got "ten"');
    const urlProblem = problemsOf({ ...minimalEnv, ERP_BASE_URL: 'erp-user:pa55word@erp-host' })[0];
    expect(urlProblem).not.toContain('pa55word');
  });

  it('explains why a cron expression fails to parse', () => {
    expect(problemsOf({ ...minimalEnv, EXTRACT_SCHEDULE: '0 61 * * * *' })[0]).toContain('expected range 0-59');
  });

  it('accepts any case for booleans and the auth mode', () => {
    const config = loadConfig({ ...minimalEnv, HM_ENABLED: 'False', ERP_AUTH_MODE: 'Session' });
    expect(config.hm.enabled).toBe(false);
    expect(config.erp.authMode).toBe('session');
  });
});

describe('loadConfig reports every problem at once', () => {
  it('lists missing and malformed settings together, in setting order, in one error', () => {
    const error = errorOf({
      HM_ENABLED: 'true',
      HM_API_URL: 'not a url',
      HM_MAPPINGS: '{"freightTypes":{"SEDEX10":{"deliveryMethod":"HOME_DELIVERY"}}}',
      ERP_PAGE_SIZE: '5000',
      EXTRACT_SCHEDULE: '* * * * *',
      ServiceBusConnection: 'Endpoint=sb://local/;SharedAccessKeyName=k;SharedAccessKey=abc',
    });
    const settings = error.problems.map((problem) => problem.split(':')[0]);
    expect(settings).toEqual([
      'HM_API_URL',
      'HM_CLIENT_ID',
      'HM_CLIENT_SECRET',
      'HM_SUBSCRIPTION_KEY',
      'HM_RESOURCE',
      'HM_TENANT_ID',
      'HM_ITEM_DISCOUNT_TYPE',
      'HM_MAPPINGS.freightTypes.SEDEX10.deliveryMode',
      'ERP_BASE_URL',
      'ERP_USERNAME',
      'ERP_PASSWORD',
      'ERP_PAGE_SIZE',
      'EXTRACT_SCHEDULE',
      'TableStorageConnection__tableServiceUri',
    ]);
    for (const problem of error.problems) expect(error.message).toContain(problem);
    expect(error.message).toContain('14 problems');
    expect(error.code).toBe('CONFIG_INVALID');
  });

  it('requires one form of each connection, and says both forms', () => {
    const problems = problemsOf({ ERP_BASE_URL: 'http://erp:6017', ERP_USERNAME: 'u', ERP_PASSWORD: 'p' });
    expect(problems).toEqual([
      expect.stringMatching(/^ServiceBusConnection__fullyQualifiedNamespace: required: .*ServiceBusConnection \(a connection string/),
      expect.stringMatching(/^TableStorageConnection__tableServiceUri: required: .*TableStorageConnection \(a connection string/),
    ]);
  });

  it('uses a connection string when that is the form given', () => {
    const config = loadConfig({
      ...minimalEnv,
      ServiceBusConnection__fullyQualifiedNamespace: undefined,
      TableStorageConnection__tableServiceUri: undefined,
      ServiceBusConnection: 'inprocess',
      TableStorageConnection: 'UseDevelopmentStorage=true',
    });
    expect(config.serviceBus).toMatchObject({ connectionString: 'inprocess', fullyQualifiedNamespace: null });
    expect(config.tables).toEqual({ connectionString: 'UseDevelopmentStorage=true', tableServiceUri: null });
  });

  it('refuses both forms of one connection rather than guessing which one is meant', () => {
    const problems = problemsOf({ ...minimalEnv, TableStorageConnection: 'UseDevelopmentStorage=true' });
    expect(problems).toEqual([expect.stringMatching(/^TableStorageConnection: set only one of/)]);
  });
});

describe('loadConfig never reveals a secret', () => {
  const secretValues: Record<(typeof SECRET_SETTING_NAMES)[number], string> = {
    HM_CLIENT_SECRET: 'Xq8~client-secret-7731',
    HM_SUBSCRIPTION_KEY: 'a1b2c3d4e5f6subscription',
    ERP_PASSWORD: 'erp-Pa55w0rd!',
    ServiceBusConnection: 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=sbKey123=',
    TableStorageConnection: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=tableKey456==',
  };

  it('names a secret setting that is wrong without echoing its value', () => {
    const error = errorOf({
      ...minimalEnv,
      ...hmEnv,
      ...secretValues,
      HM_API_URL: 'nope',
    });
    const text = [error.message, String(error), JSON.stringify(error), ...error.problems].join('\n');
    expect(error.problems.some((problem) => problem.startsWith('ServiceBusConnection:'))).toBe(true);
    expect(error.problems.some((problem) => problem.startsWith('TableStorageConnection:'))).toBe(true);
    for (const value of Object.values(secretValues)) expect(text).not.toContain(value);
  });

  it('hides a secret pasted into a setting whose value is normally shown', () => {
    const error = errorOf({ ...minimalEnv, ERP_AUTH_MODE: minimalEnv.ERP_PASSWORD, SERVICEBUS_QUEUE_NAME: `x ${minimalEnv.ERP_PASSWORD}` });
    expect(error.problems).toHaveLength(2);
    expect(error.message).not.toContain(minimalEnv.ERP_PASSWORD);
    expect(error.problems[0]).toBe('ERP_AUTH_MODE: expected one of basic, session, got "***"');
  });
});

describe('SETTING_NAMES', () => {
  it('lists exactly the settings of the contract, connection pairs included', () => {
    expect([...SETTING_NAMES].sort()).toEqual(
      [
        'HM_ENABLED', 'HM_API_URL', 'HM_CLIENT_ID', 'HM_CLIENT_SECRET', 'HM_SUBSCRIPTION_KEY', 'HM_RESOURCE',
        'HM_TENANT_ID', 'HM_AUTHORITY_HOST', 'HM_ITEM_DISCOUNT_TYPE', 'HM_BARCODE_TYPE', 'HM_MAPPINGS',
        'HM_TIMEOUT_MS', 'HM_MAX_RETRIES', 'HM_CA_FILE', 'ERP_BASE_URL', 'ERP_AUTH_MODE', 'ERP_USERNAME',
        'ERP_PASSWORD', 'ERP_VITRINE', 'ERP_ORDERS_PATH', 'ERP_RETURNS_PATH', 'ERP_PAGE_SIZE', 'ERP_TIMEOUT_MS',
        'EXTRACT_SCHEDULE', 'EXTRACT_MAX_PAGES', 'EXTRACT_START_TRANS_ID', 'ServiceBusConnection', 'ServiceBusConnection__fullyQualifiedNamespace',
        'SERVICEBUS_QUEUE_NAME', 'SERVICEBUS_MAX_DELIVERY_COUNT', 'SERVICEBUS_REDELIVERY_DELAY_MS', 'TableStorageConnection',
        'TableStorageConnection__tableServiceUri',
      ].sort(),
    );
  });

  it('counts every secret among the settings read', () => {
    for (const name of SECRET_SETTING_NAMES) expect(SETTING_NAMES).toContain(name);
  });
});
