/** JSON goes into PostgreSQL as text with an explicit `::jsonb` cast (db/db.ts says why). */
export const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
