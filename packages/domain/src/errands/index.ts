export * from './errand-access.ts';
export * from './errand-state.ts';
