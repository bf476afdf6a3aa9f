import { AzureAuthorityHosts, ClientSecretCredential } from '@azure/identity';
import type { ClientSecretCredentialOptions } from '@azure/identity';
import type { Agent } from 'node:https';
import type { HmClientSettings } from './hmClientOptions.js';

// Typed through the credential's options, so core-rest-pipeline need not be a direct dependency.
type PipelinePolicy = NonNullable<ClientSecretCredentialOptions['additionalPolicies']>[number]['policy'];

const PUBLIC_AUTHORITY_HOSTS = new Set<string>(Object.values(AzureAuthorityHosts).map((h) => h.replace(/\/+$/, '')));

/** MSAL's requests carry no timeout of their own: this policy gives every token call one. */
function timeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'hmTokenRequestTimeout',
    sendRequest: (request, next) => {
      request.timeout = timeoutMs;
      return next(request);
    },
  };
}

/**
 * The Entra ID credential, made once per client. Against any host that is not a public Azure cloud
 * (the local simulator), instance discovery is off, so MSAL asks that host for its metadata and never
 * calls login.microsoftonline.com. Retries are left to the client's own loop.
 */
export function createHmCredential(settings: HmClientSettings, agent: Agent): ClientSecretCredential {
  const authorityHost = settings.authorityHost.replace(/\/+$/, '');
  return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret, {
    authorityHost,
    disableInstanceDiscovery: !PUBLIC_AUTHORITY_HOSTS.has(authorityHost),
    agent,
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [{ policy: timeoutPolicy(settings.timeoutMs), position: 'perCall' }],
  });
}
