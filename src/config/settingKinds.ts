import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/*
 * Schemas for one setting's text (already trimmed and non-blank: see loadConfig). Each error says what
 * is expected; the received value is shown only by kinds that never hold a secret or credentials
 * (URLs may carry user:password@, free text may be anything, so they never echo).
 */

/** An error map saying what is expected, with the received value when `showValue`. */
export function expecting(expected: string, showValue: boolean) {
  return (issue: { input?: unknown }): string =>
    showValue && typeof issue.input === 'string' ? `expected ${expected}, got ${quote(issue.input)}` : `expected ${expected}`;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/** Any non-blank text: ids, names, secrets (never echoed). */
export const textSetting = z.string();

/** `true` or `false`, any case. */
export const booleanSetting = z
  .string()
  .refine((text) => /^(true|false)$/i.test(text), { error: expecting('true or false', true) })
  .transform((text) => text.toLowerCase() === 'true');

/** One of the given words, any case; the result is lower case. */
export function enumSetting<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = new Set<string>(values);
  return z
    .string()
    .refine((text) => allowed.has(text.toLowerCase()), { error: expecting(`one of ${values.join(', ')}`, true) })
    .transform((text) => text.toLowerCase() as T[number]);
}

/** A whole number from `min` to `max`, written in decimal digits. */
export function integerSetting(min: number, max: number) {
  return z
    .string()
    .refine((text) => /^\d{1,15}$/.test(text) && Number(text) >= min && Number(text) <= max, {
      error: expecting(`a whole number from ${min} to ${max}`, true),
    })
    .transform(Number);
}

/** An absolute http(s) URL; trailing slashes are dropped so that paths can be appended. */
export const httpUrlSetting = z
  .url({ protocol: /^https?$/, error: expecting('an absolute http(s) URL such as https://host:port/path', false) })
  .transform((url) => url.replace(/\/+$/, ''));

/** A URL path starting with '/', without query string. */
export const urlPathSetting = z
  .string()
  .refine((text) => /^\/[^\s?#]*$/.test(text), { error: expecting('a URL path starting with "/" (no query string)', true) });

/** An Entra tenant: its GUID or a domain name (the characters @azure/identity accepts). */
export const tenantIdSetting = z
  .string()
  .refine((text) => /^[A-Za-z0-9.-]+$/.test(text), { error: expecting('a tenant GUID or domain name', true) });

/** A DNS host name without scheme or port, e.g. sb-x.servicebus.windows.net. */
export const hostNameSetting = z.string().refine(
  (text) => /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(text),
  { error: expecting('a host name without scheme, e.g. my-namespace.servicebus.windows.net', true) },
);

/** A Service Bus entity name: letters, digits, '.', '-', '_', '/', starting and ending with a letter or digit. */
export const queueNameSetting = z.string().refine(
  (text) => /^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,258}[A-Za-z0-9])?$/.test(text),
  { error: expecting('a Service Bus queue name (letters, digits, ".", "-", "_")', true) },
);

const NCRONTAB_EXPECTED =
  'a six-field NCRONTAB expression "{second} {minute} {hour} {day} {month} {day-of-week}", e.g. "0 */5 * * * *"';

/**
 * A six-field NCRONTAB expression, as the Functions timer trigger wants. The five-field Unix form
 * would parse in cron-parser but be refused (or misread) by the host, so the count is checked first.
 */
export const ncrontabSetting = z.string().superRefine((text, ctx) => {
  const fields = text.split(/\s+/).length;
  if (fields !== 6) {
    ctx.addIssue({ code: 'custom', message: `${expecting(NCRONTAB_EXPECTED, true)({ input: text })} (${fields} fields)` });
    return;
  }
  try {
    CronExpressionParser.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.addIssue({ code: 'custom', message: `${expecting(NCRONTAB_EXPECTED, true)({ input: text })} (${reason})` });
  }
});

/**
 * A Table Storage connection string: `UseDevelopmentStorage=true`, or `key=value;` pairs naming an
 * account or endpoint. Checked here because the SDK fails on a malformed one with a bare TypeError.
 */
export const tableConnectionStringSetting = z.string().refine(
  (text) => /^UseDevelopmentStorage=true;?$/i.test(text) || (/(^|;)\s*(AccountName|TableEndpoint)=[^;]+/i.test(text) && /^(\s*\w+=[^;]*;?)+$/.test(text)),
  { error: expecting('UseDevelopmentStorage=true or an account connection string (AccountName=…;AccountKey=…; or TableEndpoint=…;SharedAccessSignature=…)', false) },
);
