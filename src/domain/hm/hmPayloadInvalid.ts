import { IntegrationError } from '../errors.js';
import type { HmStatus } from '../status.js';

/** HM_PAYLOAD_INVALID: the facts a status needs are missing, so no valid body can be built. */
export function payloadInvalid(orderNumber: string, status: HmStatus, why: string, details?: unknown): IntegrationError {
  return new IntegrationError('HM_PAYLOAD_INVALID', `order "${orderNumber}" ${status}: ${why}`, details);
}
