import { createHash } from 'node:crypto';
import type { Department, Directory, Member } from './directory';
import type { JsonStore } from './json-store';

/** What Teams tells the bot about a team (TeamsInfo), used by the setup card. */
export interface TeamInfo {
  readonly id: string;
  readonly name: string;
  readonly channels: readonly { readonly id: string; readonly name: string }[];
  readonly members: readonly Member[];
}

/** A department set up from Teams; `installerId` may do the first setup, its managers later changes. */
export interface StoredDepartment extends Department {
  readonly installerId?: string;
  readonly configured: boolean;
}

const PREFIX = 'departments/';

export function departmentIdForTeam(teamId: string): string {
  return `t-${createHash('sha256').update(teamId).digest('hex').slice(0, 16)}`;
}

/**
 * Departments from the DEPARTMENTS_FILE plus those set up with the setup card in Teams (stored).
 * A stored department replaces a file department with the same id.
 */
export class TeamDirectory implements Directory {
  private cache: { at: number; departments: Promise<StoredDepartment[]> } | undefined;

  constructor(
    private readonly file: Directory & { all(): readonly Department[]; isMunicipalityContact?(userId: string): Promise<boolean> },
    private readonly store: JsonStore,
    private readonly now: () => number = Date.now,
    /** Every card action needs the departments; a setup saved on another instance shows up within this time. */
    private readonly ttlMs = 5_000,
  ) {}

  private stored(): Promise<StoredDepartment[]> {
    const now = this.now();
    if (!this.cache || now - this.cache.at > this.ttlMs) {
      const departments = this.read();
      this.cache = { at: now, departments };
      departments.catch(() => {
        this.cache = undefined;
      });
    }
    return this.cache.departments;
  }

  private async read(): Promise<StoredDepartment[]> {
    const keys = await this.store.list(PREFIX);
    const items = await Promise.all(keys.map((k) => this.store.get<StoredDepartment>(k)));
    return items.flatMap((i) => (i?.value.configured ? [i.value] : []));
  }

  departments(): Promise<readonly Department[]> {
    return this.all();
  }

  async isMunicipalityContact(userId: string): Promise<boolean> {
    return (await this.file.isMunicipalityContact?.(userId)) ?? false;
  }

  private async all(): Promise<Department[]> {
    const stored = await this.stored();
    const ids = new Set(stored.map((d) => d.id));
    return [...this.file.all().filter((d) => !ids.has(d.id)), ...stored];
  }

  async departmentsManagedBy(userId: string): Promise<readonly Department[]> {
    return (await this.all()).filter((d) => d.managerIds.includes(userId));
  }

  async department(id: string): Promise<Department | undefined> {
    return (await this.all()).find((d) => d.id === id);
  }

  /** The department a team is set up as, from storage or the file, with its eTag when stored. */
  async forTeam(teamId: string): Promise<{ department?: StoredDepartment | Department; etag?: string }> {
    const fromFile = this.file.all().find((d) => d.teamId === teamId);
    const id = fromFile?.id ?? departmentIdForTeam(teamId);
    const stored = await this.store.get<StoredDepartment>(`${PREFIX}${id}.json`);
    if (stored) return { department: stored.value, etag: stored.etag };
    return fromFile ? { department: fromFile } : {};
  }

  /** Remembers who added the bot, so only they (or the managers) can set the department up. */
  async noteInstall(team: TeamInfo, installerId: string): Promise<void> {
    const id = this.file.all().find((d) => d.teamId === team.id)?.id ?? departmentIdForTeam(team.id);
    const pending: StoredDepartment = { id, name: team.name, teamId: team.id, members: [], managerIds: [], configured: false, installerId };
    await this.store.create(`${PREFIX}${id}.json`, pending);
  }

  async save(department: StoredDepartment, etag?: string): Promise<'saved' | 'conflict'> {
    const key = `${PREFIX}${department.id}.json`;
    this.cache = undefined;
    if (!etag) return (await this.store.create(key, department)) === 'created' ? 'saved' : 'conflict';
    return this.store.replace(key, department, etag);
  }
}
