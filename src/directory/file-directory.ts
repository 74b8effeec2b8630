import { readFileSync } from 'node:fs';
import type { Department, Directory, MunicipalityContact } from '../app/directory';
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

const ROLES: readonly MunicipalityContact['role'][] = ['workEnvironment', 'hr'];

/**
 * The optional "municipalityContacts" list: people who see the statistics of every department (README: "Statistics").
 * Every problem is reported.
 */
export function parseMunicipalityContacts(doc: unknown, where = 'DEPARTMENTS_FILE'): MunicipalityContact[] {
  const list = isObject(doc) ? doc.municipalityContacts : undefined;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new ConfigError([`${where}: municipalityContacts must be a list`]);
  const problems: string[] = [];
  const ids = new Set<string>();
  list.forEach((c: unknown, i) => {
    const at = `${where}: municipalityContacts[${i}]`;
    if (!isObject(c) || typeof c.id !== 'string' || !c.id || typeof c.name !== 'string' || !c.name.trim()) {
      problems.push(`${at} needs "id" (Entra object id), "name" and "role"`);
      return;
    }
    if (ids.has(c.id)) problems.push(`${at}.id "${c.id}" is listed twice`);
    ids.add(c.id);
    if (!ROLES.includes(c.role as MunicipalityContact['role'])) problems.push(`${at}.role must be "workEnvironment" or "hr"`);
  });
  if (problems.length) throw new ConfigError(problems);
  return (list as MunicipalityContact[]).map(({ id, name, role }) => ({ id, name, role }));
}

/** Departments from the file IT provisions (DEPARTMENTS_FILE), read once at start. */
export class FileDirectory implements Directory {
  private readonly byId: Map<string, Department>;

  constructor(
    departments: readonly Department[],
    private readonly contacts: readonly MunicipalityContact[] = [],
  ) {
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
    const where = `DEPARTMENTS_FILE "${file}"`;
    return new FileDirectory(parseDepartments(doc, where), parseMunicipalityContacts(doc, where));
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

  async departments(): Promise<readonly Department[]> {
    return this.all();
  }

  async isMunicipalityContact(userId: string): Promise<boolean> {
    return this.contacts.some((c) => c.id === userId);
  }
}
