import { openTaggedPdf } from '../../documents/tagged-pdf.ts';
import { answerLines } from './answer-lines.ts';
import { citizenName, type ErrandRecordCopy, staffName } from './errand-record-copy.ts';
import {
  eventText,
  formatPersonnummer,
  MESSAGE_KIND_TEXT,
  type RecordWords,
  recordWords,
  roleText,
  STATUS_TEXT,
  stockholmTime,
} from './record-copy-texts.ts';

// The errand as a tagged PDF (PDF/UA where the fonts can be embedded) for the medical record:
// in the staff member's language (Swedish or English), a title shown in the reader's title bar, one heading per section, reading order =
// structure order (documents/tagged-pdf.ts, as the password letter).

export const RECORD_COPY_SECTIONS = {
  errand: 'record.section.errand',
  answers: 'record.section.answers',
  messages: 'record.section.messages',
  history: 'record.section.history',
} as const;

export type RenderOptions = Readonly<{
  /** Uncompressed content streams, for tests that read the text back. */
  compress?: boolean;
  /** The words, for the pseudo-locale test; otherwise the copy's language from the catalogue. */
  words?: RecordWords;
}>;

/** Renders the copy: tagged PDF in the copy's language, dates in Stockholm time. */
export async function renderErrandRecordPdf(copy: ErrandRecordCopy, options: RenderOptions = {}): Promise<Buffer> {
  const words = options.words ?? recordWords(copy.language);
  const { text } = words;
  const { doc, done } = await openTaggedPdf(
    {
      Title: text('record.document-title', { errandType: copy.errand.errandType.name }),
      Author: copy.errand.unit.name,
      Subject: text('record.subject'),
      Creator: 'Kontakta',
    },
    { ...options, language: words.language === 'sv' ? 'sv-SE' : 'en-GB' },
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
  heading('H1', text('record.title'));
  paragraph(text('record.not-the-record'), { gap: 0.4 });
  paragraph(
    text('record.printed', {
      time: stockholmTime(copy.exportedAt),
      name: copy.exportedBy.name,
      hsaId: copy.exportedBy.hsaId,
    }),
  );

  heading('H2', text(RECORD_COPY_SECTIONS.errand));
  const sent = copy.events.find((event) => event.type === 'sent');
  const facts: [string, string][] = [
    [text('record.label.citizen'), `${citizen.givenName} ${citizen.familyName}`],
    [text('record.label.personnummer'), formatPersonnummer(citizen.personnummer)],
    ...(sent?.onBehalfOf
      ? [
          [
            text('record.label.sent-by'),
            text('record.sent-by-proxy', { name: citizenName(copy, sent.onBehalfOf) }),
          ] as [string, string],
        ]
      : []),
    [text('record.label.errand-type'), errand.errandType.name],
    [text('record.label.unit'), text('record.unit', { name: errand.unit.name, hsaId: errand.unit.hsaId })],
    [text('record.label.sent'), stockholmTime(errand.createdAt)],
    [
      text('record.label.status'),
      text('record.status-changed', {
        status: text(STATUS_TEXT[errand.status]),
        time: stockholmTime(errand.lastEventAt),
      }),
    ],
    ...(errand.assignedTo
      ? [[text('record.label.handled-by'), staffName(copy, errand.assignedTo)] as [string, string]]
      : []),
    [text('record.label.errand-id'), errand.id],
  ];
  for (const [label, value] of facts) paragraph(`${label}: ${value}`);

  heading('H2', text(RECORD_COPY_SECTIONS.answers));
  const submission = copy.messages.find((message) => message.kind === 'submission');
  if (submission) {
    paragraph(
      text('record.submitted', {
        time: stockholmTime(submission.createdAt),
        author: authorOf(copy, submission.author, words),
      }),
      { gap: 0.4 },
    );
    const lines = answerLines(submission.form, submission.answers, words);
    if (lines.length === 0) paragraph(text('record.no-answers'));
    for (const line of lines) {
      paragraph(line.value === '' ? line.label : `${line.label}: ${line.value}`, {
        indent: line.depth * 14,
        bold: line.value === '',
      });
    }
  }

  heading('H2', text(RECORD_COPY_SECTIONS.messages));
  const thread = copy.messages.filter((message) => message.kind !== 'submission');
  if (thread.length === 0) paragraph(text('record.no-messages'));
  for (const message of thread) {
    heading('H3', `${text(MESSAGE_KIND_TEXT[message.kind])}, ${stockholmTime(message.createdAt)}`);
    paragraph(text('record.from', { author: authorOf(copy, message.author, words) }));
    for (const line of answerLines(message.form, message.answers, words)) {
      paragraph(line.value === '' ? line.label : `${line.label}: ${line.value}`, {
        indent: line.depth * 14,
        bold: line.value === '',
      });
    }
  }

  heading('H2', text(RECORD_COPY_SECTIONS.history));
  list(
    copy.events.map((event) => {
      const role = event.actor.kind === 'staff' ? roleText(words, event.actor.role) : undefined;
      const actor =
        event.actor.kind === 'staff'
          ? `${staffName(copy, event.actor.hsaId)}${role ? `, ${role}` : ''}`
          : event.onBehalfOf
            ? text('record.acted-for', {
                proxy: citizenName(copy, event.onBehalfOf),
                citizen: citizenName(copy, event.actor.id),
              })
            : citizenName(copy, event.actor.id);
      const what = event.assignee
        ? text('record.to-assignee', { event: eventText(words, event.type), assignee: staffName(copy, event.assignee) })
        : eventText(words, event.type);
      return `${stockholmTime(event.at)}: ${what} (${actor})`;
    }),
  );

  document.end();
  doc.end();
  return done;
}

function authorOf(
  copy: ErrandRecordCopy,
  author: ErrandRecordCopy['messages'][number]['author'],
  words: RecordWords,
): string {
  if (author.kind === 'staff') {
    const profession = copy.staff.get(author.hsaId)?.profession;
    const locale = words.language === 'sv' ? 'sv-SE' : 'en-GB';
    return `${staffName(copy, author.hsaId)}${profession ? `, ${profession.toLocaleLowerCase(locale)}` : ''}`;
  }
  const name = citizenName(copy, author.id);
  return author.id === copy.citizen.id
    ? words.text('record.author.citizen', { name })
    : words.text('record.author.proxy', { name, citizen: citizenName(copy, copy.citizen.id) });
}
