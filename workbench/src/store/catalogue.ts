/** The catalogue as a whole: its header, the first import, and the assembly that publishing signs. */
import type { Catalogue } from '@jarjestoopas/utils/catalogue/schema';
import type { Db, Queryable } from '../db/db';
import { audit } from './audit';
import { json } from './json';
import { KIND_COLLECTION, listRecords, RECORD_KINDS, type CatalogueRecord, type Header, type RecordKind } from './records';

export async function isCatalogueEmpty(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM catalogue_header')).length === 0;
}

/** Loads a whole (already validated) catalogue into the empty tables, in one transaction. */
export async function importCatalogue(db: Db, catalogue: Catalogue, actor: string): Promise<void> {
  const { categories, organisations, services, sites, infoSessions, ...header } = catalogue;
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO catalogue_header (data) VALUES ($1::jsonb)', [json(header)]);
    await audit(tx, { actor, action: 'import', kind: 'catalogue', recordId: header.region, after: header });
    const all: Array<[RecordKind, CatalogueRecord[]]> = [
      ['category', categories],
      ['organisation', organisations],
      ['service', services],
      ['site', sites],
      ['infoSession', infoSessions],
    ];
    for (const [kind, records] of all) {
      // One statement per kind: a 10,000-service catalogue imports in seconds, not minutes.
      if (records.length === 0) continue;
      await tx.query(
        `INSERT INTO records (kind, id, position, data)
         SELECT $1, r->>'id', (ord - 1)::int, r FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(r, ord)`,
        [kind, json(records)],
      );
      await tx.query(
        `INSERT INTO audit_log (actor, action, kind, record_id, after)
         SELECT $1, 'import', $2, r->>'id', r FROM jsonb_array_elements($3::jsonb) AS t(r)`,
        [actor, kind, json(records)],
      );
    }
  });
}

export async function readHeader(db: Queryable): Promise<Header> {
  const [row] = await db.query<{ data: Header }>('SELECT data FROM catalogue_header');
  if (!row) throw new Error('the catalogue is empty: start the workbench once to import data/catalogue.json');
  return row.data;
}

/** Assembles the catalogue from the live (not ended) records, in the imported order. */
export async function assembleCatalogue(db: Queryable): Promise<Record<string, unknown>> {
  const header = await readHeader(db);
  const catalogue: Record<string, unknown> = { ...header };
  for (const kind of RECORD_KINDS) catalogue[KIND_COLLECTION[kind]] = (await listRecords(db, kind)).map((record) => record.data);
  return catalogue;
}

/** The catalogue tells the extension where reports go: this server's intake. */
export async function pointReportsAt(db: Db, reportUrl: string): Promise<void> {
  const header = await readHeader(db);
  if (header.maintainer.reportUrl === reportUrl) return;
  const next = { ...header, maintainer: { ...header.maintainer, reportUrl } };
  await db.transaction(async (tx) => {
    await tx.query('UPDATE catalogue_header SET data = $1::jsonb', [json(next)]);
    await audit(tx, { actor: 'start', action: 'edit', kind: 'catalogue', recordId: header.region, before: header, after: next });
  });
}
