import { describe, expect, it } from 'vitest';
import { maskRecipient, scrubRemoteText } from './masking.ts';

describe('maskRecipient', () => {
  it('keeps only the first letters of an e-mail address and its top-level domain', () => {
    expect(maskRecipient('anna.svensson@example.se')).toBe('a***@e***.se');
  });

  it('keeps the country code and the last two digits of a number', () => {
    expect(maskRecipient('+46701234567')).toBe('+46*******67');
    expect(maskRecipient('070-123 45 67')).toBe('********67');
  });

  it('shortens anything else (a letter goes to a citizen id)', () => {
    expect(maskRecipient('5f0c1f0e-8a2b-4d0e-9c55-0f1d2e3a4b5c')).toBe('5f0c1f0e…');
    expect(maskRecipient('x')).toBe('***');
  });
});

describe('scrubRemoteText', () => {
  it('masks the recipient, other addresses and numbers, and cuts out echoed secrets', () => {
    const said = '550 5.1.1 <anna@example.se>: no such user; see bob@example.org or +46 70 123 45 67; code 483920';
    const scrubbed = scrubRemoteText(said, 'anna@example.se', ['483920']);
    expect(scrubbed).toBe('550 5.1.1 <a***@e***.se>: no such user; see b***@e***.org or +46*******67; code […]');
  });

  it('keeps stored texts short', () => {
    expect(scrubRemoteText('x'.repeat(500), '').length).toBeLessThanOrEqual(201);
  });
});
