import type { NotificationSettings } from '@kontakta/contract';
import type { CitizenActor } from '@kontakta/domain';
import { citizenActedFor } from '@kontakta/domain';
import {
  declineNotificationPrompt,
  forgetNotificationPromptDecline,
} from '../../storage/repositories/notification-prompt.repository.ts';
import type { UseCaseContext } from '../services.ts';
import { getNotificationSettings } from './notification-settings.ts';

/**
 * The citizen's answer to being asked after login where notifications should go: "not now"
 * (`ask: false`) is remembered on the server, so the question does not return at every login;
 * `ask: true` asks again. A guardian acting for a child answers about the child's notifications,
 * for themself only. Nothing here changes where notifications go, so no recent login is needed.
 */
export async function answerNotificationPrompt(
  ctx: UseCaseContext<CitizenActor>,
  answer: Readonly<{ ask: boolean }>,
): Promise<NotificationSettings> {
  const citizenId = citizenActedFor(ctx.actor);
  const askedCitizenId = ctx.actor.citizenId;
  if (answer.ask) await forgetNotificationPromptDecline(ctx.database.db, citizenId, askedCitizenId);
  else await declineNotificationPrompt(ctx.database.db, { citizenId, askedCitizenId, at: ctx.now });
  return getNotificationSettings(ctx);
}
