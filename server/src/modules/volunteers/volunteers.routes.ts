import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityPage,
  ActivityQuery,
  ApproveInput,
  CertificateCheck,
  CheckInCode,
  ConfirmInput,
  CorrectInput,
  HoursSummary,
  IdParams,
  RosterEntry,
  ScanInput,
  SerialParams,
  Team,
  TeamCreate,
  Volunteer,
  VolunteerPage,
  VolunteerQuery,
  VolunteerRegister,
  VolunteerSelfRegister,
  VolunteerUpdate,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import * as activities from './activities.service.ts';
import * as hours from './hours.service.ts';
import * as volunteers from './volunteers.service.ts';

export async function volunteersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const read = app.authorize('volunteer:read');
  const organize = app.authorize('volunteer:organize');
  const serve = app.authorize('volunteer:serve');
  const tags = ['volunteers'];
  const created = <T>(reply: { status(code: number): unknown }, value: Promise<T>) => {
    reply.status(201);
    return value;
  };

  app.get(
    '/api/volunteers',
    { schema: { tags, querystring: VolunteerQuery, response: { 200: VolunteerPage } }, preHandler: read },
    (req) => volunteers.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/volunteers',
    { schema: { tags, body: VolunteerRegister, response: { 201: Volunteer } }, preHandler: organize },
    (req, reply) => created(reply, volunteers.registerBy(app.database, ctxOf(req), app.cipher, req.body)),
  );
  app.get(
    '/api/volunteers/teams',
    { schema: { tags, response: { 200: z.array(Team) } }, preHandler: read },
    (req) => volunteers.teams(app.database, ctxOf(req)),
  );
  app.post(
    '/api/volunteers/teams',
    { schema: { tags, body: TeamCreate, response: { 201: Team } }, preHandler: organize },
    (req, reply) => created(reply, volunteers.createTeam(app.database, ctxOf(req), req.body)),
  );
  app.get(
    '/api/volunteers/activities',
    { schema: { tags, querystring: ActivityQuery, response: { 200: ActivityPage } }, preHandler: read },
    (req) => activities.list(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/volunteers/activities',
    { schema: { tags, body: ActivityCreate, response: { 201: ActivityDetail } }, preHandler: organize },
    (req, reply) => created(reply, activities.create(app.database, ctxOf(req), req.body)),
  );
  app.get(
    '/api/volunteers/activities/:id',
    { schema: { tags, params: IdParams, response: { 200: ActivityDetail } }, preHandler: read },
    (req) => activities.get(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/volunteers/activities/:id/code',
    { schema: { tags, params: IdParams, response: { 200: CheckInCode } }, preHandler: organize },
    (req) => activities.code(app.database, ctxOf(req), app.cipher, req.params.id),
  );
  app.post(
    '/api/volunteers/signups/:id/check',
    {
      schema: { tags, params: IdParams, body: ConfirmInput, response: { 200: RosterEntry } },
      preHandler: organize,
    },
    (req) => activities.confirm(app.database, ctxOf(req), req.params.id, req.body.action),
  );
  app.post(
    '/api/volunteers/signups/:id/approval',
    {
      schema: { tags, params: IdParams, body: ApproveInput, response: { 200: RosterEntry } },
      preHandler: organize,
    },
    (req) => hours.approve(app.database, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/volunteers/records/:id/correction',
    {
      schema: { tags, params: IdParams, body: CorrectInput, response: { 200: RosterEntry } },
      preHandler: organize,
    },
    (req) => hours.correct(app.database, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/volunteers/me',
    { schema: { tags, response: { 200: Volunteer } }, preHandler: serve },
    (req) => volunteers.me(app.database, ctxOf(req)),
  );
  app.post(
    '/api/volunteers/me',
    { schema: { tags, body: VolunteerSelfRegister, response: { 201: Volunteer } }, preHandler: serve },
    (req, reply) => created(reply, volunteers.registerSelf(app.database, ctxOf(req), app.cipher, req.body)),
  );
  app.patch(
    '/api/volunteers/me',
    { schema: { tags, body: VolunteerUpdate, response: { 200: Volunteer } }, preHandler: serve },
    (req) => volunteers.updateSelf(app.database, ctxOf(req), req.body),
  );
  app.get(
    '/api/volunteers/me/activities',
    { schema: { tags, querystring: ActivityQuery, response: { 200: ActivityPage } }, preHandler: serve },
    (req) => activities.mine(app.database, ctxOf(req), req.query),
  );
  app.post(
    '/api/volunteers/me/activities/:id/signup',
    { schema: { tags, params: IdParams, response: { 201: Activity } }, preHandler: serve },
    (req, reply) => created(reply, activities.signUp(app.database, ctxOf(req), req.params.id)),
  );
  app.post(
    '/api/volunteers/me/check',
    { schema: { tags, body: ScanInput, response: { 200: Activity } }, preHandler: serve },
    (req) => activities.scan(app.database, ctxOf(req), app.cipher, req.body.token, req.body.action),
  );
  app.get(
    '/api/volunteers/me/hours',
    { schema: { tags, response: { 200: HoursSummary } }, preHandler: serve },
    (req) => hours.myHours(app.database, ctxOf(req)),
  );
  app.post(
    '/api/volunteers/me/certificates',
    { schema: { tags, response: { 201: CertificateCheck } }, preHandler: serve },
    (req, reply) => created(reply, hours.issue(app.database, ctxOf(req))),
  );
  app.get(
    '/api/volunteers/me/certificates/:serial/pdf',
    { schema: { tags, params: SerialParams }, preHandler: serve },
    async (req, reply) => {
      const body = await hours.pdf(app.database, ctxOf(req), req.params.serial);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="certificate-${req.params.serial}.pdf"`);
      return reply.send(body);
    },
  );

  app.get(
    '/api/public/volunteer-certificates/:serial',
    {
      schema: { tags, params: SerialParams, response: { 200: CertificateCheck } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    (req) => hours.verify(app.database, req.params.serial),
  );
}
