// Lists of the registry's things are read from memory, sorted by id; a cursor is the last id
// of the previous page (encoded, so it reads as opaque and survives any id characters).

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export class InvalidPageCursorError extends Error {}

export function pageOf<T extends { id: string }>(all: readonly T[], limit: number, cursor?: string): Page<T> {
  const after = cursor === undefined ? undefined : decode(cursor);
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = after === undefined ? sorted : sorted.filter((item) => item.id > after);
  const items = rest.slice(0, limit);
  return { items, ...(rest.length > limit ? { nextCursor: encode(items[items.length - 1].id) } : {}) };
}

const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

function decode(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!id || encode(id) !== cursor) throw new InvalidPageCursorError('cursor is not one of ours');
  return id;
}
