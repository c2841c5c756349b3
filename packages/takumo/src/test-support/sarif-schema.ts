import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

/** The published SARIF 2.1.0 schema, installed with the root dev dependency @microsoft/jest-sarif. */
export const SARIF_SCHEMA_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);

/** Compiles the SARIF 2.1.0 schema so a test can check that a command's SARIF log is valid. */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // The published schema is draft-04 (`id`); Ajv 8 reads the same keywords as draft-07 once `id` is `$id`.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
