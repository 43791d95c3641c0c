import { type Static, Type } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
export type Health = Static<typeof Health>;

export const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
});
export type Readiness = Static<typeof Readiness>;
