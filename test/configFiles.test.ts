import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const baseEnv = {
  ERP_BASE_URL: 'http://127.0.0.1:6017',
  ERP_USERNAME: 'integration',
  ERP_PASSWORD: 'erp-password-value',
  ServiceBusConnection: 'inprocess',
  TableStorageConnection: 'UseDevelopmentStorage=true',
};

const mappings = {
  defaultCorporateBrandId: '0',
  brands: { HM: '0', COS: '4' },
  freightTypes: { SEDEX10: { deliveryMethod: 'HOME_DELIVERY', deliveryMode: 'EXPRESS' } },
  voucherPaymentTypes: ['VALE', 'GIFT'],
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...baseEnv, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to throw ConfigError');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'config-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTemp(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('HM_MAPPINGS', () => {
  it('reads the mapping document from JSON text', () => {
    expect(loadConfig({ ...baseEnv, HM_MAPPINGS: JSON.stringify(mappings) }).hm.mappings).toEqual(mappings);
  });

  it('reads the mapping document from a file path, absolute or relative to the working directory', () => {
    const path = writeTemp('mappings.json', JSON.stringify(mappings, null, 2));
    expect(loadConfig({ ...baseEnv, HM_MAPPINGS: path }).hm.mappings).toEqual(mappings);
    expect(loadConfig({ ...baseEnv, HM_MAPPINGS: relative(process.cwd(), path) }).hm.mappings).toEqual(mappings);
  });

  it('points inside the document at the field to fix', () => {
    const broken = { ...mappings, freightTypes: { SEDEX10: { deliveryMethod: 'HOME_DELIVERY' } }, voucherPaymentTypes: ['VALE', 7] };
    expect(problemsOf({ HM_MAPPINGS: JSON.stringify(broken) })).toEqual([
      'HM_MAPPINGS.freightTypes.SEDEX10.deliveryMode: required (string)',
      'HM_MAPPINGS.voucherPaymentTypes[1]: expected string, received number',
    ]);
  });

  it('points inside a mapping file too', () => {
    const path = writeTemp('broken-mappings.json', JSON.stringify({ brands: { HM: '' } }));
    expect(problemsOf({ HM_MAPPINGS: path })).toEqual([expect.stringMatching(/^HM_MAPPINGS\.brands\.HM: /)]);
  });

  it('refuses an unknown key, which is most likely a typo that would drop a whole mapping', () => {
    expect(problemsOf({ HM_MAPPINGS: '{"freightType": {}}' })).toEqual(['HM_MAPPINGS: Unrecognized key: "freightType"']);
  });

  it('says when the JSON text does not parse', () => {
    expect(problemsOf({ HM_MAPPINGS: '{"brands": {' })).toEqual([expect.stringMatching(/^HM_MAPPINGS: expected a JSON document; the text is not valid JSON/)]);
  });

  it('says when the file is missing or is not JSON', () => {
    const missing = join(dir, 'missing.json');
    expect(problemsOf({ HM_MAPPINGS: missing })).toEqual([
      `HM_MAPPINGS: expected JSON text or the path of a JSON file; cannot read file ${JSON.stringify(missing)} (ENOENT)`,
    ]);
    const notJson = writeTemp('not-json.json', 'brands: {}');
    expect(problemsOf({ HM_MAPPINGS: notJson })[0]).toMatch(/^HM_MAPPINGS: expected a JSON document; file ".*not-json\.json" is not valid JSON/);
  });
});

describe('HM_CA_FILE', () => {
  it('accepts a PEM certificate and gives its absolute path', async () => {
    const pems = await generate([{ name: 'commonName', value: 'config-test.localhost' }], { keyType: 'ec', curve: 'P-256' });
    const path = writeTemp('ca.pem', pems.cert);
    expect(loadConfig({ ...baseEnv, HM_CA_FILE: relative(process.cwd(), path) }).hm.caFile).toBe(path);
  });

  it('refuses a missing file at startup rather than at the first TLS handshake', () => {
    const missing = join(dir, 'no-such-ca.pem');
    expect(problemsOf({ HM_CA_FILE: missing })).toEqual([
      `HM_CA_FILE: expected a readable PEM certificate file; cannot read ${JSON.stringify(missing)} (ENOENT)`,
    ]);
  });

  it('refuses a file that is not a PEM certificate', () => {
    const path = writeTemp('not-a-cert.pem', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    expect(problemsOf({ HM_CA_FILE: path })).toEqual([expect.stringMatching(/^HM_CA_FILE: expected a PEM certificate .* is not one$/)]);
  });
});
