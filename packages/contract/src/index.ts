// The HTTP contract shared by the server and the web app: request/response schemas and the error body.
export * from './answer-form.schema.ts';
export * from './auth.schema.ts';
export * from './calendar.schema.ts';
export * from './contact-card.schema.ts';
export * from './errand-types.schema.ts';
export * from './errands.schema.ts';
export * from './health.schema.ts';
export * from './idempotency.schema.ts';
export * from './language.schema.ts';
export * from './problem.schema.ts';
export * from './profile.schema.ts';
export * from './route.ts';
export * from './routes/index.ts';
export * from './session.schema.ts';
export * from './settings.schema.ts';
export * from './unit-admin.schema.ts';
