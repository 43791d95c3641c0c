// iCalendar (RFC 5545) for the citizen's calendar notes: all-day notes as dates, timed notes as
// the UTC instant of that Swedish local time, so every calendar app places them right.

export type IcsNote = Readonly<{ id: string; date: string; time: string | null; title: string; text: string }>;

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The instant when the clocks in Sweden show `date` `time` (the later one in the autumn's repeated hour). */
export function stockholmInstant(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  for (const offsetHours of [2, 1]) {
    const candidate = asUtc - offsetHours * 3_600_000;
    if (stockholm.format(candidate) === `${date} ${time}`) return candidate;
  }
  // A time that does not exist (the spring's skipped hour): as if it were winter time.
  return asUtc - 3_600_000;
}

function utcStamp(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (CRLF and a space), never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function icsCalendar(notes: readonly IcsNote[], now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kontakta//Kalender//SV', 'CALSCALE:GREGORIAN'];
  for (const note of notes) {
    lines.push('BEGIN:VEVENT', `UID:${note.id}@kontakta`, `DTSTAMP:${utcStamp(now)}`);
    if (note.time) lines.push(`DTSTART:${utcStamp(stockholmInstant(note.date, note.time))}`);
    else lines.push(`DTSTART;VALUE=DATE:${note.date.replace(/-/g, '')}`);
    lines.push(`SUMMARY:${escapeText(note.title)}`);
    if (note.text) lines.push(`DESCRIPTION:${escapeText(note.text)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
