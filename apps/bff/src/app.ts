import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { apiLanguageOf, localizeErrorBody } from '@atende/contracts';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { AppEnv, Deps } from './http/app-env.js';
import { AppError } from './http/app-error.js';
import { requestLogger } from './http/request-logger.js';
import { sameOriginJson } from './http/same-origin-json.js';
import { securityHeaders } from './http/security-headers.js';
import { spaIndexAnswerer } from './http/spa-index.js';
import { firstAnswersElement, firstAnswersFor, firstScreenModule } from './http/first-answers.js';
import { buildManifestReader, modulePreloadLinks, pageChunkPaths } from './http/page-chunks.js';
import { loadSession } from './http/session-middleware.js';
import { adminRoutes } from './routes/admin-routes.js';
import { accountRoutes } from './routes/account-routes.js';
import { registrationRoutes } from './routes/registration-routes.js';
import { benchAutomationsRoute } from './http/bench-automations-route.js';
import { benchBareRoute } from './http/bench-bare-route.js';
import { agentRoutes } from './routes/agent-routes.js';
import { directoryRoutes } from './routes/directory-routes.js';
import { cannedReplyRoutes } from './routes/canned-reply-routes.js';
import { slaSettingsRoutes } from './routes/sla-settings-routes.js';
import { bulkRoutes } from './routes/bulk-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { apiTokenRoutes } from './routes/api-token-routes.js';
import { integrationRoutes } from './routes/integration-routes.js';
import { OPENAPI_DOCUMENT } from './routes/openapi.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { customerDecisionRoutes } from './routes/customer-decision-routes.js';
import { customerRoutes } from './routes/customer-routes.js';
import { newTicketRoutes } from './routes/new-ticket-routes.js';
import { ratingLinkRoutes } from './routes/rating-link-routes.js';
import { fileLinkRoutes } from './routes/file-link-routes.js';
import { ratingsRoutes } from './routes/ratings-routes.js';
import { inboundMailRoutes } from './routes/inbound-mail-routes.js';
import { teamRoutes } from './routes/team-routes.js';
import { companySettingsRoutes } from './routes/company-settings-routes.js';
import { contactImportRoutes } from './routes/contact-import-routes.js';
import { clientRecordsRoutes } from './routes/client-records-routes.js';
import { mailboxRoutes } from './routes/mailbox-routes.js';
import { signInLinkRoutes } from './routes/sign-in-link-routes.js';
import { signInSettingsRoutes } from './routes/sign-in-settings-routes.js';
import { automationSettingsRoutes } from './routes/automation-settings-routes.js';
import { attachmentRoutes } from './routes/attachment-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { heldMailRoutes } from './routes/held-mail-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import { agentPreferencesRoutes } from './routes/agent-preferences-routes.js';
import { createInProcessEventBus, createStreamRegistry } from './events/event-bus.js';
import { counterFor } from './http/rate-limiter.js';
import { createPresenceRegistry } from './events/presence.js';
import { presenceRoutes } from './routes/presence-routes.js';
import { attachmentMessages } from './attachments/attachment-errors.js';

/** The typed API: the SPA's client is derived from this type (hc<ApiType>), never hand-written. */
export function createApi() {
  return new Hono<AppEnv>()
    .route('/auth', authRoutes())
    .route('/auth', signInLinkRoutes())
    .route('/customer', customerRoutes())
    .route('/customer', newTicketRoutes())
    .route('/customer', customerDecisionRoutes())
    .route('/agent', agentRoutes())
    .route('/agent', directoryRoutes())
    .route('/agent', clientRecordsRoutes())
    .route('/agent', apiTokenRoutes())
    .route('/ratings', ratingsRoutes())
    .route('/public/ratings', ratingLinkRoutes())
    .route('/public/files', fileLinkRoutes())
    .route('/account', accountRoutes())
    .route('/registration', registrationRoutes())
    // Before adminRoutes: its catch-all audit middleware would log a second, generic entry.
    .route('/admin/team', teamRoutes())
    .route('/admin/contact-import', contactImportRoutes())
    .route('/admin/company-settings', companySettingsRoutes())
    .route('/admin/sign-in-settings', signInSettingsRoutes())
    .route('/admin', adminRoutes())
    .route('/admin', auditRoutes())
    .route('/admin/mailbox', mailboxRoutes())
    .route('/admin/automation-settings', automationSettingsRoutes())
    .route('/agent', cannedReplyRoutes())
    .route('/agent', bulkRoutes())
    .route('/agent', reportRoutes())
    .route('/admin/sla-settings', slaSettingsRoutes())
    .route('/', attachmentRoutes())
    .route('/', eventRoutes())
    .route('/agent', notificationRoutes())
    .route('/agent', agentPreferencesRoutes())
    .route('/agent', heldMailRoutes())
    .route('/agent', presenceRoutes());
}
export type ApiType = ReturnType<typeof createApi>;

const API_BODY_LIMIT = 64 * 1024;
/** The one multipart route: files stream to disk under their own limits (attachments/receive-upload.ts). */
export const UPLOAD_PATH = '/api/uploads';
/** A contacts CSV (10,000 rows ≈ 1 MB, base64) is the one larger JSON body. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;

export function createApp(deps: Deps) {
  deps.events ??= createInProcessEventBus();
  deps.throttles ??= counterFor(deps.db);
  deps.liveStreams ??= createStreamRegistry(deps.config.eventStreamsPerSession);
  deps.presence ??= createPresenceRegistry();
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('session', null);
    await next();
  });
  app.use(requestId());
  app.use(securityHeaders({ hsts: deps.config.env !== 'development' })); // HSTS everywhere but a developer's machine
  app.use(requestLogger());

  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200));

  // Mail providers' inbound webhooks post raw RFC 822 here (bearer token; not a browser JSON API).
  app.route('/inbound-mail', inboundMailRoutes());
  // Chat tools (agent API token, no cookie/CSRF) and their OpenAPI description.
  app.route('/integrations', integrationRoutes());
  app.get('/openapi.json', (c) => c.json(OPENAPI_DOCUMENT, 200));

  app.use('/api/*', async (c, next) => {
    // Authenticated answers are never cached. Prepared before the handler, so c.json() includes it
    // (a header set on a finished response makes Hono copy the response).
    c.header('Cache-Control', 'no-store');
    await next();
  });
  const limitBody = bodyLimit({ maxSize: API_BODY_LIMIT, onError: () => { throw new AppError('payload_too_large'); } });
  // Reads have no body to limit; asking a GET for its body would build a full Fetch Request for nothing.
  const limitImportBody = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: () => { throw new AppError('payload_too_large'); } });
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path === UPLOAD_PATH
      ? next()
      : c.req.path.startsWith('/api/admin/contact-import')
        ? limitImportBody(c, next)
        : limitBody(c, next),
  );
  app.use('/api/*', sameOriginJson(deps.config.allowedOrigins, { multipartPaths: [UPLOAD_PATH] }));
  if (deps.config.benchBareRoute) app.get('/api/bench/bare', benchBareRoute());
  // Outside createApi() like the bare route: the benchmark's switch, not a route of the portal's API.
  if (deps.config.benchAutomationsRoute) app.post('/api/bench/automations', benchAutomationsRoute());
  app.use('/api/*', loadSession());
  app.route('/api', createApi());
  app.all('/api/*', () => {
    throw new AppError('not_found');
  });

  mountSpa(app, deps.config.webDist);

  app.onError((error, c) => {
    // Issue 15: the text follows the request's language (the SPA sends its own as Accept-Language).
    const language = apiLanguageOf(c.req.header('accept-language'));
    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds) c.header('Retry-After', String(error.extra.retryAfterSeconds));
      return c.json(localizeErrorBody(error.toBody(), language), error.status);
    }
    if ((error as { code?: unknown }).code === 'attachment_unavailable') {
      // Two messages raced for one upload: the loser changed nothing (its transaction rolled back).
      return c.json(new AppError('validation_failed', { fields: { attachmentIds: attachmentMessages.unavailable() } }).toBody(), 400);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.status === 413 ? 'payload_too_large' : error.status === 404 ? 'not_found' : 'validation_failed';
      return c.json(localizeErrorBody(new AppError(code).toBody(), language), new AppError(code).status);
    }
    deps.logger.error({ requestId: c.get('requestId'), err: error }, 'unhandled error');
    return c.json({ ...localizeErrorBody(new AppError('internal_error').toBody(), language), requestId: c.get('requestId') }, 500);
  });
  return app;
}

/** Serves the built SPA: hashed assets cached for a year, every other GET answered with index.html. */
function mountSpa(app: Hono<AppEnv>, webDist: string) {
  // A signed-in customer's panel or ticket page comes with its first screen's answers inside
  // (first-answers.ts), and a lazily loaded page names its scripts, so a phone opening a ticket link
  // from an e-mail fetches them with the entry instead of after it has run (page-chunks.ts).
  const manifest = buildManifestReader(webDist);
  const answerWithIndex = spaIndexAnswerer(join(webDist, 'index.html'), async (c) => {
    const answers = await firstAnswersFor(app, c);
    if (!answers) return null;
    const module = firstScreenModule(new URL(c.req.url).pathname);
    return { head: module ? modulePreloadLinks(pageChunkPaths(manifest(), module)) : '', body: firstAnswersElement(answers) };
  });
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  // The bundle is text: compression cuts the first load to a third (Lighthouse's "text compression").
  // The web build writes .br and .gz beside each asset (apps/web/build/first-load-plugins.ts), sent as
  // they are; compress() gzips only what has none.
  app.use('/assets/*', compress());
  // Only /assets is served from the directory: "/" and "/index.html" are pages like any other, so they
  // get index.html with its CSP hash and ETag (spa-index.ts), never the bare file.
  if (existsSync(webDist)) app.use('/assets/*', serveStatic({ root: webDist, precompressed: true }));
  // A missing hashed file is a 404: index.html under an asset's name would be cached for a year.
  app.get('/assets/*', () => {
    throw new AppError('not_found');
  });
  app.get('*', async (c) => (await answerWithIndex(c)) ?? c.text('The web app is not built: run `pnpm build`.', 503));
}
