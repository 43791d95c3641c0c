import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../notification.types.ts';
import { loginLinks, renderMessage } from './render-message.ts';

const links = loginLinks('https://kontakta.region.se', true);

function message(overrides: Partial<OutgoingMessage>): OutgoingMessage {
  return {
    id: 'id-1',
    channel: 'email',
    template: 'errand-answered',
    recipient: 'anna@example.se',
    language: 'sv',
    parameters: {},
    ...overrides,
  };
}

function rendered(overrides: Partial<OutgoingMessage>) {
  const result = renderMessage(message(overrides), links);
  if (!result.ok) throw new Error(result.reason);
  return result.message;
}

describe('notification templates', () => {
  it('tell a citizen in Swedish that there is an answer, with the login link and nothing more', () => {
    const email = rendered({ template: 'errand-answered', language: 'sv' });
    expect(email.subject).toBe('Du har fått ett svar i Kontakta');
    expect(email.text).toBe(
      'Hej!\n\nDu har fått ett svar i Kontakta. Logga in för att läsa:\nhttps://kontakta.region.se/\n\n' +
        'Det här är ett automatiskt meddelande från Kontakta och går inte att svara på. ' +
        'Av säkerhetsskäl står innehållet bara i Kontakta.\n',
    );
  });

  it('speak English when the recipient chose English', () => {
    const email = rendered({ template: 'new-message', language: 'en' });
    expect(email.subject).toBe('You have a new message in Kontakta');
    expect(email.text).toContain('Log in to read it:\nhttps://kontakta.region.se/');
    expect(email.text).not.toMatch(/[åäö]/);
    const sms = rendered({ template: 'errand-answered', channel: 'sms', language: 'en', recipient: '+46701234567' });
    expect(sms.text).toBe('You have an answer in Kontakta. Log in to read it: https://kontakta.region.se/');
  });

  it("send care units to the staff tool's login", () => {
    const email = rendered({ template: 'errand-received', recipient: 'mottagning@region.se' });
    expect(email.subject).toBe('Nytt ärende i Kontakta');
    expect(email.text).toContain('https://kontakta.region.se/personal');
  });

  it('put the login code, and only the code, in the login SMS', () => {
    const sms = rendered({
      template: 'login-code',
      channel: 'sms',
      parameters: { code: '483920', name: 'Anna Svensson' },
    });
    expect(sms.text).toBe(
      'Din inloggningskod till Kontakta är 483920. Den gäller i 5 minuter. Lämna aldrig ut koden till någon.',
    );
    expect(
      rendered({ template: 'login-code', channel: 'sms', parameters: { code: '1234', validMinutes: 10 } }).text,
    ).toContain('gäller i 10 minuter');
  });

  it('refuse a login code that is not digits, so nothing else can ride along as a "code"', () => {
    const result = renderMessage(
      message({ template: 'login-code', channel: 'sms', parameters: { code: 'Ditt recept på Citalopram' } }),
      links,
    );
    expect(result).toEqual({ ok: false, reason: 'login-code without a valid code' });
  });

  it('refuse unknown templates and channels a template does not have', () => {
    expect(renderMessage(message({ template: 'errand-text' }), links).ok).toBe(false);
    expect(renderMessage(message({ template: 'toString' }), links).ok).toBe(false);
    expect(
      renderMessage(message({ template: 'login-code', channel: 'email', parameters: { code: '123456' } }), links),
    ).toEqual({
      ok: false,
      reason: 'template "login-code" has no e-mail text',
    });
    expect(renderMessage(message({ template: 'errand-received', channel: 'sms' }), links).ok).toBe(false);
  });

  it('tell a replaced address that it is no longer used, with neither the new address nor a code', () => {
    const parameters = { email: 'ny@example.se', mobile: '+46709999999', code: '123456' };
    const sv = rendered({ template: 'contact-replaced', recipient: 'gammal@example.se', parameters });
    expect(sv.subject).toBe('Din e-postadress i Kontakta har ändrats');
    expect(sv.text).toContain('Den här e-postadressen används inte längre för meddelanden från Kontakta.');
    expect(sv.text).toContain('https://kontakta.region.se/');
    const sms = rendered({ template: 'contact-replaced', channel: 'sms', language: 'en', parameters });
    expect(sms.text).toBe(
      'This number is no longer used for messages from Kontakta. If you did not change it, log in and check your settings: https://kontakta.region.se/',
    );
    for (const text of [sv.text, sms.text]) {
      expect(text).not.toMatch(/ny@example|\+4670|123456/);
    }
  });

  it('describe a password letter (the PDF is the letter)', () => {
    const letter = rendered({ template: 'password-letter', channel: 'letter', parameters: { pdfPath: '/x.pdf' } });
    expect(letter.text).toBe('Lösenordsbrev (PDF) till utskrift och post');
  });

  it('never carry a parameter into the text, whatever a use case put in the row', () => {
    const templates = [
      ['errand-received', 'email'],
      ['errand-reply-received', 'email'],
      ['unit-daily-digest', 'email'],
      ['errands-overdue', 'email'],
      ['errand-assigned', 'email'],
      ['errand-answered', 'email'],
      ['errand-answered', 'sms'],
      ['new-message', 'email'],
      ['new-message', 'sms'],
      ['login-code', 'sms'],
      ['contact-replaced', 'email'],
      ['contact-replaced', 'sms'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.constantFrom('sv' as const, 'en' as const),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ minLength: 1, maxLength: 30 })),
        ([template, channel], language, extra) => {
          // Tagged so a value cannot match the template's own words by chance.
          const secrets = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, `§${v}§`]));
          const parameters = { unitName: '§Barnmorskemottagningen§', ...secrets, code: '123456' };
          const result = rendered({ template, channel, language, parameters });
          const sent = `${result.subject ?? ''}\n${result.text}`;
          expect(sent).not.toContain('§');
        },
      ),
    );
  });
});

describe('citizens are not sent links by default', () => {
  it('names the address to go to instead of a link, and staff still get theirs', () => {
    const plain = loginLinks('https://kontakta.region.se', false);
    const answered = renderMessage(message({ channel: 'sms' }), plain);
    if (!answered.ok) throw new Error(answered.reason);
    expect(answered.message.text).toContain('kontakta.region.se');
    expect(answered.message.text).not.toContain('https://');
    const staff = renderMessage(message({ template: 'errand-received', channel: 'email' }), plain);
    if (!staff.ok) throw new Error(staff.reason);
    expect(staff.message.text).toContain('https://kontakta.region.se/personal');
  });
});
