import { IntegrationError } from '../../domain/errors.js';
import type { HmAnswer } from '../ports.js';

/** What the dispatcher does with one H&M answer (contracts/hm-order-api.md, "Answers"). */
export type AnswerOutcome =
  | { kind: 'sent' }
  | { kind: 'resendCreated' }
  | { kind: 'permanent'; error: IntegrationError }
  | { kind: 'transient'; error: IntegrationError };

/** Classifies an answer: the one place that decides transient vs permanent for H&M. */
export function answerOutcome(answer: HmAnswer, status: string): AnswerOutcome {
  switch (answer.kind) {
    case 'accepted':
    case 'duplicate':
      return { kind: 'sent' };
    case 'orderUnknown':
      if (status !== 'CREATED') return { kind: 'resendCreated' };
      return permanent('HM_REJECTED', `H&M answered 404 to CREATED: check HM_API_URL (the order API base URL)`, answer.body);
    case 'rejected':
      return permanent(
        'HM_REJECTED',
        `H&M rejected the ${status} payload (${answer.httpStatus}): ${answer.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'no details given'} — fix the ERP data or HM_MAPPINGS, then resync`,
        answer.errors,
      );
    case 'forbidden':
      return permanent('HM_FORBIDDEN', 'H&M refused the subscription key (403): check HM_SUBSCRIPTION_KEY, then resync', answer.body);
    case 'authFailed':
      return permanent('HM_AUTH_FAILED', `${answer.message} — then resync`, null);
    case 'unavailable':
      return { kind: 'transient', error: new IntegrationError('HM_UNAVAILABLE', answer.message, { httpStatus: answer.httpStatus }) };
  }
}

function permanent(code: 'HM_REJECTED' | 'HM_FORBIDDEN' | 'HM_AUTH_FAILED', message: string, details: unknown): AnswerOutcome {
  return { kind: 'permanent', error: new IntegrationError(code, message, details) };
}
