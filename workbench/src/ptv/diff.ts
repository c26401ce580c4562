/** One field that differs between the last imported draft and this run's. */
export interface FieldChange {
  /** Dotted path into the draft: "phones", "names.sv", "hours". */
  field: string;
  old: unknown;
  new: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Field-level differences. Objects are compared key by key (so "names.sv" changes alone);
 * arrays and scalars as whole values (a phone list that changed is one change a reviewer
 * accepts or rejects). Keys in `ignore` (provenance such as `modified`) are not compared.
 */
export function diffFields(before: unknown, after: unknown, ignore: ReadonlySet<string> = new Set(), path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const field = path ? `${path}.${key}` : key;
      return ignore.has(field) ? [] : diffFields(before[key], after[key], ignore, field);
    });
  }
  return canonical(before) === canonical(after) ? [] : [{ field: path, old: before, new: after }];
}

/** JSON with sorted keys: key order never counts as a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isPlainObject(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item,
  ) ?? 'undefined';
}
