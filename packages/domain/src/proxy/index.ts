// Proxy for children (ombud): who may act for whom, and until when.
export * from './proxy-rules.ts';
