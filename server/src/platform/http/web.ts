import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

// Vite names built assets `<name>-<8-character hash>.<ext>`: a new build gives a new name.
const HASHED = /[/\\]assets[/\\][^/\\]+-[\w-]{8}\.\w+(\.br|\.gz)?$/;

/**
 * Serves the built web app: the build's .br/.gz beside each file when the browser accepts them,
 * hashed assets cached for a year, everything else revalidated; unknown non-API paths get
 * index.html so client routes work on reload.
 */
export async function registerWeb(app: FastifyInstance, dist: string) {
  if (!fs.existsSync(`${dist}/index.html`)) {
    app.log.warn({ dist }, 'web app not built; run `npm run build -w web`');
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('vary', 'accept-encoding');
    },
  });
  app.get('/*', (req, reply) => {
    const p = req.url.split('?')[0];
    if (p.startsWith('/api/') || p.startsWith('/open311/') || p === '/metrics') {
      return reply.callNotFound();
    }
    if (/\.[a-z0-9]+$/i.test(p)) {
      const file = `${dist}${p}`;
      return fs.existsSync(file) ? reply.sendFile(p.slice(1)) : reply.callNotFound();
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
