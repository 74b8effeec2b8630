import { readFileSync } from 'node:fs';
import { ConfigError } from '../config';
import { type Policy, parsePolicy } from '../domain/policy';
import defaultPolicy from './default-policy.json';

/** The built-in policy, or the municipality's own file (POLICY_FILE), checked before the bot starts. */
export function loadPolicy(file?: string): Policy {
  let doc: unknown = defaultPolicy;
  if (file) {
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError([`POLICY_FILE "${file}" could not be read as JSON: ${(e as Error).message}`]);
    }
  }
  const result = parsePolicy(doc);
  if (!result.ok) throw new ConfigError(result.errors.map((e) => `POLICY_FILE${file ? ` "${file}"` : ' (built-in)'}: ${e}`));
  return result.policy;
}
