import { AppError } from './app-error.ts';

/** Opaque cursors: base64url JSON of the last row's sort key, so clients cannot build their own. */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends Record<string, 'string' | 'number'>>(
  cursor: string | undefined,
  shape: K,
): { [P in keyof K]: K[P] extends 'string' ? string : number } | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.entries(shape).every(([key, type]) => typeof (parsed as Record<string, unknown>)[key] === type);
  if (!valid) {
    throw new AppError('validation-failed', undefined, [
      { path: 'query.cursor', code: 'invalid-cursor', message: 'is not a cursor from this list' },
    ]);
  }
  return parsed as { [P in keyof K]: K[P] extends 'string' ? string : number };
}

/** Fetches one row more than asked to know whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Record<string, string | number>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
