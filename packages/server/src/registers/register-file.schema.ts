import { type Static, Type } from 'typebox';
import { CARE_UNIT_KINDS, INSTALLATION_ROLES, PROFESSIONS, UNIT_ROLES } from './hsa-catalogue.ts';

/**
 * The two files the file adapter reads. Unknown properties are refused so that a misspelt
 * field is reported instead of silently ignored. Checks that need more than one record
 * (unique keys, references) live in register-file.validation.ts.
 */

export const POPULATION_FILE_NAME = 'population.json';
export const HSA_FILE_NAME = 'hsa.json';

const strict = { additionalProperties: false } as const;

// Checksum and date are checked with the personnummer package after the schema passes.
const PersonnummerSchema = Type.String({ pattern: '^[0-9]{12}$', description: '12 digits, YYYYMMDDNNNC' });
const HsaIdSchema = Type.String({ pattern: '^SE[0-9]{10}-[0-9A-Za-z]+$', maxLength: 31 });
const TextSchema = Type.String({ minLength: 1, maxLength: 200 });

const NameSchema = Type.Object({ given: TextSchema, family: TextSchema }, strict);
const MunicipalitySchema = Type.Object({ code: Type.String({ pattern: '^[0-9]{4}$' }), name: TextSchema }, strict);
const PostalAddressSchema = Type.Object(
  { street: TextSchema, postalCode: Type.String({ pattern: '^[0-9]{3} [0-9]{2}$' }), city: TextSchema },
  strict,
);

export const PersonRecordSchema = Type.Object(
  {
    personnummer: PersonnummerSchema,
    name: NameSchema,
    address: PostalAddressSchema,
    municipality: MunicipalitySchema,
    mobile: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164' })),
    guardians: Type.Array(PersonnummerSchema, { maxItems: 4 }),
    protectedIdentity: Type.Boolean(),
    mailForwarding: Type.Boolean(),
    /** Deceased (avliden); absent means alive. Kept in the register so old errands still name the person. */
    deceased: Type.Optional(Type.Boolean()),
    /** The HSA-id of the unit the person is listed at (a unit in hsa.json); absent: not listed. */
    listedUnitHsaId: Type.Optional(HsaIdSchema),
  },
  strict,
);
export type PersonRecord = Static<typeof PersonRecordSchema>;

/** `population.json`. Children are not stored: they are derived from the children's `guardians`. */
export const PopulationFileSchema = Type.Object(
  { version: Type.Literal(1), people: Type.Array(PersonRecordSchema) },
  strict,
);
export type PopulationFile = Static<typeof PopulationFileSchema>;

const RegionSchema = Type.Object({ code: Type.String({ pattern: '^[0-9]{2}$' }), name: TextSchema }, strict);

const CareUnitSchema = Type.Object(
  {
    hsaId: HsaIdSchema,
    name: TextSchema,
    regionCode: Type.String({ pattern: '^[0-9]{2}$' }),
    municipality: MunicipalitySchema,
    address: PostalAddressSchema,
    kind: Type.Enum(CARE_UNIT_KINDS),
  },
  strict,
);

const UnitCommissionSchema = Type.Object(
  { unitHsaId: HsaIdSchema, roles: Type.Array(Type.Enum(UNIT_ROLES), { minItems: 1, uniqueItems: true }) },
  strict,
);

const RegionCommissionSchema = Type.Object(
  { regionCode: Type.String({ pattern: '^[0-9]{2}$' }), role: Type.Literal('region-administrator') },
  strict,
);

export const EmployeeRecordSchema = Type.Object(
  {
    hsaId: HsaIdSchema,
    personnummer: PersonnummerSchema,
    name: NameSchema,
    profession: Type.Enum(PROFESSIONS),
    commissions: Type.Array(UnitCommissionSchema),
    regionCommissions: Type.Array(RegionCommissionSchema),
    /** Roles over the whole installation (Kontakta's own field); optional so existing files stay valid. */
    installationRoles: Type.Optional(Type.Array(Type.Enum(INSTALLATION_ROLES), { uniqueItems: true, maxItems: 1 })),
  },
  strict,
);
export type EmployeeRecord = Static<typeof EmployeeRecordSchema>;

/** `hsa.json`: the catalogue's regions, care units and staff. */
export const HsaFileSchema = Type.Object(
  {
    version: Type.Literal(1),
    regions: Type.Array(RegionSchema),
    careUnits: Type.Array(CareUnitSchema),
    employees: Type.Array(EmployeeRecordSchema),
  },
  strict,
);
export type HsaFile = Static<typeof HsaFileSchema>;
