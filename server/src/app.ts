import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { servedOverHttps, type Config } from './config.ts';
import type { Database } from './db/client.ts';
import { authPlugin } from './platform/auth/auth.plugin.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerWeb } from './platform/http/web.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { placesRoutes } from './modules/places/places.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { userImportRoutes } from './modules/users/import.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { registryExtrasRoutes } from './modules/registry/extras.routes.ts';
import { incidentsRoutes } from './modules/incidents/incidents.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { calendarWorkbookRoutes } from './modules/calendar/workbook.routes.ts';
import { incidentJobs } from './modules/incidents/sweep.ts';
import { registryImportRoutes } from './modules/registry/import/import.routes.ts';
import { importJobs } from './modules/registry/import/recover.ts';
import { gridsRoutes } from './modules/grids/grids.routes.ts';
import { partyRoutes } from './modules/party/party.routes.ts';
import { visitsRoutes } from './modules/visits/visits.routes.ts';
import { open311Routes } from './modules/open311/open311.routes.ts';
import { monitoringJobs } from './modules/monitoring/monitoring.jobs.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { caseJobs } from './modules/cases/cases.jobs.ts';
import { monitoringImportsRoutes } from './modules/monitoring/imports/imports.routes.ts';
import { monitoringOverviewRoutes } from './modules/monitoring/overview.routes.ts';
import { measuresRoutes } from './modules/cases/measures.routes.ts';
import { procedureRoutes } from './modules/monitoring/procedure.routes.ts';
import { dictionariesRoutes } from './modules/monitoring/dictionaries.routes.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { employmentRoutes } from './modules/employment/employment.routes.ts';
import { employmentJobs } from './modules/employment/employment.jobs.ts';
import { ledgerRoutes } from './modules/employment/ledger.routes.ts';
import { wagesRoutes } from './modules/employment/wages.routes.ts';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.ts';
import { postsRoutes } from './modules/employment/posts.routes.ts';
import { jobBoardRoutes } from './modules/jobs/board.routes.ts';
import { jobsRoutes } from './modules/jobs/jobs.routes.ts';
import { figuresRoutes } from './modules/employment/figures.routes.ts';
import { trainingRoutes } from './modules/training/training.routes.ts';
import { surveysRoutes } from './modules/surveys/surveys.routes.ts';
import { servicesRoutes } from './modules/services/services.routes.ts';
import { projectsRoutes } from './modules/services/projects.routes.ts';
import { servicesJobs } from './modules/services/services.jobs.ts';
import { volunteersRoutes } from './modules/volunteers/volunteers.routes.ts';
import { sitesRoutes } from './modules/sites/sites.routes.ts';
import { sitesJobs } from './modules/sites/sites.jobs.ts';
import { fundsRoutes } from './modules/funds/funds.routes.ts';
import { disclosureRoutes } from './modules/disclosure/disclosure.routes.ts';
import { requestLogLine } from './platform/http/request-log.ts';
import { NotificationHub } from './platform/notify/hub.ts';
import { Outbound } from './platform/notify/webhook.ts';
import { startJobs, type Jobs } from './platform/jobs/jobs.ts';
import { platformJobs } from './platform/jobs/platform-jobs.ts';
import { createCipher, loadSecret, type Cipher } from './platform/crypto.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    notificationHub: NotificationHub;
    cipher: Cipher;
    /** Background jobs; undefined in processes started without them (tests, CLI). */
    jobs: Jobs | undefined;
  }
}

/** The modules of Anju, in the order they are mounted. */
const MODULES = [
  systemRoutes,
  authRoutes,
  placesRoutes,
  usersRoutes,
  userImportRoutes,
  auditRoutes,
  notificationsRoutes,
  registryRoutes,
  registryExtrasRoutes,
  incidentsRoutes,
  calendarRoutes,
  calendarWorkbookRoutes,
  registryImportRoutes,
  gridsRoutes,
  partyRoutes,
  visitsRoutes,
  open311Routes,
  monitoringRoutes,
  casesRoutes,
  monitoringImportsRoutes,
  monitoringOverviewRoutes,
  measuresRoutes,
  procedureRoutes,
  dictionariesRoutes,
  homeRoutes,
  employmentRoutes,
  ledgerRoutes,
  wagesRoutes,
  enterprisesRoutes,
  postsRoutes,
  jobsRoutes,
  jobBoardRoutes,
  trainingRoutes,
  surveysRoutes,
  servicesRoutes,
  sitesRoutes,
  fundsRoutes,
  disclosureRoutes,
  projectsRoutes,
  figuresRoutes,
  volunteersRoutes,
];

export async function buildApp(
  config: Config,
  database: Database,
  opts: { logger?: boolean; logStream?: { write(line: string): void } } = {},
) {
  const app: FastifyInstance = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: config.logLevel, stream: opts.logStream, serializers: { req: requestLogLine } },
    // the server names every request itself: an id the client chose would land in audit rows
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // a body that stops arriving (an unterminated upload) ends with its connection, not never
    connectionTimeout: config.idleTimeoutMs,
    trustProxy: config.trustProxy,
    // open event streams must not hold a shutdown
    forceCloseConnections: true,
  });
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('cipher', createCipher(loadSecret(config)));
  const hub = new NotificationHub(database, app.log);
  await hub.start();
  app.decorate('notificationHub', hub);
  app.addHook('onClose', () => hub.stop());
  app.decorate('jobs', undefined);
  if (config.runJobs) {
    const outbound = new Outbound(database, config, app.cipher, app.log);
    const jobs = await startJobs(
      database,
      [
        ...platformJobs(config),
        ...outbound.definitions,
        ...incidentJobs,
        ...monitoringJobs,
        ...caseJobs,
        ...employmentJobs,
        ...servicesJobs,
        ...sitesJobs,
        ...importJobs(config.dataDir),
      ],
      app.log,
      {
        connectionString: config.databaseUrl,
        cronMonitorIntervalSeconds: config.cronMonitorIntervalSeconds,
      },
    );
    app.jobs = jobs;
    outbound.attach(jobs);
    hub.onSignal(() => void outbound.relay());
    app.addHook('onClose', () => jobs.stop());
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    // Over plain HTTP (a county intranet) these would make the browser refuse the app's own script.
    hsts: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!servedOverHttps(config, req)) return;
    const csp = reply.raw.getHeader('content-security-policy');
    reply.raw.setHeader('content-security-policy', `${csp};upgrade-insecure-requests`);
    reply.raw.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  await registerMetrics(app);
  await authPlugin(app);
  for (const mod of MODULES) await app.register(mod);
  await registerWeb(app, config.webDist);
  return app;
}
