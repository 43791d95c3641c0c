import { type Static, Type } from 'typebox';
import { SERVICE_ADMIN_ACTIONS } from './connected-service.schema.ts';
import { ErrandTypeId } from './errand-types.schema.ts';
import { Cursor } from './errands.schema.ts';
import { UnitAdminChangeQuery } from './unit-admin.schema.ts';
import { REPLY_TIME_MAX_AMOUNT, REPLY_TIME_UNITS, ReplyTime } from './unit-contact.schema.ts';

// A regional administrator's view: the region's units at a glance, the region's base offering
// (which national errand types its units may offer, and their defaults), and its change record.

const strict = { additionalProperties: false } as const;
const Timestamp = Type.Integer({ description: 'Epoch milliseconds.' });
const Text2 = Type.Object({ sv: Type.String(), en: Type.String() });

export const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });
export type RegionRef = Static<typeof RegionRef>;

/** One unit of the region, with what it offers citizens now and its main settings. */
export const RegionUnit = Type.Object({
  hsaId: Type.String(),
  name: Type.String(),
  municipality: Type.String(),
  kind: Type.String(),
  /** The errand types citizens can send the unit now (the region's frame applied), in the national order. */
  offered: Type.Array(Type.Object({ id: Type.String(), name: Text2 })),
  /** National types the unit has switched on but the region does not allow: hidden from citizens. */
  blockedByRegion: Type.Array(Type.String()),
  /** How many custom types of its own the unit offers. */
  customTypes: Type.Integer({ minimum: 0 }),
  /** Whether "something new has arrived" e-mails go anywhere. */
  hasNotificationEmail: Type.Boolean(),
  mailboxNotifications: Type.Union([Type.Literal('each'), Type.Literal('daily-digest'), Type.Null()]),
  staffNames: Type.Union([Type.Literal('full-name'), Type.Literal('profession'), Type.Null()]),
  /** When a unit administrator last changed anything; null if none has. */
  lastChangedAt: Type.Union([Timestamp, Type.Null()]),
});
export type RegionUnit = Static<typeof RegionUnit>;

export const RegionUnitList = Type.Object({ region: RegionRef, items: Type.Array(RegionUnit) });
export type RegionUnitList = Static<typeof RegionUnitList>;

/** The region's frame for one national errand type. */
export const RegionErrandTypePolicy = Type.Object({
  errandType: Type.String(),
  name: Text2,
  description: Text2,
  /** Whether the region's units may offer it. */
  allowed: Type.Boolean(),
  /** Defaults a unit starts from when it sets the type up. */
  openToProxies: Type.Boolean(),
  citizenMayReply: Type.Boolean(),
  /** Shown on the contact cards of units that promise no reply time of their own. */
  replyTime: Type.Union([ReplyTime, Type.Null()]),
  /** How many of the region's units have it switched on (whether or not the region allows it now). */
  unitsEnabled: Type.Integer({ minimum: 0 }),
  updatedAt: Type.Union([Timestamp, Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type RegionErrandTypePolicy = Static<typeof RegionErrandTypePolicy>;

export const RegionOffering = Type.Object({ region: RegionRef, items: Type.Array(RegionErrandTypePolicy) });
export type RegionOffering = Static<typeof RegionOffering>;

export const RegionErrandTypePolicyBody = Type.Object(
  {
    errandType: ErrandTypeId,
    allowed: Type.Boolean(),
    openToProxies: Type.Boolean(),
    citizenMayReply: Type.Boolean(),
    replyTime: Type.Union([
      Type.Object(
        {
          amount: Type.Integer({ minimum: 1, maximum: REPLY_TIME_MAX_AMOUNT }),
          unit: Type.Enum(REPLY_TIME_UNITS),
        },
        strict,
      ),
      Type.Null(),
    ]),
  },
  strict,
);

/** The whole base offering at once (one save): every national type, each once. */
export const RegionOfferingBody = Type.Object(
  { items: Type.Array(RegionErrandTypePolicyBody, { maxItems: 100 }) },
  strict,
);
export type RegionOfferingBody = Static<typeof RegionOfferingBody>;

export const REGION_ADMIN_ACTIONS = [
  'errand-type-allowed',
  'errand-type-disallowed',
  'errand-type-defaults-changed',
  ...SERVICE_ADMIN_ACTIONS,
] as const;
export type RegionAdminAction = (typeof REGION_ADMIN_ACTIONS)[number];

export const RegionAdminChange = Type.Object({
  at: Timestamp,
  staffHsaId: Type.String(),
  staffName: Type.String(),
  action: Type.String(),
  errandType: Type.Union([Type.String(), Type.Null()]),
  /** The connected service a change was about. */
  serviceId: Type.Union([Type.String(), Type.Null()]),
});

export const RegionAdminChangeList = Type.Object({
  items: Type.Array(RegionAdminChange),
  nextCursor: Type.Union([Cursor, Type.Null()]),
});
export type RegionAdminChangeList = Static<typeof RegionAdminChangeList>;

/** The same paging as a unit's change record. */
export const RegionAdminChangeQuery = UnitAdminChangeQuery;
