/** Where to go after a form: a path on this server only, never another site (`//host`, `/\host`). */
export const safeReturn = (path: string, fallback: string): string => (/^\/(?![/\\])/.test(path) ? path : fallback);
