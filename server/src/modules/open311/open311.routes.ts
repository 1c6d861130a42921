import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, fillReason } from '../../platform/errors.ts';
import { open311AttributesRoutes } from './attributes.routes.ts';
import { formObject, submissionOf } from './input.ts';
import { open311KeysRoutes } from './keys.routes.ts';
import { keyContext } from './keys.service.ts';
import { open311PublicationRoutes } from './publication.routes.ts';
import * as service from './open311.service.ts';
import { formatOf, send, type Format, type Value } from './xml.ts';

/** When this endpoint's behaviour last changed, for discovery. */
const CHANGESET = '2026-11-25T00:00:00Z';
const FORMATS: Format[] = ['xml', 'json'];
// documented by the spec itself (see discovery), so kept out of Anju's OpenAPI
const READS = { schema: { hide: true }, config: { rateLimit: { max: 300, timeWindow: '1 minute' } } };
const WRITES = { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } };

type Query = Record<string, unknown>;

const localeOf = (q: Query): service.Locale =>
  typeof q.locale === 'string' && q.locale.toLowerCase().startsWith('en') ? 'en' : 'zh';

/** `033.json` → the resource id and the format its extension names. */
function split(file: string): { id: string; format: Format } {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  if (!m) throw new AppError('not_found', 'name the format: .xml or .json');
  return { id: m[1], format: m[2] as Format };
}

/** Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), in XML and JSON, errors in its own shape. */
async function geoReport(app: FastifyInstance) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, formObject(body as string)),
  );
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err instanceof AppError ? err.status : (err.statusCode ?? 500);
    let errors: Value[];
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      errors = [{ code: 500, description: 'internal error' }];
    } else if (err instanceof AppError && err.details.length) {
      errors = err.details.map((d) => ({
        code: status,
        description: `${d.field}: ${fillReason(d.reason, d.params)}`,
      }));
    } else errors = [{ code: status, description: err.message }];
    reply.status(status);
    return send(reply, formatOf(req.url), 'errors', errors);
  });
  // a route, not a not-found handler, so the web app's fallback (/*) never answers under /open311/v2
  app.all('/*', { schema: { hide: true } }, (req) => {
    throw new AppError('not_found', `no resource ${req.method} ${req.url.split('?')[0]}`);
  });

  // reading needs no key (GeoReport v2): without one, the public feed alone
  const readerOf = (req: FastifyRequest, q: Query) =>
    q.api_key === undefined || q.api_key === '' ? null : keyOf(req, q);
  const keyOf = (req: FastifyRequest, from: Query) =>
    keyContext(app.database, typeof from.api_key === 'string' ? from.api_key : undefined, {
      ip: req.ip.slice(0, 64),
      requestId: req.id,
    });

  // services ask what the region of the key asks (or of the signed-in official); else the national ones
  const placeOf = async (req: FastifyRequest, q: Query) =>
    ((await readerOf(req, q)) ?? req)?.actor?.scopes[0]?.path;

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, READS, (req, reply) =>
      send(reply, format, 'discovery', {
        changeset: CHANGESET,
        contact: '安居平台系统管理员 (Anju system administrator)',
        key_service:
          'Keys are issued by a county administrator of this Anju deployment, for places of their county. Posting requests needs api_key. Reading them (GET requests, requests/{id}, tokens/{token}) needs none and shows the public feed: requests an official marked public, without personal details; with api_key, the requests its own system filed are shown in full as well.',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${req.protocol}://${req.host}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      }),
    );
    app.get(`/services.${format}`, READS, async (req, reply) => {
      const q = req.query as Query;
      return send(
        reply,
        format,
        'services',
        await service.services(app.database, localeOf(q), await placeOf(req, q)),
      );
    });
    app.post(`/requests.${format}`, WRITES, async (req, reply) => {
      const submission = submissionOf(req.body);
      const ctx = await keyOf(req, { ...(req.query as Query), ...submission.fields });
      const created = await service.postRequest(
        app.database,
        app.cipher,
        ctx,
        submission,
        localeOf(req.query as Query),
      );
      return send(reply, format, 'service_requests', created);
    });
    app.get(`/requests.${format}`, READS, async (req, reply) => {
      const q = req.query as Query;
      const found = await service.listRequests(app.database, await readerOf(req, q), q, localeOf(q));
      return send(reply, format, 'service_requests', found);
    });
  }
  app.get<{ Params: { file: string } }>('/services/:file', READS, async (req, reply) => {
    const { id, format } = split(req.params.file);
    const path = await placeOf(req, req.query as Query);
    return send(reply, format, 'service_definition', await service.serviceDefinition(app.database, id, path));
  });
  app.get<{ Params: { file: string } }>('/requests/:file', READS, async (req, reply) => {
    const { id, format } = split(req.params.file);
    const q = req.query as Query;
    const found = await service.getRequest(app.database, await readerOf(req, q), id, localeOf(q));
    return send(reply, format, 'service_requests', found);
  });
  app.get<{ Params: { file: string } }>('/tokens/:file', READS, async (req, reply) => {
    const { id, format } = split(req.params.file);
    const q = req.query as Query;
    return send(
      reply,
      format,
      'service_requests',
      await service.requestOfToken(app.database, await readerOf(req, q), id),
    );
  });
}

/** Open311 for other systems under /open311/v2, and the management of their keys under /api. */
export async function open311Routes(app: FastifyInstance) {
  await app.register(geoReport, { prefix: '/open311/v2' });
  await app.register(open311KeysRoutes);
  await app.register(open311PublicationRoutes);
  await app.register(open311AttributesRoutes);
}
