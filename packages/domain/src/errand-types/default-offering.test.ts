import { describe, expect, it } from 'vitest';
import { baseErrandTypes } from './base-errand-types.ts';
import { defaultOffering } from './default-offering.ts';

describe("a new unit's offering", () => {
  it('is the whole national offering at a health centre, and for a kind it does not know', () => {
    const all = baseErrandTypes.map((type) => type.id);
    expect(defaultOffering('primary-care')).toEqual(all);
    expect(defaultOffering('something-new')).toEqual(all);
  });

  it('fits the kind of care: no "Lista om" outside health centres, no sick leave for children', () => {
    for (const kind of ['child-health', 'children', 'child-psychiatry', 'psychiatry', 'youth', 'specialist']) {
      expect(defaultOffering(kind), kind).not.toContain('change-listing');
      expect(defaultOffering(kind), kind).toContain('ask-the-nurse');
    }
    expect(defaultOffering('child-psychiatry')).not.toContain('extend-sick-leave');
    expect(defaultOffering('child-health')).toEqual(
      expect.arrayContaining(['request-appointment', 'cancel-or-reschedule-appointment', 'contact-me', 'advice']),
    );
  });
});
