import type { ConnectedService, ConnectedServiceBody, ServiceClaim } from '@kontakta/contract';

// The form for a connected service, as the administrator edits it: plain strings and sets, turned
// into the API's body on save; the server's refusals point back at the fields by their paths.

export type ServiceDraft = Readonly<{
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  url: string;
  units: readonly string[];
  handOver: boolean;
  /** One address a line. */
  redirectUris: string;
  claims: readonly ServiceClaim[];
}>;

export const SERVICE_FIELDS = [
  'nameSv',
  'nameEn',
  'descriptionSv',
  'descriptionEn',
  'url',
  'units',
  'redirectUris',
  'claims',
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

/** The fields a service cannot be saved without (the addresses only with a hand-over). */
const REQUIRED: readonly ServiceField[] = ['nameSv', 'nameEn', 'descriptionSv', 'descriptionEn', 'url'];

export function emptyServiceDraft(units: readonly string[]): ServiceDraft {
  return {
    nameSv: '',
    nameEn: '',
    descriptionSv: '',
    descriptionEn: '',
    url: '',
    units,
    handOver: false,
    redirectUris: '',
    claims: ['name'],
  };
}

export function draftOfService(service: ConnectedService): ServiceDraft {
  return {
    nameSv: service.name.sv,
    nameEn: service.name.en,
    descriptionSv: service.description.sv,
    descriptionEn: service.description.en,
    url: service.url,
    units: service.units.map((unit) => unit.hsaId),
    handOver: service.handOver !== null,
    redirectUris: service.handOver?.redirectUris.join('\n') ?? '',
    claims: (service.handOver?.claims ?? ['name']).filter(isClaim),
  };
}

function isClaim(claim: string): claim is ServiceClaim {
  return claim === 'name' || claim === 'personnummer';
}

/** The redirect URIs typed, one a line, blank lines left out. */
export function redirectUriLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function serviceBody(draft: ServiceDraft): ConnectedServiceBody {
  return {
    name: { sv: draft.nameSv.trim(), en: draft.nameEn.trim() },
    description: { sv: draft.descriptionSv.trim(), en: draft.descriptionEn.trim() },
    url: draft.url.trim(),
    units: [...draft.units],
    handOver: draft.handOver ? { redirectUris: redirectUriLines(draft.redirectUris), claims: [...draft.claims] } : null,
  };
}

/** Fields left empty that must be filled in. */
export function blankServiceFields(draft: ServiceDraft): ServiceField[] {
  const blank = REQUIRED.filter((field) => String(draft[field]).trim() === '');
  if (draft.handOver && redirectUriLines(draft.redirectUris).length === 0) blank.push('redirectUris');
  return blank;
}

export function serviceDraftChanged(a: ServiceDraft, b: ServiceDraft): boolean {
  return JSON.stringify(serviceBody(a)) !== JSON.stringify(serviceBody(b)) || a.handOver !== b.handOver;
}

const PATHS: ReadonlyArray<readonly [RegExp, ServiceField]> = [
  [/^body\.name\.sv\b/, 'nameSv'],
  [/^body\.name\.en\b/, 'nameEn'],
  [/^body\.description\.sv\b/, 'descriptionSv'],
  [/^body\.description\.en\b/, 'descriptionEn'],
  [/^body\.url\b/, 'url'],
  [/^body\.units\b/, 'units'],
  [/^body\.handOver\.redirectUris\b/, 'redirectUris'],
  [/^body\.handOver\.claims\b/, 'claims'],
];

/** The field a refusal's path (`body.handOver.redirectUris[1]`) points at, if any. */
export function serviceFieldOfPath(path: string): ServiceField | undefined {
  return PATHS.find(([pattern]) => pattern.test(path))?.[1];
}

/** Which line of the redirect URIs a path points at (1-based), for the message. */
export function redirectUriLineOfPath(path: string): number | undefined {
  const match = /^body\.handOver\.redirectUris\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) + 1 : undefined;
}
