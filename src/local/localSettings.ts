import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const settingsFileSchema = z.object({ Values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}) });

function readValues(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const parsed = settingsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: expected {"Values": {...}} as the Functions host reads it: ${parsed.error.message}`);
  return Object.fromEntries(Object.entries(parsed.data.Values).map(([k, v]) => [k, String(v)]));
}

/**
 * The settings of a local run, as the Functions host would see them: the environment first, then
 * local.settings.json (yours, never committed), then local.settings.sample.json (the defaults).
 */
export function loadLocalSettings(root: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const sample = readValues(path.join(root, 'local.settings.sample.json'));
  const local = readValues(path.join(root, 'local.settings.json'));
  const fromEnv = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { ...sample, ...local, ...fromEnv };
}

/** Which settings came from where: the ones the user set (env or local.settings.json) win over the sample. */
export function userSetSettings(root: string, env: NodeJS.ProcessEnv = process.env): Set<string> {
  const local = readValues(path.join(root, 'local.settings.json'));
  return new Set([...Object.keys(local), ...Object.keys(env)]);
}
