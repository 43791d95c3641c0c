// Pure rules of Kontakta: no I/O, no clock (time is always an argument).
export * from './actors/actor.ts';
export * from './closures/index.ts';
export * from './deadlines/index.ts';
export * from './errand-types/index.ts';
export * from './errands/index.ts';
export * from './forms/index.ts';
export * from './language/index.ts';
export * from './personnummer/index.ts';
export * from './proxy/index.ts';
export * from './retention/index.ts';
export * from './search/index.ts';
export * from './statistics/index.ts';
