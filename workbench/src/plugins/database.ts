/** The database (PGlite or PostgreSQL, db/db.ts) on the app. Its owner opens and closes it. */
import fp from 'fastify-plugin';
import type { Db } from '../db/db';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export const databasePlugin = fp<{ db: Db }>(
  async (app, { db }) => {
    app.decorate('db', db);
  },
  { name: 'workbench-database' },
);
