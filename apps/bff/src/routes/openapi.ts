/**
 * OpenAPI 3.1 description of the chat-tool API (served at GET /openapi.json). Hand-written next to
 * integration-routes.ts; openapi.test.ts checks it lists every integration route and each documented one answers (not 404).
 */
const errorBody = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } },
};
const priority = { type: 'string', enum: ['baixa', 'media', 'alta', 'urgente'] };

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Atende — API de integração',
    version: '1.0.0',
    description:
      'Registrar conversa (seed 001 §1.1–1.2) from a chat tool. Authenticate with an agent API token (`POST /api/agent/api-tokens` in the console, shown once) as `Authorization: Bearer <token>`. The transcript becomes a public message of the ticket (the customer sees it); the summary an internal note.',
  },
  components: {
    securitySchemes: { agentToken: { type: 'http', scheme: 'bearer', description: 'Agent API token' } },
    schemas: {
      Error: errorBody,
      ConversationResult: {
        type: 'object',
        required: ['ticket', 'created'],
        properties: {
          created: { type: 'boolean' },
          ticket: { type: 'object', properties: { id: { type: 'integer' }, status: { type: 'string' }, origin: { type: 'string' }, version: { type: 'integer' } } },
        },
      },
      NewConversation: {
        type: 'object',
        additionalProperties: false,
        required: ['mode', 'subject', 'departmentId', 'priority', 'transcript', 'summary', 'idempotencyKey'],
        properties: {
          mode: { const: 'new' },
          subject: { type: 'string', minLength: 1, maxLength: 200 },
          departmentId: { type: 'integer', minimum: 1 },
          priority,
          transcript: { type: 'string', minLength: 1, maxLength: 10000 },
          summary: { type: 'string', minLength: 1, maxLength: 10000 },
          idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,100}$', description: 'A repeated request with the same key returns the first ticket (200, created: false).' },
        },
      },
      AppendConversation: {
        type: 'object',
        additionalProperties: false,
        required: ['mode', 'ticketId', 'transcript', 'summary', 'resolve'],
        properties: {
          mode: { const: 'append' },
          ticketId: { type: 'integer', minimum: 1, description: "One of this contact's tickets." },
          transcript: { type: 'string', minLength: 1, maxLength: 10000 },
          summary: { type: 'string', minLength: 1, maxLength: 10000 },
          resolve: { type: 'boolean', description: '"Acrescentar e resolver": the ticket becomes resolved; otherwise it becomes open.' },
          expectedVersion: { type: 'integer', minimum: 1, description: 'Optional: refuse with 409 if the ticket changed since this version.' },
        },
      },
    },
  },
  paths: {
    '/integrations/conversations': {
      post: {
        summary: 'Registrar conversa: new ticket, or append (and optionally resolve)',
        security: [{ agentToken: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['contactEmail', 'conversation'],
                properties: {
                  contactEmail: { type: 'string', format: 'email', maxLength: 254 },
                  conversation: { oneOf: [{ $ref: '#/components/schemas/NewConversation' }, { $ref: '#/components/schemas/AppendConversation' }], discriminator: { propertyName: 'mode' } },
                },
              },
            },
          },
        },
        responses: {
          '201': { description: 'New ticket created', content: { 'application/json': { schema: { $ref: '#/components/schemas/ConversationResult' } } } },
          '200': { description: 'Appended (or an idempotent replay of a new one)', content: { 'application/json': { schema: { $ref: '#/components/schemas/ConversationResult' } } } },
          '400': { description: 'Invalid body', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '401': { description: 'Missing, invalid or revoked token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '404': { description: "Unknown contact, or a ticket that is not this contact's", content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          '409': { description: 'The ticket changed since expectedVersion', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 JSON' } } },
    },
  },
} as const;
