import { describe, expect, it } from 'vitest';
import { icsCalendar, stockholmInstant } from './ics-calendar.ts';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);

describe('the calendar as iCalendar', () => {
  it('places Swedish local times at the right instant, winter and summer', () => {
    expect(new Date(stockholmInstant('2026-11-24', '14:30')).toISOString()).toBe('2026-11-24T13:30:00.000Z');
    expect(new Date(stockholmInstant('2026-07-01', '08:00')).toISOString()).toBe('2026-07-01T06:00:00.000Z');
  });

  it('writes all-day and timed notes, escaped and folded, with CRLF line ends', () => {
    const ics = icsCalendar(
      [
        { id: 'a', date: '2026-12-01', time: null, title: 'Vaccination; TBE, dos 2', text: '' },
        { id: 'b', date: '2026-11-24', time: '14:30', title: 'Läkarbesök', text: `Ta med\nlistan${'å'.repeat(60)}` },
      ],
      NOW,
    );
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261201\r\n');
    expect(ics).toContain('SUMMARY:Vaccination\\; TBE\\, dos 2\r\n');
    expect(ics).toContain('DTSTART:20261124T133000Z\r\n');
    expect(ics).toContain('DTSTAMP:20261122T090000Z\r\n');
    expect(ics).toContain('DESCRIPTION:Ta med\\nlistan');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
