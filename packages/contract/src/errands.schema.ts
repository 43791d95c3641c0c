import { ERRAND_STATUSES } from '@kontakta/domain';
import { type Static, Type } from 'typebox';
import { ErrandNotificationStatus } from './settings.schema.ts';

// The errand API: what citizens and staff send and get back. Response schemas are whitelists:
// a field not named here never leaves the server.

export const Localized = Type.Object({ sv: Type.String(), en: Type.String() });
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
export const HsaId = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
export const Cursor = Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]*$' });

/** The domain's errand statuses (ERRAND_STATUSES), as an HTTP schema. */
export const ErrandStatus = Type.Enum(ERRAND_STATUSES);

export const UnitRef = Type.Object({ hsaId: Type.String(), name: Type.String() });
export const ErrandTypeRef = Type.Object({ id: Type.String(), name: Localized });
/** Who an errand is from, for staff only: the personnummer as 12 digits (YYYYMMDDNNNC) and the full name. */
export const CitizenRef = Type.Object({ personnummer: Type.String(), name: Type.String() });

export const ErrandSummary = Type.Object(
  {
    id: Type.String(),
    unit: UnitRef,
    errandType: ErrandTypeRef,
    status: ErrandStatus,
    createdAt: Type.Integer(),
    lastEventAt: Type.Integer(),
    unread: Type.Boolean(),
    hasAnswer: Type.Boolean(),
    archived: Type.Boolean(),
    /** Within the retention notice period: the ISO date the errand is deleted ("tas bort <datum>"); else null. */
    deletesOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  },
  { $id: 'ErrandSummary' },
);
export type ErrandSummary = Static<typeof ErrandSummary>;

export const CitizenErrandList = Type.Object({
  items: Type.Array(ErrandSummary),
  nextCursor: Type.Union([Cursor, Type.Null()]),
  counts: Type.Object({ inbox: Type.Integer(), unread: Type.Integer(), sent: Type.Integer(), archive: Type.Integer() }),
});

export const PersonRef = Type.Object({
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('staff')]),
  /** A citizen's name, or staff shown as the unit chooses (full name, or profession only). */
  display: Type.String(),
  /** Set when a guardian acted as proxy (ombud): `display` is the guardian, this the child they acted for. */
  onBehalfOf: Type.Optional(Type.String()),
});

export const ErrandMessage = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('submission'), Type.Literal('answer'), Type.Literal('citizen-reply')]),
    author: PersonRef,
    createdAt: Type.Integer(),
    /** The answers, shaped by `form`. */
    answers: Type.Unknown(),
    /** The form definition the answers follow (the version they were written with). */
    form: Type.Unknown(),
  },
  { $id: 'ErrandMessage' },
);

export const ErrandHistoryEntry = Type.Object(
  {
    type: Type.String(),
    at: Type.Integer(),
    actor: PersonRef,
    assignee: Type.Optional(Type.String()),
  },
  { $id: 'ErrandHistoryEntry' },
);

/**
 * An errand as its citizen sees it. A whitelist of its own, so that nothing only staff may see
 * (who has the errand, the citizen's personnummer, where notifications went) can reach a citizen,
 * whatever the presenter hands the serializer.
 */
export const CitizenErrandDetail = Type.Object({
  ...ErrandSummary.properties,
  replyAllowed: Type.Boolean(),
  messages: Type.Array(ErrandMessage),
  history: Type.Array(ErrandHistoryEntry),
});
export type CitizenErrandDetail = Static<typeof CitizenErrandDetail>;

/** An errand as staff see it: the citizen's view plus what only staff may see. */
/** A staff-only note on an errand. */
export const ErrandNote = Type.Object({
  id: Id,
  author: Type.String(),
  createdAt: Type.Integer(),
  text: Type.String(),
});

export const NoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

/** Routing several errands at once: all to one caregiver. */
export const BulkAssignBody = Type.Object(
  {
    errandIds: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }),
    caregiverHsaId: HsaId,
  },
  { additionalProperties: false },
);

/** Per errand: routed, or why not (the same reasons as one at a time; another unit's is not-found). */
export const BulkAssignResult = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      outcome: Type.Union([Type.Literal('assigned'), Type.Literal('refused')]),
      reason: Type.Optional(Type.String()),
    }),
  ),
});

export const StaffErrandDetail = Type.Object({
  ...CitizenErrandDetail.properties,
  /** The HSA id of the caregiver who has the errand. */
  assignedTo: Type.Union([Type.String(), Type.Null()]),
  /** Who the errand is about. */
  citizen: Type.Optional(CitizenRef),
  /** The guardian who sent it as proxy (ombud) for the child in `citizen`, when one did. */
  sentByProxy: Type.Optional(CitizenRef),
  /** How the citizen's notifications about this errand fared (a wrong number is common). */
  notifications: Type.Optional(Type.Array(ErrandNotificationStatus)),
  /** Internal notes between staff, oldest first; never in any citizen response. */
  notes: Type.Optional(Type.Array(ErrandNote)),
});
export type StaffErrandDetail = Static<typeof StaffErrandDetail>;

export const SendErrandBody = Type.Object(
  {
    unitHsaId: HsaId,
    errandType: Type.String({ minLength: 1, maxLength: 80 }),
    formVersionId: Id,
    answers: Type.Record(Type.String({ maxLength: 80 }), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const ReplyBody = Type.Object(
  { message: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

export const AnswerBody = Type.Object(
  { answers: Type.Record(Type.String({ maxLength: 80 }), Type.Unknown()) },
  { additionalProperties: false },
);

/** A message-only answer: the structured answer already given stands. */
export const MessageAnswerBody = Type.Object(
  {
    message: Type.String({ minLength: 1, maxLength: 5000 }),
    /** Offer the citizen a reply (only where the unit allows replies for the type). */
    citizenMayReply: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * Closing an errand: a message to the citizen, stored in the thread like an answer. Required when
 * nobody has answered the errand (the server names `body.message` then), optional otherwise.
 */
export const CloseBody = Type.Object(
  { message: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })) },
  { additionalProperties: false },
);

export const AssignBody = Type.Object({ caregiverHsaId: HsaId }, { additionalProperties: false });

export const Created = Type.Object({ id: Type.String() });

/** The staff inbox's filters (the inbox page gives each a label and its own order). */
export const INBOX_FILTERS = ['all', 'new', 'unassigned', 'mine', 'assigned', 'unanswered', 'closed'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

/**
 * How the unit's list is ordered: by received (oldest first, or newest first), by how long the
 * errand has waited for the unit (longest first; only errands that wait), by type or by status
 * (each then oldest first).
 */
export const INBOX_SORTS = ['received', 'received-desc', 'waiting', 'type', 'status'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const StaffInboxQuery = Type.Object(
  {
    filter: Type.Optional(Type.Enum(INBOX_FILTERS)),
    sort: Type.Optional(Type.Enum(INBOX_SORTS)),
    /** A personnummer (10 or 12 digits, dash optional) or words of the citizen's name. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    caregiver: Type.Optional(HsaId),
    olderThanDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    errandType: Type.Optional(Type.String({ maxLength: 80 })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const StaffErrandSummary = Type.Object(
  {
    ...ErrandSummary.properties,
    /** Who the errand is about (a guardian may have sent it), so staff can route it without opening it. */
    citizen: CitizenRef,
    assignedTo: Type.Union([Type.String(), Type.Null()]),
    waitingSince: Type.Union([Type.Integer(), Type.Null()]),
    /** When the citizen replied, while the reply waits for the unit ("Nytt meddelande från invånaren"). */
    citizenReplyAt: Type.Union([Type.Integer(), Type.Null()]),
    /**
     * When the answer is due: the unit's reply time for the type, in its opening hours without
     * holidays, from when the errand began to wait. Null when it does not wait or has no reply time.
     */
    replyBy: Type.Union([Type.Integer(), Type.Null()]),
  },
  { $id: 'StaffErrandSummary' },
);
export type StaffErrandSummary = Static<typeof StaffErrandSummary>;

export const StaffErrandList = Type.Object({
  items: Type.Array(StaffErrandSummary),
  nextCursor: Type.Union([Cursor, Type.Null()]),
  counts: Type.Object({
    new: Type.Integer(),
    unassigned: Type.Integer(),
    mine: Type.Integer(),
    unanswered: Type.Integer(),
  }),
});

/**
 * A caregiver's own errands: by default those waiting for them (assigned, or with a citizen's reply);
 * `all` adds the ones they have answered.
 */
export const MyErrandsQuery = Type.Object(
  {
    show: Type.Optional(Type.Union([Type.Literal('waiting'), Type.Literal('all')])),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

/** A caregiver's own errands across the units where they serve. */
export const MyErrandList = Type.Object({
  items: Type.Array(StaffErrandSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** How many of the unit's errands wait for an answer, by age. */
export const UnansweredOverview = Type.Object({
  total: Type.Integer(),
  /** By time left to the reply deadline: overdue, due today, due tomorrow, later, and types without a reply time. */
  byDeadline: Type.Array(Type.Object({ label: Type.String(), count: Type.Integer() })),
  brackets: Type.Array(Type.Object({ label: Type.String(), count: Type.Integer() })),
});

/** The unit's caregivers, to assign errands to. */
export const CaregiverList = Type.Object({
  items: Type.Array(Type.Object({ hsaId: Type.String(), name: Type.String(), profession: Type.String() })),
});

export const AccessLogEntry = Type.Object({
  errandId: Type.String(),
  errandType: ErrandTypeRef,
  unit: UnitRef,
  staff: Type.String(),
  role: Type.String(),
  action: Type.String(),
  at: Type.Integer(),
});

export const AccessLogList = Type.Object({
  items: Type.Array(AccessLogEntry),
  nextCursor: Type.Union([Cursor, Type.Null()]),
});

export const ListQuery = Type.Object(
  {
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

/** A citizen's errand folders. */
export const CITIZEN_FOLDERS = ['inbox', 'sent', 'archive'] as const;
export type CitizenFolder = (typeof CITIZEN_FOLDERS)[number];

/** A citizen's folder (inbox by default), a page of it at a time. */
export const CitizenErrandListQuery = Type.Object(
  { ...ListQuery.properties, folder: Type.Optional(Type.Enum(CITIZEN_FOLDERS)) },
  { additionalProperties: false },
);
