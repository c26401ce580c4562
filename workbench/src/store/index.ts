/**
 * The workbench's data, one file per area, all through the one query interface (db/db.ts) so
 * PGlite and PostgreSQL run the same SQL. Callers write `store.getRecord(…)`.
 */
export * from './audit';
export * from './booking-sheet-imports';
export * from './catalogue';
export * from './feed-revisions';
export * from './info-sessions';
export * from './maintainers';
export * from './records';
export * from './reports';
export * from './save-record';
export * from './sign-ins';
export * from './ptv-imports';
export * from './missing-services';
export * from './feed-deltas';
