import type { HmAnswer } from '../../app/ports.js';
import { readFieldErrors } from './hmAnswerBody.js';

/** What to do with one HTTP answer: a final HmAnswer, a retry (after a wait), or a new token. */
export type HmVerdict =
  | { action: 'answer'; answer: HmAnswer }
  | { action: 'retry'; httpStatus: number; body: unknown; honourRetryAfter: boolean }
  | { action: 'reauthenticate' };

/** Classifies one HTTP answer of POST /order-status-events as contracts/hm-order-api.md says. */
export function classifyHmAnswer(httpStatus: number, body: unknown): HmVerdict {
  const answer = (a: HmAnswer): HmVerdict => ({ action: 'answer', answer: a });
  if (httpStatus >= 200 && httpStatus < 300) return answer({ kind: 'accepted', httpStatus, body });
  switch (httpStatus) {
    case 409:
      return answer({ kind: 'duplicate', httpStatus, body });
    case 401:
      return { action: 'reauthenticate' };
    case 403:
      return answer({ kind: 'forbidden', httpStatus, body });
    case 404:
      return answer({ kind: 'orderUnknown', httpStatus, body });
    case 408:
      return { action: 'retry', httpStatus, body, honourRetryAfter: false };
    case 429:
      return { action: 'retry', httpStatus, body, honourRetryAfter: true };
  }
  if (httpStatus >= 500) return { action: 'retry', httpStatus, body, honourRetryAfter: true };
  if (httpStatus >= 400) {
    // 400, 422 and any other 4xx (413, 415…): the request itself is wrong, retrying cannot help.
    return answer({ kind: 'rejected', httpStatus, body, errors: readFieldErrors(httpStatus, body) });
  }
  return answer({
    kind: 'unavailable',
    httpStatus,
    body,
    message: `H&M answered an unexpected HTTP ${httpStatus}; check HM_API_URL`,
  });
}
