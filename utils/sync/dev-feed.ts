/**
 * The local demo feed of `npm run dev` (served by utils/wxt-modules/dev-feed.ts, signed with
 * data/demo/feed-key.json). Imported only behind `import.meta.env.DEV`, so production bundles never
 * contain, let alone trust, this key.
 */
export const DEV_FEED_PORT = 8787;
export const DEV_FEED_URL = `http://127.0.0.1:${DEV_FEED_PORT}/catalogue.json`;
export const DEV_FEED_PUBLIC_KEY = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQM4pf3DsypE/GhtNsvrBndkApDCIb+YVgDRMqbY4ibw+azNacmTPmu8dqovlejYbLl175wVe8dJj9RDZ7aVltA==';
