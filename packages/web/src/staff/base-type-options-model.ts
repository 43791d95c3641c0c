import type { Language } from '@kontakta/domain';

// The option editor for a base errand type is drawn from the type's option schema (plain JSON
// Schema from the domain), not written per type: a new option in the domain gets an editor
// without a change here, as long as its shape is one of these.

type Localized = { sv: string; en: string };

/** One option as the editor shows it. */
export type OptionControl =
  /** A yes/no option: one checkbox. */
  | Readonly<{ kind: 'boolean'; key: string }>
  /** A set chosen from fixed values (the health questions): one checkbox per value. */
  | Readonly<{ kind: 'choose-values'; key: string; values: readonly string[] }>
  /** A list the unit writes, each row a text in Swedish and English (certificate kinds). */
  | Readonly<{ kind: 'text-list'; key: string; minItems: number; maxItems: number; maxLength: number }>
  /** A shape this editor does not know: kept as it is. */
  | Readonly<{ kind: 'unsupported'; key: string }>;

type Schema = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function properties(schema: unknown): Readonly<Record<string, unknown>> | undefined {
  return isObject(schema) && schema.type === 'object' && isObject(schema.properties) ? schema.properties : undefined;
}

/** `{ sv: string, en: string }`: text an administrator writes in both languages; its longest allowed length. */
function localizedTextLimit(schema: unknown): number | undefined {
  const props = properties(schema);
  if (!props || Object.keys(props).sort().join() !== 'en,sv') return undefined;
  const limits = [props.sv, props.en].map((text) =>
    isObject(text) && text.type === 'string' ? (typeof text.maxLength === 'number' ? text.maxLength : 300) : undefined,
  );
  return limits.every((limit) => limit !== undefined) ? Math.min(...(limits as number[])) : undefined;
}

/** A choice option: a machine value and a text in both languages. */
function isLabelledValue(schema: unknown): number | undefined {
  const props = properties(schema);
  if (!props || Object.keys(props).sort().join() !== 'label,value') return undefined;
  if (!isObject(props.value) || props.value.type !== 'string') return undefined;
  return localizedTextLimit(props.label);
}

function controlFor(key: string, schema: unknown): OptionControl {
  if (!isObject(schema)) return { kind: 'unsupported', key };
  if (schema.type === 'boolean') return { kind: 'boolean', key };
  if (schema.type === 'array' && isObject(schema.items)) {
    const items = schema.items;
    if (Array.isArray(items.enum) && items.enum.every((value) => typeof value === 'string')) {
      return { kind: 'choose-values', key, values: items.enum as string[] };
    }
    const maxLength = isLabelledValue(items);
    if (maxLength !== undefined) {
      return {
        kind: 'text-list',
        key,
        minItems: typeof schema.minItems === 'number' ? schema.minItems : 0,
        maxItems: typeof schema.maxItems === 'number' ? schema.maxItems : 50,
        maxLength,
      };
    }
  }
  return { kind: 'unsupported', key };
}

/** The editor's controls for an option schema, in the schema's order; none for a type without options. */
export function optionControls(schema: unknown): OptionControl[] {
  return Object.entries(properties(schema) ?? {}).map(([key, property]) => controlFor(key, property));
}

/** A row of a text list while it is edited; `value` is kept for rows that existed (errands refer to it). */
export type TextRow = Readonly<{ rowKey: string; value: string | undefined; label: Localized }>;

/** What the editor holds for each option: a boolean, the chosen values, the rows, or the stored value as it is. */
export type OptionDraft = Readonly<Record<string, unknown>>;

let rowCounter = 0;
/** A key React can keep a row by; never sent anywhere. */
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

/** The stored options turned into the editor's draft (missing options take an empty value). */
export function draftFromOptions(
  controls: readonly OptionControl[],
  options: Readonly<Record<string, unknown>>,
): OptionDraft {
  const draft: Record<string, unknown> = {};
  for (const control of controls) {
    const stored = options[control.key];
    switch (control.kind) {
      case 'boolean':
        draft[control.key] = stored === true;
        break;
      case 'choose-values':
        draft[control.key] = Array.isArray(stored) ? stored.filter((value) => typeof value === 'string') : [];
        break;
      case 'text-list':
        draft[control.key] = (Array.isArray(stored) ? stored : []).filter(isObject).map(
          (item): TextRow => ({
            rowKey: newRowKey(),
            value: typeof item.value === 'string' ? item.value : undefined,
            label: {
              sv: isObject(item.label) && typeof item.label.sv === 'string' ? item.label.sv : '',
              en: isObject(item.label) && typeof item.label.en === 'string' ? item.label.en : '',
            },
          }),
        );
        break;
      case 'unsupported':
        draft[control.key] = stored;
        break;
    }
  }
  return draft;
}

const VALUE_MAX_LENGTH = 64;

/**
 * A machine value for a new row, made from its Swedish text (`Intyg för dykning` →
 * `intyg-for-dykning`) and different from every value in `taken`. It matches the domain's option
 * value pattern: a–z, 0–9 and hyphens, starting with a letter or digit, at most 64 characters.
 */
export function optionValueFor(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, VALUE_MAX_LENGTH)
      .replace(/-+$/, '') || 'alternativ';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, VALUE_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The options as the server takes them. Texts are trimmed (a text of only spaces is then empty,
 * which the server names at its own field); new rows get a value of their own.
 */
export function optionsFromDraft(controls: readonly OptionControl[], draft: OptionDraft): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const control of controls) {
    const value = draft[control.key];
    if (control.kind === 'text-list') {
      const rows = (value ?? []) as readonly TextRow[];
      const taken = new Set(rows.flatMap((row) => (row.value ? [row.value] : [])));
      options[control.key] = rows.map((row) => {
        const label = { sv: row.label.sv.trim(), en: row.label.en.trim() };
        if (row.value) return { value: row.value, label };
        const made = optionValueFor(label.sv || label.en, taken);
        taken.add(made);
        return { value: made, label };
      });
    } else if (value !== undefined) {
      options[control.key] = value;
    }
  }
  return options;
}

/** The id of the input for one part of an option: `options-certificateKinds-2-label-sv`. */
export function optionInputId(key: string, ...parts: readonly (string | number)[]): string {
  return ['options', key, ...parts].join('-');
}

/**
 * Where a server problem points (`body.options.certificateKinds[2].label.sv`), as the input to link
 * to: the most precise one of `knownIds`, walking up the path to the option itself.
 */
export function targetIdForPath(path: string, knownIds: ReadonlySet<string>): string | undefined {
  const inside = path.replace(/^body\.options\.?/, '');
  if (inside === path && path.startsWith('body')) return undefined;
  const parts = inside
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  for (let length = parts.length; length > 0; length--) {
    const [key, ...rest] = parts.slice(0, length);
    const id = optionInputId(key ?? '', ...rest);
    if (knownIds.has(id)) return id;
  }
  return undefined;
}

/** Where inside an option a problem points: the option, its row (0-based) and the language. */
export function pathParts(
  path: string,
): Readonly<{ key: string; row: number | undefined; language: Language | undefined }> | undefined {
  const match = /^body\.options\.([A-Za-z0-9_]+)(?:\[(\d+)\])?(?:\.(?:label|value))?(?:\.(sv|en))?$/.exec(path);
  if (!match?.[1]) return undefined;
  return {
    key: match[1],
    row: match[2] === undefined ? undefined : Number(match[2]),
    language: match[3] === 'sv' || match[3] === 'en' ? match[3] : undefined,
  };
}
