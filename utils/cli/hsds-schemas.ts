/**
 * The official Open Referral HSDS 3.0 JSON schemas, vendored unchanged in data/hsds-3.0/schema
 * (CC BY-SA 4.0, see data/hsds-3.0/README.md), as one Draft 2020-12 validator. Node only: the
 * HSDS export test and any importer that checks another system's HSDS (e.g. an API response)
 * load the schemas through here, so nothing reads a folder outside the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const HSDS_SCHEMA_DIR = resolve(import.meta.dirname, '..', '..', 'data', 'hsds-3.0', 'schema');

/**
 * 25 files: 21 objects, openapi.json and three compiled schemas (service_with_definitions; service
 * and service_list, which the API's responses use).
 */
const EXPECTED_FILES = 25;

/**
 * Where openapi.json's `$ref`s point (the specification's 3.0 branch). Every file is also known
 * under this address, so the API's response schemas resolve to the vendored copies offline.
 */
export const HSDS_CANONICAL_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFilesUnder(path) : name.endsWith('.json') ? [path] : [];
  });
}

/** Every schema file, relative to the schema folder; throws (never an empty list) when the folder is incomplete. */
export function hsdsSchemaFiles(dir = HSDS_SCHEMA_DIR): string[] {
  let files: string[];
  try {
    files = jsonFilesUnder(dir);
  } catch (error) {
    throw new Error(`HSDS 3.0 schemas missing at ${dir}: ${(error as Error).message}`, { cause: error });
  }
  if (files.length < EXPECTED_FILES) throw new Error(`HSDS 3.0 schemas incomplete at ${dir}: ${files.length} of ${EXPECTED_FILES} files`);
  return files.map((file) => relative(dir, file));
}

/** A schema's check: whether the data is valid, and then why not. */
export interface HsdsValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface HsdsValidators {
  /** The schema files loaded, relative to the schema folder (`service.json`, `compiled/…`). */
  files: string[];
  /**
   * The validator of one schema file, e.g. `service.json`, or of a schema inside one by JSON
   * pointer, e.g. an API response in `openapi.json#/paths/…`; throws for a name that is not loaded.
   */
  validatorFor: (file: string) => HsdsValidator;
}

/** Every file loaded into one validator so that the schemas' `$ref`s to each other resolve. */
export function hsdsValidators(dir = HSDS_SCHEMA_DIR): HsdsValidators {
  // The schemas carry Frictionless Data Package keywords (name, constraints, core, …): not strict.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const files = hsdsSchemaFiles(dir);
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    ajv.addSchema(JSON.parse(text) as object, file);
    ajv.addSchema(JSON.parse(text) as object, `${HSDS_CANONICAL_BASE}${file}`);
  }
  return {
    files,
    validatorFor(file) {
      const validate = ajv.getSchema(file);
      if (!validate) throw new Error(`HSDS schema ${file} is not among the loaded files`);
      return validate as HsdsValidator;
    },
  };
}
