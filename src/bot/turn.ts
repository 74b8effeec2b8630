import { type ChannelAccount, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../app/case-service';
import type { TeamInfo } from '../app/team-directory';
import { userToken } from './user-token';

/** "@Opbakning opsætning" in a team channel shows the setup card. */
export const SETUP = /\b(ops(æ|ae)tning|setup)\b/i;

export function teamId(context: TurnContext): string | undefined {
  return (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}

/** The team, its channels and members, from Teams (the Bot Connector's roster APIs). */
export async function teamInfo(context: TurnContext): Promise<TeamInfo> {
  const id = teamId(context) ?? '';
  const [details, channels, members] = await Promise.all([
    TeamsInfo.getTeamDetails(context).catch(() => undefined),
    TeamsInfo.getTeamChannels(context),
    TeamsInfo.getPagedMembers(context, 500),
  ]);
  return {
    id,
    name: details?.name ?? 'Team',
    channels: channels.map((c) => ({ id: c.id ?? '', name: c.name ?? 'General' })).filter((c) => c.id),
    members: members.members
      .filter((m) => m.aadObjectId)
      .map((m) => ({
        id: m.aadObjectId as string,
        name: m.name ?? '',
        ...(m.userPrincipalName || m.email ? { upn: (m.userPrincipalName || m.email) as string } : {}),
      })),
  };
}

export function actorOf(context: TurnContext, sso?: { connectionName: string }, ssoToken?: string): Actor {
  const from = context.activity.from ?? ({} as ChannelAccount);
  return {
    id: from.aadObjectId || from.id || '',
    name: from.name || '',
    locale: context.activity.locale,
    ...(sso ? { token: () => userToken(context, sso.connectionName, ssoToken) } : {}),
  };
}

export function isPersonal(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return !type || type === 'personal';
}
