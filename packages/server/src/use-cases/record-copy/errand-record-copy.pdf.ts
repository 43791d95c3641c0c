import { openTaggedPdf } from '../../documents/tagged-pdf.ts';
import { answerLines } from './answer-lines.ts';
import { citizenName, type ErrandRecordCopy, staffName } from './errand-record-copy.ts';
import {
  EVENT_SV,
  formatPersonnummer,
  MESSAGE_KIND_SV,
  ROLE_SV,
  STATUS_SV,
  stockholmTime,
} from './record-copy-texts.ts';

// The errand as a tagged PDF (PDF/UA where the fonts can be embedded) for the medical record:
// Swedish, a title shown in the reader's title bar, one heading per section, reading order =
// structure order (documents/tagged-pdf.ts, as the password letter).

export const RECORD_COPY_TITLE = 'Kopia av ärende till journalen';
export const RECORD_COPY_SECTIONS = {
  errand: 'Ärende',
  answers: 'Frågor och svar',
  messages: 'Meddelanden',
  history: 'Händelser',
} as const;

export type RenderOptions = Readonly<{
  /** Uncompressed content streams, for tests that read the text back. */
  compress?: boolean;
}>;

/** Renders the copy: tagged PDF, Swedish, dates in Stockholm time. */
export async function renderErrandRecordPdf(copy: ErrandRecordCopy, options: RenderOptions = {}): Promise<Buffer> {
  const { doc, done } = openTaggedPdf(
    {
      Title: `${RECORD_COPY_TITLE}: ${copy.errand.errandType.name}`,
      Author: copy.errand.unit.name,
      Subject: 'Kopia av ärende från Kontakta',
      Creator: 'Kontakta',
    },
    options,
  );

  const document = doc.struct('Document');
  doc.addStructure(document);
  const heading = (level: 'H1' | 'H2' | 'H3', text: string) => {
    const size = { H1: 18, H2: 14, H3: 11.5 }[level];
    doc.moveDown(level === 'H3' ? 0.4 : 0.8);
    document.add(
      doc.struct(level, {}, () => {
        doc.font('bold').fontSize(size).text(text);
      }),
    );
    doc.moveDown(0.3);
  };
  const paragraph = (text: string, options: { indent?: number; bold?: boolean; gap?: number } = {}) => {
    document.add(
      doc.struct('P', {}, () => {
        doc
          .font(options.bold ? 'bold' : 'regular')
          .fontSize(10.5)
          .text(text, { indent: options.indent ?? 0 });
      }),
    );
    doc.moveDown(options.gap ?? 0.2);
  };
  const list = (items: readonly string[]) => {
    const element = doc.struct('L');
    document.add(element);
    for (const item of items) {
      element.add(
        doc.struct('LI', {}, () => {
          doc.font('regular').fontSize(10.5).text(item);
        }),
      );
      doc.moveDown(0.2);
    }
    element.end();
  };

  const { errand, citizen } = copy;
  heading('H1', RECORD_COPY_TITLE);
  paragraph('Ärendetjänsten är inte journalen. Det som har betydelse för vården ska journalföras i journalsystemet.', {
    gap: 0.4,
  });
  paragraph(
    `Utskriven ${stockholmTime(copy.exportedAt)} av ${copy.exportedBy.name} (HSA-id ${copy.exportedBy.hsaId}). Tider i svensk tid.`,
  );

  heading('H2', RECORD_COPY_SECTIONS.errand);
  const sent = copy.events.find((event) => event.type === 'sent');
  const facts: [string, string][] = [
    ['Invånare', `${citizen.givenName} ${citizen.familyName}`],
    ['Personnummer', formatPersonnummer(citizen.personnummer)],
    ...(sent?.onBehalfOf
      ? [['Skickat av', `${citizenName(copy, sent.onBehalfOf)} (vårdnadshavare, ombud)`] as [string, string]]
      : []),
    ['Ärendetyp', errand.errandType.name],
    ['Mottagning', `${errand.unit.name} (HSA-id ${errand.unit.hsaId})`],
    ['Skickat', stockholmTime(errand.createdAt)],
    ['Status', `${STATUS_SV[errand.status]} (senast ändrat ${stockholmTime(errand.lastEventAt)})`],
    ...(errand.assignedTo ? [['Handläggs av', staffName(copy, errand.assignedTo)] as [string, string]] : []),
    ['Ärende-id', errand.id],
  ];
  for (const [label, value] of facts) paragraph(`${label}: ${value}`);

  heading('H2', RECORD_COPY_SECTIONS.answers);
  const submission = copy.messages.find((message) => message.kind === 'submission');
  if (submission) {
    paragraph(`Skickat ${stockholmTime(submission.createdAt)} av ${authorOf(copy, submission.author)}.`, { gap: 0.4 });
    const lines = answerLines(submission.form, submission.answers);
    if (lines.length === 0) paragraph('Inga svar.');
    for (const line of lines) {
      paragraph(line.value === '' ? line.label : `${line.label}: ${line.value}`, {
        indent: line.depth * 14,
        bold: line.value === '',
      });
    }
  }

  heading('H2', RECORD_COPY_SECTIONS.messages);
  const thread = copy.messages.filter((message) => message.kind !== 'submission');
  if (thread.length === 0) paragraph('Inga meddelanden utöver ärendet.');
  for (const message of thread) {
    heading('H3', `${MESSAGE_KIND_SV[message.kind]}, ${stockholmTime(message.createdAt)}`);
    paragraph(`Från: ${authorOf(copy, message.author)}`);
    for (const line of answerLines(message.form, message.answers)) {
      paragraph(line.value === '' ? line.label : `${line.label}: ${line.value}`, {
        indent: line.depth * 14,
        bold: line.value === '',
      });
    }
  }

  heading('H2', RECORD_COPY_SECTIONS.history);
  list(
    copy.events.map((event) => {
      const actor =
        event.actor.kind === 'staff'
          ? `${staffName(copy, event.actor.hsaId)}${event.actor.role && ROLE_SV[event.actor.role] ? `, ${ROLE_SV[event.actor.role]}` : ''}`
          : event.onBehalfOf
            ? `${citizenName(copy, event.onBehalfOf)} för ${citizenName(copy, event.actor.id)}`
            : citizenName(copy, event.actor.id);
      const assignee = event.assignee ? ` till ${staffName(copy, event.assignee)}` : '';
      return `${stockholmTime(event.at)}: ${EVENT_SV[event.type] ?? event.type}${assignee} (${actor})`;
    }),
  );

  document.end();
  doc.end();
  return done;
}

function authorOf(copy: ErrandRecordCopy, author: ErrandRecordCopy['messages'][number]['author']): string {
  if (author.kind === 'staff') {
    const profession = copy.staff.get(author.hsaId)?.profession;
    return `${staffName(copy, author.hsaId)}${profession ? `, ${profession.toLocaleLowerCase('sv-SE')}` : ''}`;
  }
  const name = citizenName(copy, author.id);
  return author.id === copy.citizen.id
    ? `${name} (invånaren)`
    : `${name} (vårdnadshavare, ombud för ${citizenName(copy, copy.citizen.id)})`;
}
