import { describe, expect, it } from 'vitest';
import { errorPage, loginPage } from './dev-idp.pages.ts';

const identity = (name: string, group: 'citizen' | 'staff' | 'test', detail = 'x') => ({
  subject: `dev-${name}`,
  group,
  name,
  detail,
  claims: {},
});

describe('the development provider’s pages', () => {
  it('list people as buttons by group, with no script, no inline style and no text field', () => {
    const html = loginPage('abc_123', [
      identity('Tolvan', 'citizen', '19121212-1212 · special'),
      identity('Nisse', 'staff'),
      identity('Kari', 'test'),
    ]);
    expect(html).toContain('action="/dev-idp/interaction/abc_123/login"');
    expect(html).toContain('name="identity" value="dev-Tolvan"');
    expect(html.indexOf('Invånare')).toBeLessThan(html.indexOf('Personal'));
    expect(html).not.toMatch(/<script|style=|<style|type="text"/i);
    expect(html).toContain('lang="sv"');
  });

  it('escape what they show', () => {
    const html = loginPage('u', [identity('<img src=x onerror=alert(1)>', 'citizen', '"quoted" · &')]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(errorPage('e', '<b>')).toContain('&lt;b&gt;');
  });
});
