// The tables as Kysely sees them. Times are epoch milliseconds (bigint) on both databases so that
// ordering, cursors and comparisons behave the same everywhere.

import type { ErrandStatus, Language } from '@kontakta/domain';
import type { Generated } from 'kysely';
import type { AccessLogAnchorTable } from './access-log-anchor-schema.ts';
import type {
  ConnectedServiceConsentEventTable,
  ConnectedServiceConsentTable,
  ConnectedServiceHandOverTable,
  ConnectedServiceTable,
  ConnectedServiceUnitTable,
  OidcPayloadTable,
  OidcSigningKeyTable,
} from './connected-service-schema.ts';
import type {
  LoginCodeTable,
  LoginEventTable,
  LoginFlowTable,
  LoginThrottleTable,
  MessageLimitTable,
  PasswordCredentialTable,
} from './login-schema.ts';
import type { JobLeaseTable, ReferenceGenerationTable, SecurityEventTable } from './operations-schema.ts';
import type { InboxMessageTable, ProxyEventTable, ProxyNoticeTable, ProxyTable } from './proxy-schema.ts';
import type { RegionAdminChangeTable, RegionErrandTypePolicyTable } from './region-schema.ts';
import type { ErrandTombstoneTable } from './retention-schema.ts';
import type { AnswerTemplateTable, ErrandNoteTable } from './staff-work-schema.ts';
import type { StatCountTable, StatPendingTable, StatRollupTable } from './statistics-schema.ts';
import type { UnitClosureTable, UnitContactCardTable, UnitReplyTimeTable } from './unit-contact-schema.ts';

export type RegionTable = {
  code: string;
  name: string;
  updated_at: number;
};

export type CareUnitTable = {
  hsa_id: string;
  name: string;
  region_code: string;
  kind: string;
  municipality_code: string;
  municipality_name: string;
  street: string;
  postal_code: string;
  city: string;
  /** Folded (lower case, no diacritics) name, municipality, city and postcode: what unit search matches. */
  search_text: string;
  updated_at: number;
};

export type CitizenTable = {
  id: string;
  personnummer: string;
  given_name: string;
  family_name: string;
  created_at: number;
  last_login_at: number | null;
};

export type StaffMemberTable = {
  hsa_id: string;
  given_name: string;
  family_name: string;
  profession: string;
  updated_at: number;
  /** Where a content-free "an errand is yours" e-mail goes when one is assigned; null: none. */
  assignment_email: string | null;
  /** When the address's code came back; null: not confirmed, nothing is sent there. */
  assignment_email_verified_at: number | null;
};

/** A code sent to a staff member's new assignment e-mail address, as `contact_verification` for citizens. */
export type StaffContactVerificationTable = {
  staff_hsa_id: string;
  address: string;
  /** `<master key id>:<hex HMAC>` of the code (identity/one-time-code.ts), never the digits. */
  code_hash: string;
  expires_at: number;
  attempts: number;
};

export type SessionTable = {
  token_hash: string;
  kind: 'citizen' | 'staff';
  citizen_id: string | null;
  staff_hsa_id: string | null;
  unit_hsa_id: string | null;
  /** JSON array of staff roles at the chosen unit; `[]` for citizens. */
  roles: string;
  login_method: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  /** The absolute end, however active the user is. */
  expires_at: number;
  /** The child a guardian's session acts for (proxy), or null. */
  acting_for_citizen_id: string | null;
  /** The region a staff session administers (chosen instead of a unit), or null. */
  region_code: string | null;
  /**
   * The login event this session's login wrote (staff), kept through choices of unit, so the
   * first unit chosen can be recorded on it (migration 2026-12-07-31); null for citizens.
   */
  login_event_id: string | null;
};

export type OutboxChannel = 'email' | 'sms' | 'letter';
/**
 * pending: waiting for its first attempt; sending: claimed by a worker (next_attempt_at is the
 * lease end); sent: delivered; failed: an attempt failed, another is due at next_attempt_at;
 * dead: given up after the configured attempts, for an operator (`kontakta outbox`); bounced: the
 * receiving side refused the recipient (wrong number or address), so retrying would not help;
 * expired: not delivered while it was of any use (a login code past its five minutes), so neither
 * the worker nor an operator sends it again.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'bounced' | 'expired';

export type OutboxTable = {
  id: string;
  channel: OutboxChannel;
  /** Which message, e.g. `errand-answered`; the text lives in the templates, never here. */
  template: string;
  /** E-mail address, E.164 mobile number, or for letters the citizen id. */
  recipient: string;
  language: Language;
  /** JSON with what the template needs that is not personal content (e.g. a letter's PDF path). */
  parameters: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
  citizen_id: string | null;
  errand_id: string | null;
  /** The worker run holding the row while it is 'sending'. */
  claimed_by: string | null;
  /** When the latest attempt started. */
  last_attempt_at: number | null;
  /** The receiving side's name for the message (gateway id, SMTP answer, print file). */
  provider_reference: string | null;
};

/** The development transport's mailbox: what would have been sent (KONTAKTA_DEV_OUTBOX=true). */
export type DevOutboxMessageTable = {
  /** The outbox id: storing a message twice keeps one copy. */
  id: string;
  channel: OutboxChannel;
  template: string;
  recipient: string;
  subject: string | null;
  text: string;
  /** For letters: the PDF's file name in the print outbox. */
  attachment: string | null;
  stored_at: number;
};

/** 0/1 on both databases. */
export type Flag = 0 | 1;

export type FormVersionTable = {
  id: string;
  unit_hsa_id: string;
  errand_type: string;
  version: number;
  /** JSON form definition the citizen fills in. */
  definition: string;
  /** JSON form definition the caregiver answers with. */
  answer_definition: string;
  created_at: number;
  created_by: string | null;
};

export type UnitErrandTypeTable = {
  unit_hsa_id: string;
  /** A base type id such as `renew-prescription`, or `custom-<uuid>`. */
  errand_type: string;
  enabled: Flag;
  /** JSON: the unit's options for a base type. */
  options: string;
  open_to_proxies: Flag;
  citizen_may_reply: Flag;
  current_version_id: string | null;
  name_sv: string | null;
  name_en: string | null;
  description_sv: string | null;
  description_en: string | null;
  retired_at: number | null;
  updated_at: number;
  /** The administrator's HSA-id; null when the system set it up. */
  updated_by: string | null;
};

export type UnitExternalLinkTable = {
  id: string;
  unit_hsa_id: string;
  position: number;
  title_sv: string;
  title_en: string;
  url: string;
  updated_at: number;
  updated_by: string | null;
};

export type UnitSettingTable = {
  unit_hsa_id: string;
  notification_email: string | null;
  staff_names: 'full-name' | 'profession';
  /** How the functional mailbox hears of new errands and citizens' replies: each time, or a daily digest. */
  mailbox_notifications: Generated<'each' | 'daily-digest'>;
  /** Where the last daily digest stopped counting; null before the first. */
  last_digest_at: number | null;
  updated_at: number;
  updated_by: string | null;
};

/** Every change a unit administrator makes, append-only; names what changed, never the content. */
export type UnitAdminChangeTable = {
  id: string;
  unit_hsa_id: string;
  at: number;
  staff_hsa_id: string;
  action: string;
  errand_type: string | null;
  /** The form version a change created. */
  form_version: number | null;
  link_id: string | null;
};

export type CitizenContactTable = {
  citizen_id: string;
  email: string | null;
  email_verified_at: number | null;
  mobile: string | null;
  mobile_verified_at: number | null;
  language: Language;
  updated_at: number;
};

/** "Inte nu" to being asked for a notification address: by whom, about whose notifications. */
export type NotificationPromptDeclineTable = {
  citizen_id: string;
  asked_citizen_id: string;
  declined_at: number;
};

export type ContactVerificationTable = {
  citizen_id: string;
  channel: 'email' | 'mobile';
  address: string;
  /** `<master key id>:<hex HMAC>` of the code (identity/one-time-code.ts), never the digits. */
  code_hash: string;
  expires_at: number;
  attempts: number;
};

export type ErrandTable = {
  id: string;
  /** Whose errand it is (the child, when a guardian sent it as proxy). */
  citizen_id: string;
  sent_by_citizen_id: string;
  unit_hsa_id: string;
  errand_type: string;
  form_version_id: string;
  status: ErrandStatus;
  assigned_to: string | null;
  /** JSON array of caregiver HSA-ids who answered. */
  answered_by: string;
  reply_allowed: Flag;
  unread_by_citizen: Flag;
  archived_by_citizen: Flag;
  has_answer: Flag;
  wrapped_key: Uint8Array;
  key_id: string;
  created_at: number;
  first_answered_at: number | null;
  /** Since when the errand has waited for the unit (null when the ball is with the citizen). */
  waiting_since: number | null;
  last_event_at: number;
  /** When retention deletes it (null until the retention job adopts an errand from before retention). */
  expires_at: number | null;
  /** The `expires_at` the citizen was told about (retention notice), or null. */
  retention_notice_for: number | null;
  /** When the citizen replied, until the unit answers the reply; marks the errand in staff lists. */
  citizen_reply_at: number | null;
  /** The `waiting_since` an overdue notice went out for (one per wait). */
  overdue_notice_for: number | null;
  /** Optimistic concurrency: bumped on every change. */
  version: number;
};

export type ErrandMessageTable = {
  id: string;
  errand_id: string;
  position: number;
  kind: 'submission' | 'answer' | 'citizen-reply';
  author_kind: 'citizen' | 'staff';
  author_id: string;
  form_version_id: string | null;
  /** Sealed JSON (envelope encryption). */
  content: Uint8Array;
  created_at: number;
};

export type ErrandEventTable = {
  id: string;
  errand_id: string;
  position: number;
  type: string;
  actor_kind: 'citizen' | 'staff';
  actor_id: string;
  actor_role: string | null;
  on_behalf_of: string | null;
  assignee: string | null;
  at: number;
};

export type AccessLogTable = {
  id: string;
  unit_hsa_id: string;
  position: number;
  errand_id: string;
  citizen_id: string;
  staff_hsa_id: string;
  role: string;
  action: string;
  at: number;
  previous_hash: string;
  hash: string;
};

export type AccessLogHeadTable = {
  unit_hsa_id: string;
  position: number;
  hash: string;
};

/** A citizen's private calendar note; `content` is sealed JSON `{ title, text }`. */
export type CalendarNoteTable = {
  id: string;
  citizen_id: string;
  /** `YYYY-MM-DD`, a day in Sweden. */
  note_date: string;
  /** `HH:MM`, or null for the whole day. */
  note_time: string | null;
  content: Uint8Array;
  wrapped_key: Uint8Array;
  key_id: string;
  created_at: number;
  updated_at: number;
};

/**
 * One `Idempotency-Key` of one actor, kept 24 hours. `status_code` is null while the first
 * request runs; `claim` names that request, the only one that may complete or release the row.
 */
export type IdempotencyKeyTable = {
  actor: string;
  key: string;
  claim: string;
  /** Hex HMAC-SHA-256 of method, route, parameters and body, under a key derived from a master key. */
  fingerprint: string;
  fingerprint_key_id: string;
  status_code: number | null;
  /** The JSON the route answered with (ids only), or null for an empty body. */
  response_body: string | null;
  created_at: number;
};

export type DatabaseSchema = {
  security_event: SecurityEventTable;
  region: RegionTable;
  care_unit: CareUnitTable;
  citizen: CitizenTable;
  staff_member: StaffMemberTable;
  staff_contact_verification: StaffContactVerificationTable;
  session: SessionTable;
  login_flow: LoginFlowTable;
  password_credential: PasswordCredentialTable;
  login_code: LoginCodeTable;
  login_throttle: LoginThrottleTable;
  message_limit: MessageLimitTable;
  login_event: LoginEventTable;
  outbox: OutboxTable;
  dev_outbox_message: DevOutboxMessageTable;
  form_version: FormVersionTable;
  unit_errand_type: UnitErrandTypeTable;
  unit_external_link: UnitExternalLinkTable;
  answer_template: AnswerTemplateTable;
  unit_setting: UnitSettingTable;
  unit_admin_change: UnitAdminChangeTable;
  region_errand_type_policy: RegionErrandTypePolicyTable;
  region_admin_change: RegionAdminChangeTable;
  connected_service: ConnectedServiceTable;
  connected_service_unit: ConnectedServiceUnitTable;
  connected_service_consent: ConnectedServiceConsentTable;
  connected_service_hand_over: ConnectedServiceHandOverTable;
  connected_service_consent_event: ConnectedServiceConsentEventTable;
  oidc_payload: OidcPayloadTable;
  oidc_signing_key: OidcSigningKeyTable;
  unit_contact_card: UnitContactCardTable;
  unit_reply_time: UnitReplyTimeTable;
  unit_closure: UnitClosureTable;
  citizen_contact: CitizenContactTable;
  contact_verification: ContactVerificationTable;
  notification_prompt_decline: NotificationPromptDeclineTable;
  errand: ErrandTable;
  errand_message: ErrandMessageTable;
  errand_note: ErrandNoteTable;
  errand_event: ErrandEventTable;
  access_log: AccessLogTable;
  access_log_head: AccessLogHeadTable;
  access_log_anchor: AccessLogAnchorTable;
  calendar_note: CalendarNoteTable;
  idempotency_key: IdempotencyKeyTable;
  proxy: ProxyTable;
  errand_tombstone: ErrandTombstoneTable;
  proxy_event: ProxyEventTable;
  proxy_notice: ProxyNoticeTable;
  inbox_message: InboxMessageTable;
  job_lease: JobLeaseTable;
  reference_generation: ReferenceGenerationTable;
  stat_count: StatCountTable;
  stat_rollup: StatRollupTable;
  stat_pending: StatPendingTable;
};

export type {
  LoginAudience,
  LoginCodeTable,
  LoginEventTable,
  LoginFlowTable,
  LoginThrottleTable,
  MessageLimitTable,
  PasswordCredentialTable,
} from './login-schema.ts';
export type { JobLeaseTable, SecurityEventTable };
