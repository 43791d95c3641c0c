import type { Migration } from 'kysely';
import * as organisation from './2026-11-22-01-organisation.ts';
import * as peopleAndSessions from './2026-11-22-02-people-and-sessions.ts';
import * as outbox from './2026-11-22-03-outbox.ts';
import * as identity from './2026-11-22-04-identity.ts';
import * as notificationDelivery from './2026-11-22-05-notification-delivery.ts';
import * as errandTypes from './2026-11-22-06-errand-types.ts';
import * as errands from './2026-11-22-07-errands.ts';
import * as webFeatures from './2026-11-22-08-web-features.ts';
import * as errandTypeAdmin from './2026-11-22-09-errand-type-admin.ts';
import * as loginCodeResends from './2026-11-22-10-login-code-resends.ts';
import * as wrappedKeyIndexes from './2026-12-06-01-wrapped-key-indexes.ts';
import * as accessLogAppendOnly from './2026-12-06-02-access-log-append-only.ts';
import * as idempotencyKeys from './2026-12-06-03-idempotency-keys.ts';
import * as messageLimits from './2026-12-06-04-message-limits.ts';
import * as keyedOneTimeCodes from './2026-12-06-05-keyed-one-time-codes.ts';
import * as securityEvents from './2026-12-06-06-security-events.ts';
import * as scheduledJobs from './2026-12-06-07-scheduled-jobs.ts';
import * as proxiesAndInboxMessages from './2026-12-06-08-proxies-and-inbox-messages.ts';
import * as housekeepingIndexes from './2026-12-06-09-housekeeping-indexes.ts';
import * as accessLogAnchors from './2026-12-06-10-access-log-anchors.ts';
import * as retention from './2026-12-06-11-retention.ts';
import * as unitSearchFolding from './2026-12-06-12-unit-search-folding.ts';
import * as loginReturnPath from './2026-12-06-13-login-return-path.ts';
import * as notificationPrompt from './2026-12-06-14-notification-prompt.ts';
import * as unitContactCards from './2026-12-06-15-unit-contact-cards.ts';
import * as citizenReplies from './2026-12-06-16-citizen-replies.ts';
import * as internalNotes from './2026-12-06-17-internal-notes.ts';
import * as answerTemplates from './2026-12-06-18-answer-templates.ts';
import * as unitClosures from './2026-12-06-19-unit-closures.ts';
import * as regionAdministration from './2026-12-06-20-region-administration.ts';
import * as statistics from './2026-12-06-21-statistics.ts';
import * as connectedServices from './2026-12-06-22-connected-services.ts';
import * as assignmentNotice from './2026-12-06-23-assignment-notice.ts';
import * as referenceGeneration from './2026-12-06-24-reference-generation.ts';
import * as statisticsRollups from './2026-12-06-25-statistics-rollups.ts';
import * as serviceConsents from './2026-12-06-26-service-consents.ts';
import * as accessLogHeadFollows from './2026-12-06-27-access-log-head-follows.ts';
import * as statisticsPending from './2026-12-06-28-statistics-pending.ts';
import * as statisticsProxies from './2026-12-07-29-statistics-proxies.ts';
import * as assignmentEmailConfirmation from './2026-12-07-30-assignment-email-confirmation.ts';
import * as staffLoginUnits from './2026-12-07-31-staff-login-units.ts';
import * as fewerErrandIndexes from './2026-12-07-32-fewer-errand-indexes.ts';
import * as replyRulesInReferenceData from './2026-12-07-33-reply-rules-in-reference-data.ts';
import * as assignedIndexCoversUnit from './2026-12-07-34-assigned-index-covers-unit.ts';

/** Every migration, in the order it runs. Append only; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-01-organisation': organisation,
  '2026-11-22-02-people-and-sessions': peopleAndSessions,
  '2026-11-22-03-outbox': outbox,
  '2026-11-22-04-identity': identity,
  '2026-11-22-05-notification-delivery': notificationDelivery,
  '2026-11-22-06-errand-types': errandTypes,
  '2026-11-22-07-errands': errands,
  '2026-11-22-08-web-features': webFeatures,
  '2026-11-22-09-errand-type-admin': errandTypeAdmin,
  '2026-11-22-10-login-code-resends': loginCodeResends,
  '2026-12-06-01-wrapped-key-indexes': wrappedKeyIndexes,
  '2026-12-06-02-access-log-append-only': accessLogAppendOnly,
  '2026-12-06-03-idempotency-keys': idempotencyKeys,
  '2026-12-06-04-message-limits': messageLimits,
  '2026-12-06-05-keyed-one-time-codes': keyedOneTimeCodes,
  '2026-12-06-06-security-events': securityEvents,
  '2026-12-06-07-scheduled-jobs': scheduledJobs,
  '2026-12-06-08-proxies-and-inbox-messages': proxiesAndInboxMessages,
  '2026-12-06-11-retention': retention,
  '2026-12-06-09-housekeeping-indexes': housekeepingIndexes,
  '2026-12-06-10-access-log-anchors': accessLogAnchors,
  '2026-12-06-12-unit-search-folding': unitSearchFolding,
  '2026-12-06-13-login-return-path': loginReturnPath,
  '2026-12-06-14-notification-prompt': notificationPrompt,
  '2026-12-06-15-unit-contact-cards': unitContactCards,
  '2026-12-06-16-citizen-replies': citizenReplies,
  '2026-12-06-17-internal-notes': internalNotes,
  '2026-12-06-18-answer-templates': answerTemplates,
  '2026-12-06-19-unit-closures': unitClosures,
  '2026-12-06-20-region-administration': regionAdministration,
  '2026-12-06-21-statistics': statistics,
  '2026-12-06-24-reference-generation': referenceGeneration,
  '2026-12-06-22-connected-services': connectedServices,
  '2026-12-06-23-assignment-notice': assignmentNotice,
  '2026-12-06-25-statistics-rollups': statisticsRollups,
  '2026-12-06-26-service-consents': serviceConsents,
  '2026-12-06-27-access-log-head-follows': accessLogHeadFollows,
  '2026-12-06-28-statistics-pending': statisticsPending,
  '2026-12-07-29-statistics-proxies': statisticsProxies,
  '2026-12-07-30-assignment-email-confirmation': assignmentEmailConfirmation,
  '2026-12-07-31-staff-login-units': staffLoginUnits,
  '2026-12-07-32-fewer-errand-indexes': fewerErrandIndexes,
  '2026-12-07-33-reply-rules-in-reference-data': replyRulesInReferenceData,
  '2026-12-07-34-assigned-index-covers-unit': assignedIndexCoversUnit,
};
