import type { IntegrationError } from '../../domain/errors.js';

/**
 * Thrown so the host abandons the message and Service Bus redelivers it. Outside C# the Functions
 * host completes a message whenever the handler returns, so a transient failure MUST surface as a
 * throw, never as a caught-and-logged return, or the event is lost.
 */
export class TransientDispatchError extends Error {
  override readonly name = 'TransientDispatchError';
  constructor(readonly reason: IntegrationError) {
    super(`${reason.code}: ${reason.message}`);
  }
}
