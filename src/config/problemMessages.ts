import type { z } from 'zod';
import type { SettingProblem } from './requiredSettings.js';

/** zod issues as SettingProblems. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): SettingProblem[] {
  return issues.map((issue) => ({ path: [...issue.path], message: issueMessage(issue) }));
}

/** A zod issue's message, saying "required" rather than zod's "Invalid input: ... received undefined". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  // Issues do not carry the input (zod leaves it out unless asked), so the message tells "undefined".
  return /received undefined$/.test(issue.message)
    ? `required (${issue.expected})`
    : issue.message.replace(/^Invalid input: /, '');
}

/**
 * One operator-readable line per problem, in the order of `settingOrder`:
 * "HM_MAPPINGS.freightTypes.SEDEX.deliveryMode: required (string)".
 */
export function formatProblems(problems: readonly SettingProblem[], settingOrder: readonly string[]): string[] {
  const rank = (problem: SettingProblem) => {
    const index = settingOrder.indexOf(String(problem.path[0]));
    return index === -1 ? settingOrder.length : index;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b)).map((problem) => `${formatPath(problem.path)}: ${problem.message}`);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * Replaces every occurrence of a secret's value with "***". The schemas never echo a secret setting,
 * but a secret pasted into the wrong setting (the password in ERP_AUTH_MODE) would be echoed there.
 */
export function redactSecrets(problems: string[], secretValues: readonly string[]): string[] {
  // Very short values would redact ordinary words; they are not worth hiding that way.
  const secrets = secretValues.filter((value) => value.length >= 4);
  return problems.map((problem) => secrets.reduce((text, secret) => text.split(secret).join('***'), problem));
}
