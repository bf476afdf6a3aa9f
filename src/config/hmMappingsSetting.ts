import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { hmMappingsSchema } from '../domain/hm/hmMappings.js';
import type { HmMappings } from '../domain/hm/hmMappings.js';
import { issueMessage } from './problemMessages.js';

// Strict: an unknown key is most likely a typo ("freightType"), which would otherwise be dropped
// silently and surface later as MAPPING_MISSING_* failures on real orders.
const strictMappingsSchema = hmMappingsSchema.strict();

/**
 * HM_MAPPINGS: the mapping document as JSON text (starts with "{") or the path of a JSON file
 * (relative to the working directory). Issues point inside the document: the caller prefixes
 * the setting name, giving e.g. HM_MAPPINGS.freightTypes.SEDEX.deliveryMode.
 */
export const hmMappingsSetting = z.string().transform((text, ctx): HmMappings => {
  const fromFile = !text.startsWith('{');
  let json: string;
  try {
    json = fromFile ? readFileSync(resolve(text), 'utf8') : text;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `expected JSON text or the path of a JSON file; cannot read file ${JSON.stringify(text)} (${errorCode(error)})` });
    return z.NEVER;
  }
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    const where = fromFile ? `file ${JSON.stringify(text)}` : 'the text';
    ctx.addIssue({ code: 'custom', message: `expected a JSON document; ${where} is not valid JSON (${shortReason(error)})` });
    return z.NEVER;
  }
  const parsed = strictMappingsSchema.safeParse(document);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issueMessage(issue), path: [...issue.path] });
    return z.NEVER;
  }
  return parsed.data;
});

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 120 ? `${message.slice(0, 117)}...` : message;
}
