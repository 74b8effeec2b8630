import { createHash, randomUUID } from 'node:crypto';
import type { Attachment, TurnContext } from 'botbuilder';
import type { IncomingFile } from '../app/evidence-intake';

/** A file sent in the chat: Teams puts it in the sender's OneDrive and gives a pre-authenticated download link. */
const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A screenshot pasted into the chat arrives as an image whose `contentUrl` needs the bot's own token. */
const IMAGE_NAMES: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * The files of a message, in both Teams forms; cards, the text/html copy of the message and anything else are not files.
 * Nothing here is trusted: the URLs are checked against the allow-list when downloaded, the names are cleaned when stored.
 */
export function filesOf(attachments: readonly Attachment[] | undefined): IncomingFile[] {
  const files: IncomingFile[] = [];
  for (const a of attachments ?? []) {
    const type = typeof a.contentType === 'string' ? a.contentType.toLowerCase() : '';
    const name = typeof a.name === 'string' ? a.name.slice(0, 1000) : '';
    if (type === FILE_INFO) {
      const content = (typeof a.content === 'object' && a.content !== null ? a.content : {}) as {
        downloadUrl?: unknown;
        fileType?: unknown;
      };
      const url = typeof content.downloadUrl === 'string' ? content.downloadUrl : '';
      files.push({ url, name, needsToken: false });
    } else if (type.startsWith('image/') && typeof a.contentUrl === 'string') {
      files.push({
        url: a.contentUrl,
        name: name || `skærmbillede.${IMAGE_NAMES[type] ?? 'img'}`,
        declaredType: type.slice(0, 100),
        needsToken: true,
      });
    }
  }
  return files;
}

/** The message's own key for the inbox claim: the same activity delivered twice (or to two instances) has the same key. */
export function inboxIdOf(context: TurnContext): string {
  const { id, conversation } = context.activity;
  const source = id ? `${conversation?.id ?? ''}\n${id}` : randomUUID();
  return createHash('sha256').update(source).digest('hex').slice(0, 40);
}

/** The Bot Framework's attachment service: the only place the bot's own token is sent to. */
const BOT_FRAMEWORK_HOST = /^(smba\.trafficmanager\.net|([a-z0-9-]+\.)+botframework\.com)$/;

/** The token for an inline image's URL: https on the Bot Framework's hosts only, else none. */
export function tokenFor(context: TurnContext): (url: string) => Promise<string | undefined> {
  let header: Promise<string | undefined> | undefined;
  return async (url) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return undefined;
    }
    if (u.protocol !== 'https:' || !BOT_FRAMEWORK_HOST.test(u.hostname.toLowerCase())) return undefined;
    header ??= botAuthorization(context);
    return header;
  };
}

interface SignableCredentials {
  signRequest(resource: unknown): Promise<unknown>;
}

/**
 * The bot's own Authorization header, as the adapter's connector client signs its calls (secret, federated or managed
 * identity alike); undefined in local mode, where there is no app id and nothing is signed. Never logged.
 */
export async function botAuthorization(context: TurnContext): Promise<string | undefined> {
  const adapter = context.adapter as unknown as { ConnectorClientKey?: symbol };
  const client = adapter.ConnectorClientKey ? context.turnState.get(adapter.ConnectorClientKey) : undefined;
  const credentials = (client as { credentials?: SignableCredentials } | undefined)?.credentials;
  if (!credentials?.signRequest) return undefined;
  const headers = new Map<string, string>();
  const resource = {
    url: 'https://smba.trafficmanager.net/',
    method: 'GET',
    headers: {
      set: (k: string, v: string) => void headers.set(k.toLowerCase(), v),
      get: (k: string) => headers.get(k.toLowerCase()),
      contains: (k: string) => headers.has(k.toLowerCase()),
    },
  };
  await credentials.signRequest(resource);
  return headers.get('authorization');
}
