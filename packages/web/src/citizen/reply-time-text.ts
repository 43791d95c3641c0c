import type { ReplyTime } from '@kontakta/contract';
import type { MessageId } from '../i18n/messages.ts';
import type { TextValues } from '../i18n/use-text.ts';

/** "Svar inom 3 arbetsdagar": the reply time a unit promises, with ICU plurals. */
export function replyTimeText(t: (id: MessageId, values?: TextValues) => string, replyTime: ReplyTime): string {
  return t(replyTime.unit === 'working-hours' ? 'replyTime.workingHours' : 'replyTime.workingDays', {
    amount: replyTime.amount,
  });
}
