// Retention: when errands are deleted, and under which month's deletion key they wait for it.
export * from './retention-rules.ts';
