import { toLocale } from '../domain/i18n';
import { splitIds } from '../domain/intake';
import { cleanLine, truncate } from '../domain/text';
import type { CaseRepository } from './case-repository';
import type { Actor } from './case-service';
import type { Department } from './directory';
import type { Notice, View } from './screens';
import type { StoredDepartment, TeamDirectory, TeamInfo } from './team-directory';

export type SetupField = 'channelId' | 'trId' | 'amrId' | 'managerIds';

const notice = (code: Notice['code'], tone: Notice['tone']): Notice => ({ code, tone });

/**
 * The department setup card in a team: the channel for management's messages, the TR, the AMR and the managers.
 * Only whoever added the app (first time) or the department's managers may change it.
 */
export class TeamSetup {
  constructor(
    private readonly directory: TeamDirectory,
    private readonly cases: CaseRepository,
  ) {}

  private async locale(actor: Actor) {
    return (await this.cases.prefs(actor.id)).locale ?? toLocale(actor.locale);
  }

  async installed(actor: Actor, team: TeamInfo): Promise<View> {
    await this.directory.noteInstall(team, actor.id);
    return this.show(actor, team);
  }

  async show(actor: Actor, team: TeamInfo, n?: Notice): Promise<View> {
    const { department } = await this.directory.forTeam(team.id);
    const current = department && (!('configured' in department) || department.configured) ? department : undefined;
    return {
      locale: await this.locale(actor),
      screen: { kind: 'setup', team, ...(current ? { current } : {}), ...(n ? { notice: n } : {}) },
    };
  }

  private mayChange(actor: Actor, department: StoredDepartment | Department | undefined): boolean {
    if (!department) return false;
    if (department.managerIds.includes(actor.id)) return true;
    return 'configured' in department && !department.configured && department.installerId === actor.id;
  }

  async save(actor: Actor, team: TeamInfo, data: Readonly<Record<string, unknown>>): Promise<View> {
    const locale = await this.locale(actor);
    for (let attempt = 0; attempt < 3; attempt++) {
      const { department, etag } = await this.directory.forTeam(team.id);
      if (!this.mayChange(actor, department) || !department) return this.show(actor, team, notice('setupForbidden', 'warning'));
      const members = new Map(team.members.map((m) => [m.id, m]));
      const channelId = cleanLine(data.channelId);
      const trId = cleanLine(data.trId);
      const amrId = cleanLine(data.amrId);
      const managerIds = [...new Set(splitIds(data.managerIds))];
      const invalid =
        !team.channels.some((c) => c.id === channelId) ||
        !members.has(trId) ||
        !members.has(amrId) ||
        !managerIds.length ||
        managerIds.some((id) => !members.has(id));
      if (invalid)
        return {
          locale,
          screen: { kind: 'setup', team, ...(department ? { current: department } : {}), notice: notice('setupInvalid', 'attention') },
        };
      const next: StoredDepartment = {
        id: department.id,
        name: truncate(cleanLine(data.name) || team.name, 100),
        teamId: team.id,
        channelId,
        members: team.members,
        managerIds,
        trId,
        amrId,
        ...(department.contacts ? { contacts: department.contacts } : {}),
        configured: true,
        ...('installerId' in department && department.installerId ? { installerId: department.installerId } : {}),
      };
      // A department from the file is stored as an override the first time it is changed in Teams.
      const result = await this.directory.save(next, 'configured' in department ? etag : undefined);
      if (result === 'saved') return { locale, screen: { kind: 'setup', team, current: next, notice: notice('setupSaved', 'good') } };
    }
    return this.show(actor, team, notice('stale', 'warning'));
  }
}
