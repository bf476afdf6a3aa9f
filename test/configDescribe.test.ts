import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig } from '../src/config.js';

const secrets = {
  HM_CLIENT_SECRET: 'Xq8~client-secret-7731',
  HM_SUBSCRIPTION_KEY: 'a1b2c3d4e5f6subscription',
  ERP_PASSWORD: 'erp-Pa55w0rd!',
  ServiceBusConnection: 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=sbKey123=',
  TableStorageConnection: 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=tableKey456==',
};

const env = {
  ...secrets,
  HM_ENABLED: 'true',
  HM_API_URL: 'https://api.hm.example.test/orders',
  HM_CLIENT_ID: 'client-id',
  HM_RESOURCE: 'api://hm-order-api',
  HM_TENANT_ID: 'contoso.onmicrosoft.com',
  HM_ITEM_DISCOUNT_TYPE: 'PROMOTION',
  HM_MAPPINGS: JSON.stringify({ brands: { HM: '0', COS: '4' }, voucherPaymentTypes: ['VALE'] }),
  ERP_BASE_URL: 'http://erp-user:url-Pa55@erp.example.test:6017',
  ERP_USERNAME: 'integration',
};

describe('describeConfig', () => {
  it('masks every secret with "***" and keeps the rest readable for the startup log', () => {
    const summary = describeConfig(loadConfig(env));
    const text = JSON.stringify(summary);
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    expect(summary['hm']).toMatchObject({ clientSecret: '***', subscriptionKey: '***', clientId: 'client-id', enabled: true });
    expect(summary['erp']).toMatchObject({ password: '***', username: 'integration', pageSize: 100 });
    expect(summary['serviceBus']).toMatchObject({ connectionString: '***', queueName: 'order-changes' });
    expect(summary['tables']).toEqual({ connectionString: '***', tableServiceUri: null });
  });

  it('drops credentials written into a URL', () => {
    const summary = describeConfig(loadConfig(env));
    expect(JSON.stringify(summary)).not.toContain('url-Pa55');
    expect(summary['erp']?.['baseUrl']).toBe('http://erp.example.test:6017');
  });

  it('counts the mappings instead of dumping the document', () => {
    expect(describeConfig(loadConfig(env))['hm']?.['mappings']).toEqual({
      defaultCorporateBrandId: null,
      brands: 2,
      freightTypes: 0,
      voucherPaymentTypes: 1,
    });
  });

  it('says "(not set)" for an H&M secret left empty while H&M is disabled', () => {
    const summary = describeConfig(
      loadConfig({ ERP_BASE_URL: 'http://erp:6017', ERP_USERNAME: 'u', ERP_PASSWORD: 'pw-value', ServiceBusConnection: 'inprocess', TableStorageConnection: 'UseDevelopmentStorage=true' }),
    );
    expect(summary['hm']).toMatchObject({ clientSecret: '(not set)', subscriptionKey: '(not set)' });
  });
});
