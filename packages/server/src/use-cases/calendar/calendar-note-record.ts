import { randomUUID } from 'node:crypto';
import type { CalendarNote, CalendarNoteBody } from '@kontakta/contract';
import type { Language } from '@kontakta/domain';
import { type CitizenActor, citizenActedFor, isIsoDate } from '@kontakta/domain';
import { newDataKey, openText, sealText, unwrapDataKey } from '../../encryption/envelope.ts';
import { serverTexts } from '../../i18n/server-texts.ts';
import type { CalendarNoteRow } from '../../storage/repositories/calendar-note.repository.ts';
import { AppError } from '../app-error.ts';
import type { UseCaseContext } from '../services.ts';

// What the calendar use cases share: whose calendar it is, checking a note, and sealing its text
// (title and text are the citizen's own words about their health: they are stored like errand
// content, under a data key of the note's own).

type NoteText = { title: string; text: string };

/** The calendar belongs to the person the citizen acts as (a guardian acting for a child: the child's). */
export function calendarOwner(actor: CitizenActor): string {
  return citizenActedFor(actor);
}

export function checkedNote(body: CalendarNoteBody, language: Language): CalendarNoteBody {
  const errors = [];
  if (!isIsoDate(body.date)) {
    errors.push({
      path: 'body.date',
      code: 'invalid-date',
      message: serverTexts(language)('field.calendar.invalid-date'),
    });
  }
  const title = body.title.trim();
  if (title === '') {
    errors.push({
      path: 'body.title',
      code: 'required',
      message: serverTexts(language)('field.calendar.title-required'),
    });
  }
  if (errors.length > 0) throw new AppError('validation-failed', undefined, errors);
  return { ...body, title, text: body.text.trim().replace(/\r\n?/g, '\n') };
}

function context(id: string): string {
  return `calendar:${id}`;
}

export function sealedNote(ctx: UseCaseContext, id: string, note: NoteText) {
  const key = newDataKey(ctx.keys);
  return {
    content: sealText(key.key, JSON.stringify(note), context(id)),
    wrapped_key: key.wrapped,
    key_id: key.keyId,
  };
}

export function presentNote(ctx: UseCaseContext, row: CalendarNoteRow): CalendarNote {
  const key = unwrapDataKey(ctx.keys, { wrapped: Buffer.from(row.wrapped_key), keyId: row.key_id });
  const note = JSON.parse(openText(key, Buffer.from(row.content), context(row.id))) as NoteText;
  return {
    id: row.id,
    date: row.note_date,
    time: row.note_time,
    title: note.title,
    text: note.text,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function newNoteId(): string {
  return randomUUID();
}
