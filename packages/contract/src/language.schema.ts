import { LANGUAGES } from '@kontakta/domain';
import { Type } from 'typebox';

/** A language the product is written in (the domain's LANGUAGES and Language type), as an HTTP schema. */
export const Language = Type.Enum(LANGUAGES);
