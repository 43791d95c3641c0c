export * from './errand-access.ts';
export * from './errand-actions.ts';
export * from './errand-state.ts';
