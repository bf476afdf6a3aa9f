import type { ServerResponse } from 'node:http';

/** Answers the way the e-Millennium gateway does: JSON bodies, OData-style errors. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** An OData error: {"odata.error": {"code", "message": {"lang", "value"}}}. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { 'odata.error': { code: String(status), message: { lang: 'pt-BR', value: message } } });
}

/** Without $format=json the gateway does not speak JSON: an XML error says so. */
export function sendXmlError(res: ServerResponse, status: number, message: string): void {
  const text = `<?xml version="1.0" encoding="utf-8"?><error><code>${status}</code><message xml:lang="pt-BR">${message}</message></error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
