import type { IncomingMessage } from 'node:http';
import type { SessionRegistry } from './sessionRegistry.js';

/** The credentials the simulated gateway accepts. */
export interface GatewayCredentials {
  authMode: 'basic' | 'session';
  username: string;
  password: string;
}

/** True when the call carries valid credentials for the gateway's auth mode. */
export function isAuthenticated(req: IncomingMessage, credentials: GatewayCredentials, sessions: SessionRegistry): boolean {
  if (credentials.authMode === 'session') return sessions.isValid(header(req, 'wts-session'));
  const authorization = header(req, 'authorization') ?? '';
  const [scheme, encoded] = authorization.split(' ');
  if (scheme?.toLowerCase() !== 'basic' || encoded === undefined) return false;
  return Buffer.from(encoded, 'base64').toString('utf8') === `${credentials.username}:${credentials.password}`;
}

/** True when a login call carries `WTS-Authorization: USERNAME/PASSWORD`. */
export function isValidLogin(req: IncomingMessage, credentials: GatewayCredentials): boolean {
  return header(req, 'wts-authorization') === `${credentials.username}/${credentials.password}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
