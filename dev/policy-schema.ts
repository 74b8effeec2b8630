import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { POLICY_SCHEMA_FILE, policyJsonSchema } from '../src/policy/policy-json-schema';

// Writes src/policy/policy.schema.json from the zod schema. Run after changing src/domain/policy-schema.ts:
// npm run policy:schema (a test fails while the committed file differs).
const root = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
writeFileSync(path.join(root, POLICY_SCHEMA_FILE), `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${POLICY_SCHEMA_FILE}`);
