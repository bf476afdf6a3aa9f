import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * One keep-alive HTTPS agent per client, shared by axios and the credential's pipeline. When a CA
 * (the simulator's self-signed certificate) is given it is trusted in addition to the public roots,
 * so no process-wide NODE_EXTRA_CA_CERTS is needed.
 */
export function createHmHttpsAgent(caPem: string | null | undefined): Agent {
  return new Agent({
    keepAlive: true,
    maxSockets: 16,
    ...(caPem ? { ca: [...rootCertificates, caPem] } : {}),
  });
}
