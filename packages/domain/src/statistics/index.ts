export * from './answer-time-histogram.ts';
export * from './statistics-periods.ts';
export * from './suppression.ts';
