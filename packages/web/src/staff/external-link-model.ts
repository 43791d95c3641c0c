// The link form's rules that the page checks before sending: every text is required. The server
// checks the rest (https only, no credentials in the address, lengths) and names the field.

export type LinkDraft = Readonly<{ titleSv: string; titleEn: string; url: string }>;
export type LinkField = keyof LinkDraft;

export const LINK_FIELDS: readonly LinkField[] = ['titleSv', 'titleEn', 'url'];

/** The fields left empty (or only spaces), in the form's order. */
export function blankLinkFields(draft: LinkDraft): LinkField[] {
  return LINK_FIELDS.filter((field) => draft[field].trim() === '');
}

/** The request body for a draft. */
export function linkBody(draft: LinkDraft) {
  return { title: { sv: draft.titleSv.trim(), en: draft.titleEn.trim() }, url: draft.url.trim() };
}

/** Which field a server problem is about: `body.title.en` → `titleEn`. */
export function linkFieldOfPath(path: string): LinkField | undefined {
  if (path === 'body.url' || path.startsWith('body.url.')) return 'url';
  if (path === 'body.title.en') return 'titleEn';
  if (path === 'body.title' || path.startsWith('body.title.')) return 'titleSv';
  return undefined;
}

/** The ids with the one at `index` moved one step up (-1) or down (1); unchanged at the ends. */
export function movedIds(ids: readonly string[], index: number, by: -1 | 1): string[] {
  const to = index + by;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  const [id] = next.splice(index, 1);
  next.splice(to, 0, id as string);
  return next;
}
