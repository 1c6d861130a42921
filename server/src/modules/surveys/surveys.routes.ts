import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import {
  AnswersExportQuery,
  CampaignCreate,
  CampaignDetail,
  CampaignPage,
  CampaignQuery,
  CampaignResults,
  FormImportFields,
  IdParams,
  Paging,
  Submission,
  SubmissionCreate,
  SurveyFormDetail,
  SurveyFormPage,
  Campaign,
} from '@anju/contracts';
import { ctxOf } from '../../platform/auth/auth.plugin.ts';
import { withForm } from '../../platform/files/import/form.ts';
import { CONTENT_TYPES } from '../../platform/files/tabular.ts';
import { importDir } from '../registry/import/import.service.ts';
import { exportAnswers } from './surveys.export.ts';
import * as surveys from './surveys.service.ts';

/** XLSForm surveys: forms imported from Excel, campaigns, answers from phones and door to door, results. */
export async function surveysRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(multipart, {
    limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
  });
  const read = app.authorize('survey:read');
  const write = app.authorize('survey:write');
  const answer = app.authorize(['survey:answer', 'survey:respond']);
  // campaigns are read by officials and by the residents who answer them
  const readOrAnswer = app.authorize(['survey:read', 'survey:respond']);
  const tags = ['surveys'];
  const dir = importDir(app.config.dataDir);

  app.post(
    '/api/surveys/forms',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: SurveyFormDetail } },
      preHandler: write,
    },
    async (req, reply) => {
      const form = await withForm(req, dir, 10 * 1024 * 1024, FormImportFields, (upload, fields) =>
        surveys.importForm(app.database, ctxOf(req), upload, fields),
      );
      reply.status(201);
      return form;
    },
  );
  app.get(
    '/api/surveys/forms',
    { schema: { tags, querystring: Paging, response: { 200: SurveyFormPage } }, preHandler: read },
    (req) => surveys.listForms(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/surveys/forms/:id',
    { schema: { tags, params: IdParams, response: { 200: SurveyFormDetail } }, preHandler: read },
    (req) => surveys.getForm(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/surveys/campaigns',
    { schema: { tags, body: CampaignCreate, response: { 201: Campaign } }, preHandler: write },
    async (req, reply) => {
      reply.status(201);
      return surveys.createCampaign(app.database, ctxOf(req), req.body);
    },
  );
  app.get(
    '/api/surveys/campaigns',
    {
      schema: { tags, querystring: CampaignQuery, response: { 200: CampaignPage } },
      preHandler: readOrAnswer,
    },
    (req) => surveys.listCampaigns(app.database, ctxOf(req), req.query),
  );
  app.get(
    '/api/surveys/campaigns/:id',
    { schema: { tags, params: IdParams, response: { 200: CampaignDetail } }, preHandler: readOrAnswer },
    (req) => surveys.getCampaign(app.database, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/surveys/campaigns/:id/submissions',
    {
      schema: { tags, params: IdParams, body: SubmissionCreate, response: { 201: Submission } },
      preHandler: answer,
    },
    async (req, reply) => {
      reply.status(201);
      return surveys.submit(app.database, ctxOf(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/surveys/campaigns/:id/results',
    { schema: { tags, params: IdParams, response: { 200: CampaignResults } }, preHandler: read },
    (req) => surveys.results(app.database, ctxOf(req), req.params.id),
  );
  app.get(
    '/api/surveys/campaigns/:id/answers',
    { schema: { tags, params: IdParams, querystring: AnswersExportQuery }, preHandler: read },
    async (req, reply) => {
      const file = await exportAnswers(app.database, ctxOf(req), req.params.id, req.query.format);
      reply.header('content-type', CONTENT_TYPES[req.query.format]);
      reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
      return reply.send(file.stream);
    },
  );
}
