import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/adapters/tables/tableNames.js';
import { SECRET_SETTING_NAMES, SETTING_DEFAULTS, SETTING_NAMES } from '../../src/config.js';
import { LOCAL_SETTING_NAMES } from '../../src/local/runtime/localSettingNames.js';
import { entriesOf, findBlock, paramsOf, readBicep, stringsOf, varOf } from './bicepText.js';

/*
 * The settings the code reads (src/config), the ones Azure gets (infra/*.bicep) and the ones a
 * local run gets (local.settings.sample.json) must be the same list, or a deployment starts with a
 * setting missing or a forgotten one lying around.
 */

const main = readBicep('main.bicep');
const api = readBicep('app/api.bicep');
const serviceBus = readBicep('app/servicebus.bicep');
const storage = readBicep('app/storage.bicep');

/** The app's own settings, set in main.bicep and passed to app/api.bicep. */
const appSettings = entriesOf(main, findBlock(main, /appSettings:\s*\{/, findBlock(main, /^module api /m)));
/** The host's settings, added in app/api.bicep. */
const hostSettings = entriesOf(api, findBlock(api, /^var hostSettings\s*=/m));
const bicepSettings = new Map([...hostSettings, ...appSettings]);

const sample = JSON.parse(readFileSync('local.settings.sample.json', 'utf8')) as { IsEncrypted: boolean; Values: Record<string, string> };

/** Settings read by the Functions host or the Azure SDKs, not by src/config. */
function isHostOwned(name: string): boolean {
  if (['FUNCTIONS_WORKER_RUNTIME', 'FUNCTIONS_EXTENSION_VERSION', 'APPLICATIONINSIGHTS_CONNECTION_STRING'].includes(name)) return true;
  // Telemetry sent with the identity (Application Insights local auth is off).
  if (name === 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING') return true;
  // @azure/identity's DefaultAzureCredential: which user-assigned identity to use.
  if (name === 'AZURE_CLIENT_ID') return true;
  if (/^AzureWebJobsStorage(__\w+)?$/.test(name)) return true;
  // A trigger's identity-based connection also takes __credential / __clientId (read by the host).
  const connection = /^(\w+)__(credential|clientId)$/.exec(name);
  return connection !== null && SETTING_NAMES.some((setting) => setting.startsWith(`${connection[1]}__`));
}

/** 'ServiceBusConnection' → 'ServiceBusConnection__fullyQualifiedNamespace': the identity form of a connection string. */
const identityFormOf = (name: string) => SETTING_NAMES.find((other) => other.startsWith(`${name}__`));
const connectionStringForms = SETTING_NAMES.filter((name) => identityFormOf(name) !== undefined);
const identityForms = connectionStringForms.flatMap((name) => identityFormOf(name) ?? []);

describe('app settings in Bicep', () => {
  it('sets every setting the code reads, connections in their identity-based form', () => {
    const expected = SETTING_NAMES.filter((name) => !connectionStringForms.includes(name));
    const missing = expected.filter((name) => !bicepSettings.has(name));
    expect(missing).toEqual([]);
  });

  it('sets no connection string: connections use the managed identity', () => {
    const present = connectionStringForms.filter((name) => bicepSettings.has(name));
    expect(present).toEqual([]);
    expect(main.code + api.code).not.toMatch(/listKeys|AccountKey=|SharedAccessKey=/);
  });

  it('sets nothing the code does not read, apart from the host\'s own settings', () => {
    const unknown = [...bicepSettings.keys()].filter((name) => !(SETTING_NAMES as string[]).includes(name) && !isHostOwned(name));
    expect(unknown).toEqual([]);
  });

  it('names the user-assigned identity for the host storage and the Service Bus trigger, as identity connections require', () => {
    for (const prefix of ['AzureWebJobsStorage', 'ServiceBusConnection']) {
      expect(hostSettings.get(`${prefix}__credential`)).toBe("'managedidentity'");
      expect(hostSettings.get(`${prefix}__clientId`)).toBe('identityClientId');
    }
    expect(hostSettings.has('AzureWebJobsStorage__accountName')).toBe(true);
  });

  it('holds each secret as a Key Vault reference fed by a secure parameter without default', () => {
    const keyVault = readBicep('app/keyvault.bicep');
    const secretsInBicep = SECRET_SETTING_NAMES.filter((name) => bicepSettings.has(name));
    expect(secretsInBicep).toEqual(['HM_CLIENT_SECRET', 'HM_SUBSCRIPTION_KEY', 'ERP_PASSWORD']);
    for (const name of secretsInBicep) {
      const [, outputName] = /^'@Microsoft\.KeyVault\(SecretUri=\$\{keyVault\.outputs\.(\w+)\}\)'$/.exec(appSettings.get(name) ?? '') ?? [];
      expect(outputName, `${name} = ${appSettings.get(name)}`).toBeDefined();
      // The output is a secret resource's URI, whose value is a secure parameter.
      const [, resourceName] = new RegExp(`^output ${outputName} string = (\\w+)\\.properties\\.secretUri$`, 'm').exec(keyVault.code) ?? [];
      expect(resourceName, `output ${outputName}`).toBeDefined();
      const secretResource = findBlock(keyVault, new RegExp(`^resource ${resourceName} 'Microsoft\\.KeyVault/vaults/secrets@`, 'm'));
      const value = entriesOf(keyVault, findBlock(keyVault, /properties:\s*\{/, secretResource)).get('value') ?? '';
      expect(paramsOf(keyVault).get(value)).toMatchObject({ secure: true, defaultValue: null });
    }
    for (const file of [main, keyVault]) {
      for (const [name, param] of paramsOf(file)) {
        if (param.secure) expect(param.defaultValue, `${file.path}: ${name}`).toBeNull();
      }
    }
  });

  it('defaults each setting in Bicep to the code\'s own default', () => {
    const params = paramsOf(main);
    const checked: string[] = [];
    for (const [name, defaultValue] of Object.entries(SETTING_DEFAULTS)) {
      const value = appSettings.get(name) ?? '';
      // The value is a parameter or variable, possibly through string(...) or a bool's ? 'true' : 'false'.
      const source = /^(?:string\()?(\w+)\)?(?: \? 'true' : 'false')?$/.exec(value)?.[1] ?? '';
      const param = params.get(source);
      const bicepDefault = param?.defaultValue ?? varOf(main, source);
      expect(bicepDefault.replace(/^'|'$/g, ''), `${name} = ${value}`).toBe(String(defaultValue));
      checked.push(name);
    }
    expect(checked).toContain('EXTRACT_SCHEDULE');
  });
});

describe('local.settings.sample.json', () => {
  const names = Object.keys(sample.Values);

  it('is in the Functions host format', () => {
    expect(sample.IsEncrypted).toBe(false);
    expect(sample.Values['FUNCTIONS_WORKER_RUNTIME']).toBe('node');
    expect(sample.Values['AzureWebJobsStorage']).toBe('UseDevelopmentStorage=true');
  });

  it('lists every setting the code reads, connections in their connection-string form', () => {
    const expected = SETTING_NAMES.filter((name) => !identityForms.includes(name));
    expect(expected.filter((name) => !names.includes(name))).toEqual([]);
    expect(identityForms.filter((name) => names.includes(name))).toEqual([]);
  });

  it('lists nothing the code does not read, apart from the host\'s own settings and the local runtime\'s', () => {
    const read = [...SETTING_NAMES, ...LOCAL_SETTING_NAMES] as string[];
    expect(names.filter((name) => !read.includes(name) && !isHostOwned(name))).toEqual([]);
  });

  it('lists every setting of the local runtime, which the Bicep never deploys', () => {
    expect(LOCAL_SETTING_NAMES.filter((name) => !names.includes(name))).toEqual([]);
    expect(LOCAL_SETTING_NAMES.filter((name) => bicepSettings.has(name))).toEqual([]);
  });

  it('points only at this machine, never at a real ERP or H&M', () => {
    for (const name of ['ERP_BASE_URL', 'HM_API_URL', 'HM_AUTHORITY_HOST']) {
      expect(new URL(sample.Values[name] ?? '').hostname, name).toMatch(/^(127\.0\.0\.1|localhost)$/);
    }
    expect(sample.Values['ServiceBusConnection']).toBe('inprocess');
    expect(sample.Values['TableStorageConnection']).toBe('UseDevelopmentStorage=true');
  });

  it('uses the code\'s defaults for the queue and its delivery count', () => {
    expect(sample.Values['SERVICEBUS_QUEUE_NAME']).toBe(SETTING_DEFAULTS.SERVICEBUS_QUEUE_NAME);
    expect(Number(sample.Values['SERVICEBUS_MAX_DELIVERY_COUNT'])).toBe(SETTING_DEFAULTS.SERVICEBUS_MAX_DELIVERY_COUNT);
  });
});

describe('Service Bus queue', () => {
  const queue = findBlock(serviceBus, /^resource queue 'Microsoft\.ServiceBus\/namespaces\/queues@/m);
  const queueProperties = entriesOf(serviceBus, findBlock(serviceBus, /properties:\s*\{/, queue));

  it('is the queue the code sends to and listens on by default', () => {
    expect(varOf(main, 'serviceBusQueueName')).toBe(`'${SETTING_DEFAULTS.SERVICEBUS_QUEUE_NAME}'`);
    expect(entriesOf(serviceBus, queue).get('name')).toBe('queueName');
    const module = entriesOf(main, findBlock(main, /params:\s*\{/, findBlock(main, /^module serviceBus /m)));
    expect(module.get('queueName')).toBe('serviceBusQueueName');
    expect(appSettings.get('SERVICEBUS_QUEUE_NAME')).toBe('serviceBusQueueName');
  });

  it('dead-letters after as many deliveries as SERVICEBUS_MAX_DELIVERY_COUNT says', () => {
    expect(Number(varOf(main, 'serviceBusMaxDeliveryCount'))).toBe(SETTING_DEFAULTS.SERVICEBUS_MAX_DELIVERY_COUNT);
    expect(queueProperties.get('maxDeliveryCount')).toBe('maxDeliveryCount');
    const module = entriesOf(main, findBlock(main, /params:\s*\{/, findBlock(main, /^module serviceBus /m)));
    expect(module.get('maxDeliveryCount')).toBe('serviceBusMaxDeliveryCount');
    expect(appSettings.get('SERVICEBUS_MAX_DELIVERY_COUNT')).toBe('string(serviceBusMaxDeliveryCount)');
  });

  it('has sessions, one-day duplicate detection, a one-minute lock and dead-lettering on expiry', () => {
    expect(Object.fromEntries(queueProperties)).toMatchObject({
      requiresSession: 'true',
      requiresDuplicateDetection: 'true',
      duplicateDetectionHistoryTimeWindow: "'P1D'",
      enablePartitioning: 'false',
      lockDuration: "'PT1M'",
      deadLetteringOnMessageExpiration: 'true',
    });
  });

  it('lives in a Standard namespace without SAS keys', () => {
    const namespace = findBlock(serviceBus, /^resource serviceBusNamespace /m);
    expect(entriesOf(serviceBus, findBlock(serviceBus, /sku:\s*\{/, namespace)).get('name')).toBe("'Standard'");
    expect(entriesOf(serviceBus, findBlock(serviceBus, /properties:\s*\{/, namespace)).get('disableLocalAuth')).toBe('true');
  });
});

describe('Table Storage', () => {
  it('creates exactly the tables the code uses', () => {
    expect(stringsOf(varOf(main, 'tableNames')).sort()).toEqual(Object.values(TABLE_NAMES).sort());
    const module = entriesOf(main, findBlock(main, /params:\s*\{/, findBlock(main, /^module storage /m)));
    expect(module.get('tableNames')).toBe('tableNames');
    expect(storage.code).toMatch(/for tableName in tableNames:/);
  });

  it('refuses shared keys, so that only identities reach the data', () => {
    const account = findBlock(storage, /^resource storage 'Microsoft\.Storage\/storageAccounts@/m);
    expect(entriesOf(storage, findBlock(storage, /properties:\s*\{/, account)).get('allowSharedKeyAccess')).toBe('false');
  });
});
