import type { Random } from '../../packages/server/src/registers/demo/seeded-random.ts';

// Swedish text of the kind citizens and caregivers write, to give sealed messages realistic sizes
// (a few words to a few paragraphs) and realistic content for anyone looking at a decrypted sample.

const CITIZEN_SENTENCES = [
  'Jag har haft ont i halsen i snart en vecka och det blir inte bättre.',
  'Hostan är värst på nätterna och jag sover dåligt.',
  'Jag undrar om jag behöver komma in eller om det räcker med egenvård.',
  'Sedan förra besöket har besvären kommit tillbaka, framför allt på morgonen.',
  'Jag har tagit receptfria värktabletter men de hjälper bara en kort stund.',
  'Min läkare sa att jag skulle höra av mig om det inte blev bättre inom två veckor.',
  'Jag har också fått utslag på armarna som kliar.',
  'Blodtrycket har legat runt 150/95 de senaste mätningarna hemma.',
  'Jag jobbar skift och kan därför inte alla dagar, helst förmiddagar.',
  'Det gäller min knäskada från i våras, som fortfarande svullnar efter promenader.',
  'Jag skulle vilja prata med någon om min sömn och oro.',
  'Jag har svårt att ta mig till mottagningen och skulle gärna få ett telefonsamtal.',
  'Jag har varit i kontakt med er tidigare om samma sak.',
  'Medicinen tar slut om fem dagar.',
  'Jag vill gärna ha en tid hos samma läkare som förra gången om det går.',
  'Yrseln kommer och går och jag har ramlat en gång.',
  'Jag är gravid i vecka 14 och undrar vad som gäller framöver.',
  'Jag behöver intyget till min arbetsgivare senast nästa månad.',
  'Tack för snabbt svar förra gången.',
  'Jag har ingen feber men känner mig mycket trött.',
];

const STAFF_SENTENCES = [
  'Tack för ditt meddelande.',
  'Jag har läst det du skriver och pratat med ansvarig läkare.',
  'Receptet är förnyat och finns på apoteket inom en timme.',
  'Utifrån det du beskriver rekommenderar vi egenvård några dagar till.',
  'Om du får hög feber, andningssvårigheter eller blir sämre ska du söka vård samma dag.',
  'Vi har bokat en tid åt dig, se tid och plats nedan.',
  'Ta med dig en lista över de läkemedel du använder när du kommer.',
  'Provsvaren är normala och vi ser ingen anledning till ytterligare utredning just nu.',
  'Ring 1177 om du behöver råd utanför mottagningens öppettider.',
  'Vi behöver träffa dig för en undersökning innan vi kan ta ställning.',
  'Intyget skickas till dig med post inom två veckor.',
  'Sjukskrivningen är förlängd enligt nedan.',
  'Journalkopian är skickad till din folkbokföringsadress.',
  'Hjälpmedlen är beställda och levereras till den adress du angett.',
  'Hör gärna av dig igen om besvären inte går över.',
  'Med vänliga hälsningar',
];

const MEDICINES = [
  ['Levaxin', '50 mikrogram', '1 tablett på morgonen'],
  ['Enalapril', '10 mg', '1 tablett dagligen'],
  ['Metformin', '500 mg', '1 tablett morgon och kväll'],
  ['Atorvastatin', '20 mg', '1 tablett till kvällen'],
  ['Omeprazol', '20 mg', '1 kapsel före frukost'],
  ['Sertralin', '50 mg', '1 tablett dagligen'],
  ['Salbutamol', '0,1 mg/dos', '1–2 inhalationer vid behov'],
  ['Waran', '2,5 mg', 'enligt ordination'],
  ['Alvedon', '500 mg', '2 tabletter vid behov, högst 4 gånger per dygn'],
  ['Bisoprolol', '5 mg', '1 tablett på morgonen'],
  ['Losartan', '50 mg', '1 tablett dagligen'],
  ['Desloratadin', '5 mg', '1 tablett dagligen under pollensäsong'],
] as const;

const AIDS = [
  ['TENA Lady Normal', 'normal', 4, true],
  ['Inkontinensskydd Super', 'M', 5, true],
  ['Kompressionsstrumpa klass 2', 'L', 1, false],
  ['Blodsockerstickor FreeStyle', '', 4, false],
  ['Stomipåse öppen', '45 mm', 3, false],
  ['Inkontinensbyxa', 'L', 3, true],
] as const;

const PLACES = ['Mottagningen plan 2', 'Rum 14, entréplanet', 'Vårdcentralen, ingång B', 'Videobesök'];
const CAREGIVERS = ['Dr Lindqvist', 'Sjuksköterska Berg', 'Dr Ahmed', 'Barnmorska Holm', 'Fysioterapeut Nilsson'];
const PAIN_LOCATIONS = ['halsen', 'ländryggen', 'höger knä', 'magen', 'huvudet', 'vänster axel'];
const ISSUERS = ['Vårdcentralen Solgläntan', 'Dr Persson, Ortopedmottagningen', 'Företagshälsan Previa'];

export function citizenText(random: Random, sentences: number): string {
  return joinSentences(random, CITIZEN_SENTENCES, sentences);
}

export function staffText(random: Random, sentences: number): string {
  return `${joinSentences(random, STAFF_SENTENCES.slice(0, -1), sentences)}\n\n${STAFF_SENTENCES.at(-1)}\n${random.pick(CAREGIVERS)}`;
}

export function staffSentences(random: Random, sentences: number): string {
  return joinSentences(random, STAFF_SENTENCES.slice(1, -1), sentences);
}

function joinSentences(random: Random, bank: readonly string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.pick(bank));
  return out.join(' ');
}

export function medicine(random: Random): { name: string; strength: string; dosage: string } {
  const [name, strength, dosage] = random.pick(MEDICINES);
  return { name, strength, dosage };
}

export function aid(random: Random): { productName: string; size: string; usePerDay: number; incontinence: boolean } {
  const [productName, size, usePerDay, incontinence] = random.pick(AIDS);
  return { productName, size, usePerDay, incontinence };
}

export const SHORT_TEXTS: Readonly<Record<string, readonly string[]>> = {
  appointmentWith: CAREGIVERS,
  preferredCaregiver: CAREGIVERS,
  caregiver: CAREGIVERS,
  whomName: CAREGIVERS,
  preferredDoctor: CAREGIVERS,
  newDoctor: CAREGIVERS,
  assignedDoctor: CAREGIVERS,
  place: PLACES,
  painLocation: PAIN_LOCATIONS,
  currentIssuer: ISSUERS,
  currentCertificateIssuer: ISSUERS,
  currentUnit: ISSUERS,
  otherCertificateKind: ['Intyg för färdtjänst', 'Läkarintyg för vapenlicens', 'Intyg till försäkringsbolag'],
  deliveryAddress: ['Storgatan 12', 'Björkvägen 3 lgh 1102', 'Ringvägen 40'],
  deliveryPostalCode: ['123 45', '752 36', '413 01'],
  deliveryCity: ['Stockholm', 'Uppsala', 'Göteborg', 'Malmö'],
  freeCardNumber: ['FK 2025-118842', '1188420'],
  item: ['Levaxin 50 mikrogram', 'Enalapril 10 mg', 'Inkontinensskydd Super'],
};
