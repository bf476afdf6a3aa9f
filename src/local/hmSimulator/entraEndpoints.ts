import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './httpIo.js';
import type { TokenRegistry } from './tokenRegistry.js';

/** What the simulated Entra ID knows: one tenant with one confidential app allowed to call one resource. */
export interface EntraDirectory {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  resource: string;
}

const OPENID_PATH = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

/** Answers in Entra's error shape: AADSTS code in the description, plus trace and correlation ids. */
function sendEntraError(
  res: ServerResponse,
  dir: EntraDirectory,
  status: number,
  error: string,
  code: number,
  description: string,
): void {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString();
  sendJson(res, status, {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `${dir.authorityHost}/error?code=${code}`,
  });
}

/** The tenant's OpenID metadata, which MSAL reads to find the token endpoint of a custom authority. */
function sendOpenIdConfiguration(res: ServerResponse, dir: EntraDirectory): void {
  const base = `${dir.authorityHost}/${dir.tenantId}`;
  sendJson(res, 200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${dir.authorityHost}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'ver'],
    tenant_region_scope: 'SA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  });
}

/** client_credentials grant: checks tenant, client id, secret and scope exactly as Entra would refuse them. */
async function issueToken(
  req: IncomingMessage,
  res: ServerResponse,
  dir: EntraDirectory,
  tenant: string,
  tokens: TokenRegistry,
): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  if (tenant !== dir.tenantId) {
    sendEntraError(res, dir, 400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`);
    return;
  }
  if (form.get('grant_type') !== 'client_credentials') {
    sendEntraError(res, dir, 400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    return;
  }
  const clientId = form.get('client_id');
  if (clientId !== dir.clientId) {
    sendEntraError(res, dir, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId ?? ''}' was not found in the directory '${tenant}'.`);
    return;
  }
  if (form.get('client_secret') !== dir.clientSecret) {
    // Like Entra, the description never repeats the secret that was sent.
    sendEntraError(res, dir, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${dir.clientId}'.`);
    return;
  }
  const scopes = (form.get('scope') ?? '').split(' ').filter((s) => s.length > 0);
  const resourceScopes = scopes.filter((s) => !['openid', 'profile', 'offline_access'].includes(s));
  const only = resourceScopes.length === 1 ? resourceScopes[0] : undefined;
  if (only === undefined || !only.endsWith('/.default')) {
    sendEntraError(res, dir, 400, 'invalid_scope', 1002012, `The provided value for scope ${resourceScopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    return;
  }
  if (only !== `${dir.resource}/.default`) {
    sendEntraError(res, dir, 400, 'invalid_resource', 500011, `The resource principal named ${only.slice(0, -'/.default'.length)} was not found in the tenant named ${tenant}.`);
    return;
  }
  const { token, expiresIn } = tokens.issue();
  sendJson(res, 200, { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
}

/** Serves the Entra ID paths; returns false when the request is not one of them. */
export async function handleEntraRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  dir: EntraDirectory,
  tokens: TokenRegistry,
): Promise<boolean> {
  const openId = OPENID_PATH.exec(path);
  if (openId && req.method === 'GET') {
    if (openId[1] !== dir.tenantId) {
      sendEntraError(res, dir, 400, 'invalid_tenant', 90002, `Tenant '${openId[1] ?? ''}' not found. Check to make sure you have the correct tenant ID.`);
    } else {
      sendOpenIdConfiguration(res, dir);
    }
    return true;
  }
  const token = TOKEN_PATH.exec(path);
  if (token && req.method === 'POST') {
    await issueToken(req, res, dir, token[1] ?? '', tokens);
    return true;
  }
  return false;
}
