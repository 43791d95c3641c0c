export * from './unit-closures.ts';
