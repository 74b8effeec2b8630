import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parsePolicy } from '../../src/domain/policy';
import { POLICY_SCHEMA_FILE, policyJsonSchema } from '../../src/policy/policy-json-schema';

const root = path.resolve(__dirname, '../..');
const committed = JSON.parse(readFileSync(path.join(root, POLICY_SCHEMA_FILE), 'utf8'));
const policyText = readFileSync(path.join(root, 'src/policy/default-policy.json'), 'utf8');

describe('the published JSON Schema of the policy', () => {
  it('is the one generated from the zod schema (run `npm run policy:schema` after changing it)', () => {
    expect(committed).toEqual(policyJsonSchema());
  });

  it('is what the built-in policy names first, so an editor offers completion and checks', () => {
    expect(Object.keys(JSON.parse(policyText))[0]).toBe('$schema');
    expect(JSON.parse(policyText).$schema).toBe('./policy.schema.json');
    expect(parsePolicy(JSON.parse(policyText)).ok).toBe(true);
  });

  it('accepts the built-in policy and refuses what the bot refuses', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    expect(validate(JSON.parse(policyText))).toBe(true);
    const broken = JSON.parse(policyText);
    broken.actions[0].kind = 'phoneCall';
    broken.actions[1].due = { weeks: 2 };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/actions/0/kind', '/actions/1/due']));
    expect(parsePolicy(broken).ok).toBe(false);
  });
});
