import { type BaseErrandTypeId, baseErrandTypes } from './base-errand-types.ts';

/**
 * Which base errand types a new unit offers from the start, by the kind of care it gives (the HSA
 * catalogue's unit kind): a children's psychiatry unit does not offer "Lista om" or sick leave,
 * and only a health centre lists patients. The unit administrator turns any of them on or off
 * later; this is only where a new unit starts. An unknown kind gets the whole offering.
 */
const LEFT_OUT: Readonly<Record<string, readonly BaseErrandTypeId[]>> = {
  'primary-care': [],
  'child-health': [
    'change-listing',
    'extend-sick-leave',
    'renew-assistive-aids',
    'request-certificate',
    'order-medical-record-copy',
  ],
  children: ['change-listing', 'extend-sick-leave'],
  'child-psychiatry': ['change-listing', 'extend-sick-leave', 'renew-assistive-aids'],
  psychiatry: ['change-listing', 'renew-assistive-aids'],
  maternity: ['change-listing', 'renew-assistive-aids'],
  youth: ['change-listing', 'extend-sick-leave', 'renew-assistive-aids'],
  physiotherapy: ['change-listing', 'renew-prescription'],
  specialist: ['change-listing'],
};

export function defaultOffering(unitKind: string): BaseErrandTypeId[] {
  const leftOut = new Set<string>(LEFT_OUT[unitKind] ?? []);
  return baseErrandTypes.map((type) => type.id).filter((id) => !leftOut.has(id));
}
