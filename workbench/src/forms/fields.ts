/**
 * A url-encoded form as @fastify/formbody hands it over (a field sent twice becomes a list),
 * and the zod pieces route schemas build their bodies and queries from.
 */
import { z } from 'zod';

const value = z.union([z.string(), z.array(z.string())]);

/** Any form: every field a string or a list of strings. */
export const formBody = z.record(z.string(), value);
export type FormBody = Partial<z.output<typeof formBody>>;

/** One field's value: the first when it was sent twice, '' when missing. */
export const first = (field: string | string[] | undefined): string => (Array.isArray(field) ? field[0] : field) ?? '';

/** A field read as one string ('' when missing). */
export const text = value.optional().transform(first);

/** A field read as a list (checkboxes): [] when missing. */
export const list = value.optional().transform((field) => (field === undefined ? [] : Array.isArray(field) ? field : [field]));
