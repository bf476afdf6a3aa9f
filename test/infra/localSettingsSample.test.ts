import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { simulatorBarcodeType, simulatorMappings } from '../../src/local/erpSimulator/dataset/simulatorMappings.js';

/* The sample is what `npm start` runs with when nothing else is set: it must load as it is. */

const values = (JSON.parse(readFileSync('local.settings.sample.json', 'utf8')) as { Values: Record<string, string> }).Values;
const dir = mkdtempSync(join(tmpdir(), 'sample-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local.settings.sample.json', () => {
  it('loads as a valid configuration with H&M enabled against the local simulators', async () => {
    // HM_CA_FILE names the certificate the H&M simulator writes when it starts; stand one in for it.
    const pems = await generate([{ name: 'commonName', value: 'hm-simulator.localhost' }], { keyType: 'ec', curve: 'P-256' });
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, pems.cert);
    const config = loadConfig({ ...values, HM_CA_FILE: caFile });
    expect(config.hm.enabled).toBe(true);
    expect(config.hm.caFile).toBe(caFile);
    expect(config.serviceBus.connectionString).toBe('inprocess');
    expect(config.tables.connectionString).toBe('UseDevelopmentStorage=true');
  });

  it('points HM_CA_FILE at a file under .local/, which git ignores', () => {
    expect(values['HM_CA_FILE']).toMatch(/^\.local\/.+\.pem$/);
    expect(readFileSync('.gitignore', 'utf8')).toMatch(/^\.local\/$/m);
  });

  it('maps every brand, freight type and voucher the simulated ERP registers, as the simulator expects', () => {
    expect(JSON.parse(values['HM_MAPPINGS'] ?? 'null')).toEqual(simulatorMappings);
    expect(values['HM_BARCODE_TYPE']).toBe(simulatorBarcodeType);
  });
});
