import { readFileSync } from 'node:fs';
import type { Department, Directory } from '../app/directory';
import { ConfigError } from '../config';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a departments document (README: "Departments file"); every problem is reported. */
export function parseDepartments(doc: unknown, where = 'DEPARTMENTS_FILE'): Department[] {
  const problems: string[] = [];
  const list = isObject(doc) && Array.isArray(doc.departments) ? (doc.departments as unknown[]) : undefined;
  if (!list) throw new ConfigError([`${where}: expected {"departments": [...]}`]);
  const ids = new Set<string>();
  list.forEach((d, i) => {
    const at = `${where}: departments[${i}]`;
    if (!isObject(d)) {
      problems.push(`${at} must be an object`);
      return;
    }
    if (typeof d.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(d.id))
      problems.push(`${at}.id must be lower-case letters, digits and dashes`);
    else if (ids.has(d.id)) problems.push(`${at}.id "${d.id}" is used twice`);
    else ids.add(d.id);
    if (typeof d.name !== 'string' || !d.name.trim()) problems.push(`${at}.name is missing`);
    const members = Array.isArray(d.members) ? (d.members as unknown[]) : [];
    if (!members.length) problems.push(`${at}.members must list the department's people`);
    const memberIds = new Set<string>();
    members.forEach((m, j) => {
      if (!isObject(m) || typeof m.id !== 'string' || !m.id || typeof m.name !== 'string' || !m.name.trim())
        problems.push(`${at}.members[${j}] needs "id" (Entra object id) and "name"`);
      else memberIds.add(m.id);
    });
    const managers = Array.isArray(d.managerIds) ? (d.managerIds as unknown[]) : [];
    if (!managers.length) problems.push(`${at}.managerIds must name at least one manager`);
    for (const id of managers)
      if (typeof id !== 'string' || !memberIds.has(id)) problems.push(`${at}.managerIds: ${JSON.stringify(id)} is not a member`);
    for (const key of ['trId', 'amrId'])
      if (d[key] !== undefined && (typeof d[key] !== 'string' || !memberIds.has(d[key] as string)))
        problems.push(`${at}.${key}: ${JSON.stringify(d[key])} is not a member`);
  });
  if (problems.length) throw new ConfigError(problems);
  return list as Department[];
}

/** Departments from the file IT provisions (DEPARTMENTS_FILE), read once at start. */
export class FileDirectory implements Directory {
  private readonly byId: Map<string, Department>;

  constructor(departments: readonly Department[]) {
    this.byId = new Map(departments.map((d) => [d.id, d]));
  }

  static load(file: string | undefined): FileDirectory {
    if (!file) return new FileDirectory([]);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError([`DEPARTMENTS_FILE "${file}" could not be read as JSON: ${(e as Error).message}`]);
    }
    return new FileDirectory(parseDepartments(doc, `DEPARTMENTS_FILE "${file}"`));
  }

  all(): readonly Department[] {
    return [...this.byId.values()];
  }

  async departmentsManagedBy(userId: string): Promise<readonly Department[]> {
    return [...this.byId.values()].filter((d) => d.managerIds.includes(userId));
  }

  async department(id: string): Promise<Department | undefined> {
    return this.byId.get(id);
  }
}
