import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import azureFunctions, { type HttpRequest as HttpRequestType, type InvocationContext as InvocationContextType, type HttpResponseInit } from '@azure/functions';

// @azure/functions is CommonJS: its classes are reachable from ESM only through module.exports.
const { HttpRequest, InvocationContext } = azureFunctions;

/** A route of the local HTTP host, as the function registration declares it. */
export interface LocalRoute {
  method: string;
  /** Route template as in app.http, e.g. "integrations/{orderNumber}/resync" (served under /api/). */
  route: string;
  functionName: string;
  handler: (request: HttpRequestType, context: InvocationContextType) => Promise<HttpResponseInit>;
}

function matchRoute(template: string, pathname: string): Record<string, string> | null {
  const want = template.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return null;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(routes: LocalRoute[], req: IncomingMessage, res: ServerResponse, log: (line: string) => void): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pathname = url.pathname.replace(/^\/api\//, '');
  const candidates = routes.map((r) => ({ r, params: url.pathname.startsWith('/api/') ? matchRoute(r.route, pathname) : null })).filter((c) => c.params);
  const found = candidates.find((c) => c.r.method === req.method);
  if (!found) {
    const status = candidates.length > 0 ? 405 : 404;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: status === 405 ? 'method not allowed' : 'no such route' }));
    return;
  }
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  const request = new HttpRequest({
    method: req.method ?? 'GET',
    url: url.toString(),
    headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
    query: Object.fromEntries(url.searchParams.entries()),
    params: found.params ?? {},
    ...(body ? { body: { string: body } } : {}),
  });
  const context = new InvocationContext({
    invocationId: randomUUID(),
    functionName: found.r.functionName,
    logHandler: (level, ...args) => log(`[${found.r.functionName}] ${level}: ${args.map(String).join(' ')}`),
  });
  const answer = await found.r.handler(request, context);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((answer.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
  if (answer.jsonBody !== undefined) {
    headers['content-type'] ??= 'application/json';
    res.writeHead(answer.status ?? 200, headers).end(JSON.stringify(answer.jsonBody, null, 2));
  } else {
    res.writeHead(answer.status ?? 200, headers).end(typeof answer.body === 'string' ? answer.body : '');
  }
}

/** Serves the HTTP functions under /api/ like the Functions host (no function keys locally, as with the host). */
export async function startHttpHost(routes: LocalRoute[], port: number, log: (line: string) => void): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(routes, req, res, log).catch((error: unknown) => {
      log(`http host error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
