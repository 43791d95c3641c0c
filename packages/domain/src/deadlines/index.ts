export * from './swedish-holidays.ts';
export * from './working-time.ts';
