// A check for message catalogues: a number put straight in front of a noun ("{count} minuter")
// reads "1 minuter" for one. Such a number must go through ICU plural syntax
// ("{count, plural, one {# minut} other {# minuter}}"). A heuristic on a word list: the nouns a
// count stands before in Kontakta's texts, Swedish and English, singular and plural.

const COUNTED_NOUNS = new Set(
  [
    // Swedish
    'sekund sekunder minut minuter timme timmar arbetstimme arbetstimmar dag dagar arbetsdag arbetsdagar',
    'vecka veckor månad månader år tecken rad rader länk länkar datum ärende ärenden meddelande meddelanden',
    'mottagning mottagningar enhet enheter gång gånger kod koder fråga frågor svar fel fil filer person personer',
    'sida sidor olästa oläst',
    // English
    'second seconds minute minutes hour hours day days week weeks month months year years character characters',
    'row rows entry entries link links date dates errand errands message messages unit units time times',
    'code codes question questions answer answers error errors file files person people page pages item items',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The places in one ICU message where a plain placeholder stands right before a counted noun,
 * e.g. `["{max} tecken"]`; empty when there are none. Placeholders inside plural branches
 * (`{# {noun}}`) and plural/select arguments themselves are not plain and are not reported.
 */
export function numbersBeforeNouns(message: string): string[] {
  const found: string[] = [];
  for (const match of message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*\}\s+([\p{L}]+)/gu)) {
    const [whole, , word] = match;
    if (word && COUNTED_NOUNS.has(word.toLowerCase())) found.push(whole);
  }
  return found;
}
