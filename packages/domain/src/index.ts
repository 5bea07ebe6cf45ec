export * from './ticket/status.js';
export * from './ticket/customer-tab.js';
export * from './ticket/actor.js';
export * from './ticket/ticket-state.js';
export * from './ticket/domain-error.js';
export * from './ticket/transitions.js';
export * from './ticket/company-clock.js';
export * from './ticket/due-date.js';
