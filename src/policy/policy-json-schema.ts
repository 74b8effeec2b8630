import { z } from 'zod';
import { PolicySchema } from '../domain/policy-schema';

/** Where the published schema lives; default-policy.json and a municipality's copy point at it with "$schema". */
export const POLICY_SCHEMA_FILE = 'src/policy/policy.schema.json';

/** The policy's JSON Schema, generated from the zod schema (the one source of truth), for editors. */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PolicySchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Opbakning policy: the response procedure and decision table',
  };
}
