// Tables of the proxy for children (ombud) and of inbox messages; part of DatabaseSchema (schema.ts).

import type { ProxyRefusal } from '@kontakta/domain';
import type { Generated } from 'kysely';

/** Why a proxy ended: the guardian removed it, or the rule that no longer held (e.g. `child-too-old`). */
export type ProxyEndReason = ProxyRefusal | 'removed-by-guardian';

export type ProxyTable = {
  id: string;
  guardian_citizen_id: string;
  child_citizen_id: string;
  created_at: number;
  ended_at: number | null;
  end_reason: ProxyEndReason | null;
  /**
   * The child's municipality when the proxy started (population register; '' unknown, as for
   * proxies older than migration 2026-12-07-29): where the statistics count its start and its end.
   */
  municipality_code: Generated<string>;
};

export type ProxyEventTable = {
  id: string;
  proxy_id: string;
  kind: 'added' | 'acting-started' | 'acting-stopped' | 'ended';
  reason: string | null;
  at: number;
};

export type ProxyNoticeTable = {
  child_citizen_id: string;
  notice: 'first-notice' | 'reminder';
  /** The ISO date the proxy ends, so a later rule change (another age limit) can notify again. */
  end_date: string;
  sent_at: number;
};

export type InboxMessageTable = {
  id: string;
  /** Whose inbox it is in. */
  citizen_id: string;
  /** Which text (server/src/inbox/inbox-message-texts.ts); the words are chosen when it is read. */
  template: string;
  /** The person the message is about (the child, for proxy notices); names are looked up when shown. */
  about_citizen_id: string | null;
  /** The unit that sent it, or null for the service itself. */
  unit_hsa_id: string | null;
  /** JSON of non-personal values the text needs (dates). */
  values: string;
  created_at: number;
  read_at: number | null;
};
