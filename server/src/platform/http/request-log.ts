import type { FastifyRequest } from 'fastify';

/** Query parameters whose values never reach the request log, whoever sends them. */
const SENSITIVE_PARAMS = new Set(['idnumber', 'phone', 'idno', 'mobile']);
/** A run of seven digits or more (a phone, an ID number) anywhere in a query string. */
const LONG_NUMBER = /\d{7,}[\dXx]?/g;

/** The address as the request log keeps it: ID and phone numbers in its query replaced by `***`. */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = decodeURIComponentSafe(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      if (eq >= 0 && SENSITIVE_PARAMS.has(key)) return `${pair.slice(0, eq)}=***`;
      return pair.replace(LONG_NUMBER, '***');
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The request line of the log: Fastify's own fields, with the address through `loggedUrl`. */
export const requestLogLine = (req: FastifyRequest) => ({
  method: req.method,
  url: loggedUrl(req.url),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});
