import "./zod-locale.js";
export * from './errors.js';
export * from './schemas.js';
export * from './portal-schemas.js';
export * from './account-schemas.js';
export * from './directory-schemas.js';
export * from './ticket-event-schemas.js';
export * from './attachment-schemas.js';
export * from './people-schemas.js';
