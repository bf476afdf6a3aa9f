import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesOf, findBlock, outputsOf, paramsOf, readBicep } from './bicepText.js';

/*
 * What `bicep build` would catch first, checked without the Bicep CLI: every module exists, gets
 * every parameter it needs and no unknown one, and every output used is declared.
 */

const main = readBicep('main.bicep');
const modules = [...main.code.matchAll(/^module (\w+) '([^']+)'/gm)].map(([, symbol = '', path = '']) => ({ symbol, path }));

describe('infra/main.bicep modules', () => {
  it('are the app modules of the azd layout', () => {
    expect(modules.map((module) => module.path).sort()).toEqual(
      ['alerts', 'api', 'identity', 'keyvault', 'monitoring', 'rbac', 'servicebus', 'storage'].map((name) => `app/${name}.bicep`),
    );
  });

  it.each(modules)('$symbol ($path) gets exactly the parameters it declares', ({ symbol, path }) => {
    expect(existsSync(resolve('infra', path))).toBe(true);
    const declared = paramsOf(readBicep(path));
    const passed = entriesOf(main, findBlock(main, /params:\s*\{/, findBlock(main, new RegExp(`^module ${symbol} `, 'm'))));
    expect([...passed.keys()].filter((name) => !declared.has(name))).toEqual([]);
    const required = [...declared].filter(([, param]) => param.defaultValue === null).map(([name]) => name);
    expect(required.filter((name) => !passed.has(name))).toEqual([]);
  });

  it.each(modules)('$symbol ($path) declares every output main.bicep uses', ({ symbol, path }) => {
    const used = [...main.code.matchAll(new RegExp(`\\b${symbol}\\.outputs\\.(\\w+)`, 'g'))].map(([, name = '']) => name);
    const declared = outputsOf(readBicep(path));
    expect(used.filter((name) => !declared.has(name))).toEqual([]);
  });

  it.each(['main.bicep', ...modules.map((module) => module.path)])('%s uses every parameter it declares', (path) => {
    const file = readBicep(path);
    for (const name of paramsOf(file).keys()) {
      const uses = file.code.match(new RegExp(`\\b${name}\\b`, 'g')) ?? [];
      expect(uses.length, `${path}: param ${name}`).toBeGreaterThan(1);
    }
  });
});

describe('infra/main.parameters.json', () => {
  const parameters = (JSON.parse(readFileSync('infra/main.parameters.json', 'utf8')) as { parameters: Record<string, unknown> }).parameters;

  it('only sets parameters main.bicep declares, and every one it requires', () => {
    const declared = paramsOf(main);
    expect(Object.keys(parameters).filter((name) => !declared.has(name))).toEqual([]);
    const required = [...declared].filter(([, param]) => param.defaultValue === null).map(([name]) => name);
    expect(required.filter((name) => !(name in parameters))).toEqual([]);
  });

  it('takes secrets from the azd environment, never as literal values', () => {
    for (const [name, param] of paramsOf(main)) {
      if (param.secure) expect(parameters[name], name).toEqual({ value: expect.stringMatching(/^\$\{[A-Z_]+\}$/) });
    }
  });
});

describe('azure.yaml', () => {
  it('deploys the "api" service as a TypeScript function app, to the app tagged for it', () => {
    const yaml = readFileSync('azure.yaml', 'utf8');
    expect(yaml).toMatch(/services:\n {2}api:\n {4}project: \.\n {4}language: ts\n {4}host: function\n/);
    expect(readBicep('app/api.bicep').code).toContain("'azd-service-name': 'api'");
  });
});
