import { isIP } from 'node:net';
import { type EvidenceConfig, parseEvidenceConfig } from './evidence/evidence-config';

/** Settings, parsed once at start from the environment. Nothing else reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Where the case records live and how the bot signs in there: exactly one of the two. */
  readonly storage: StorageSetting;
  /**
   * Client id of the user-assigned managed identity the bot runs as (MANAGED_IDENTITY_CLIENT_ID): it signs in to storage
   * (STORAGE_ACCOUNT_URL) and, through the app registration's federated credential, to the Bot Framework.
   */
  readonly managedIdentityClientId?: string;
  readonly policyFile?: string;
  readonly departmentsFile?: string;
  readonly graphEndpoint: string;
  readonly graphAuth: 'sso' | 'dev';
  /** The Azure Bot's OAuth connection for Teams SSO (GRAPH_AUTH=sso). */
  readonly oauthConnectionName: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** botbuilder's own names, handed to ConfigurationBotFrameworkAuthentication as they are. */
  readonly bot: {
    readonly MicrosoftAppId: string;
    readonly MicrosoftAppPassword: string;
    readonly MicrosoftAppTenantId: string;
    readonly MicrosoftAppType: string;
  };
  /**
   * How the bot proves to the Bot Framework that it is its app registration: `secret` (MicrosoftAppPassword),
   * `federated` (a token of its managed identity, trusted by the registration's federated credential; no secret),
   * `msi` (botbuilder's UserAssignedMSI: the app id is the managed identity), or `none` in local mode.
   */
  readonly botCredential: 'none' | 'secret' | 'federated' | 'msi';
  /** True when no app id is set: requests are not authenticated, so we only listen on loopback. */
  readonly localMode: boolean;
  /**
   * Evidence limits and the hosts files may be downloaded from (EVIDENCE_MAX_FILE_MB, EVIDENCE_MAX_CASE_MB,
   * EVIDENCE_MAX_FILES_PER_MESSAGE, EVIDENCE_DOWNLOAD_HOSTS). Loopback over http is admitted in local mode only.
   */
  readonly evidence: EvidenceConfig;
}

export type StorageSetting =
  /** Account key or Azurite: STORAGE_CONNECTION_STRING. */
  | { readonly connectionString: string }
  /** Entra ID: STORAGE_ACCOUNT_URL, signed in with a token credential (managed identity in Azure). */
  | { readonly accountUrl: string };

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Opbakning cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

/** Reads and checks every setting; reports all mistakes at once, each with how to fix it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const get = (name: string) => env[name]?.trim() ?? '';

  const portText = get('PORT') || '3978';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535)
    problems.push(`PORT is "${portText}"; use a port number from 1 to 65535 (default 3978).`);

  const appId = get('MicrosoftAppId');
  const localMode = !appId;
  const host = get('HOST') || (localMode ? '127.0.0.1' : '0.0.0.0');
  if (localMode && !isLoopback(host))
    problems.push(
      `HOST is "${host}" but MicrosoftAppId is empty: without an app id requests are not authenticated, so the bot only listens on 127.0.0.1. Set MicrosoftAppId (and its password) or remove HOST.`,
    );

  const storageConnectionString = get('STORAGE_CONNECTION_STRING');
  const storageAccountUrl = get('STORAGE_ACCOUNT_URL').replace(/\/+$/, '');
  if (storageConnectionString && storageAccountUrl)
    problems.push(
      'STORAGE_CONNECTION_STRING and STORAGE_ACCOUNT_URL are both set; keep only one: STORAGE_ACCOUNT_URL to sign in with the managed identity (recommended in Azure), or STORAGE_CONNECTION_STRING for an account key or Azurite.',
    );
  else if (!storageConnectionString && !storageAccountUrl)
    problems.push(
      'STORAGE_CONNECTION_STRING is missing; set it to the Azure Storage account connection string (locally, `npm start` sets it to Azurite for you), or set STORAGE_ACCOUNT_URL=https://<account>.blob.core.windows.net instead to sign in with the managed identity (recommended in Azure).',
    );
  else if (storageConnectionString && !/(AccountName=|BlobEndpoint=|UseDevelopmentStorage=true)/i.test(storageConnectionString))
    problems.push(
      'STORAGE_CONNECTION_STRING does not look like an Azure Storage connection string (expected AccountName=… or BlobEndpoint=…).',
    );
  else if (storageAccountUrl) {
    let url: URL | undefined;
    try {
      url = new URL(storageAccountUrl);
    } catch {
      problems.push(
        `STORAGE_ACCOUNT_URL is "${storageAccountUrl}"; use the blob endpoint, such as https://<account>.blob.core.windows.net.`,
      );
    }
    // Bearer tokens travel only over https (Azure Storage and Azurite both refuse them over http).
    if (url && url.protocol !== 'https:')
      problems.push('STORAGE_ACCOUNT_URL must use https, such as https://<account>.blob.core.windows.net.');
    if (url && (url.search || url.username || url.password))
      problems.push(
        'STORAGE_ACCOUNT_URL must be the bare blob endpoint, without a SAS token or user name; the bot signs in with its managed identity, so remove everything from "?".',
      );
  }

  const managedIdentityClientId = get('MANAGED_IDENTITY_CLIENT_ID');
  if (managedIdentityClientId && !GUID.test(managedIdentityClientId))
    problems.push(
      `MANAGED_IDENTITY_CLIENT_ID is "${managedIdentityClientId}"; use the client id (a GUID) of the user-assigned managed identity, shown on the identity's overview page.`,
    );

  const graphEndpoint = (get('GRAPH_ENDPOINT') || 'https://graph.microsoft.com').replace(/\/+$/, '');
  let graphUrl: URL | undefined;
  try {
    graphUrl = new URL(graphEndpoint);
  } catch {
    problems.push(`GRAPH_ENDPOINT is "${graphEndpoint}"; use a URL such as https://graph.microsoft.com.`);
  }
  if (graphUrl && graphUrl.protocol !== 'https:' && !isLoopback(graphUrl.hostname))
    problems.push('GRAPH_ENDPOINT must use https (plain http is only allowed for the local simulator on 127.0.0.1).');

  const graphAuth = get('GRAPH_AUTH') || 'sso';
  if (graphAuth !== 'sso' && graphAuth !== 'dev') problems.push(`GRAPH_AUTH is "${graphAuth}"; use "sso" (default) or "dev".`);
  if (graphAuth === 'dev' && graphUrl && !isLoopback(graphUrl.hostname))
    problems.push('GRAPH_AUTH=dev is only allowed when GRAPH_ENDPOINT is the local simulator on a loopback address.');

  const appType = get('MicrosoftAppType') || (appId ? 'MultiTenant' : '');
  const appPassword = get('MicrosoftAppPassword');
  let botCredential: Config['botCredential'] = 'none';
  if (appId) {
    if (!APP_TYPES.includes(appType)) problems.push(`MicrosoftAppType is "${appType}"; use one of ${APP_TYPES.join(', ')}.`);
    if (appType === 'UserAssignedMSI') {
      botCredential = 'msi';
      if (appPassword)
        problems.push(
          'MicrosoftAppPassword is set, but MicrosoftAppType=UserAssignedMSI signs in with the managed identity; remove MicrosoftAppPassword.',
        );
    } else if (appPassword) botCredential = 'secret';
    else if (managedIdentityClientId && appType === 'SingleTenant') botCredential = 'federated';
    else if (managedIdentityClientId)
      problems.push(
        'MicrosoftAppType must be SingleTenant for a federated credential (MANAGED_IDENTITY_CLIENT_ID without MicrosoftAppPassword); set MicrosoftAppType=SingleTenant and MicrosoftAppTenantId.',
      );
    else
      problems.push(
        'MicrosoftAppPassword is missing; set MANAGED_IDENTITY_CLIENT_ID to the client id of the managed identity that the app registration’s federated credential trusts (recommended, no secret; with MicrosoftAppType=SingleTenant), or set MicrosoftAppPassword to a client secret of the bot’s app registration (or use MicrosoftAppType=UserAssignedMSI).',
      );
    if (appType !== 'MultiTenant' && !get('MicrosoftAppTenantId'))
      problems.push(`MicrosoftAppTenantId is missing; it is required when MicrosoftAppType is ${appType}.`);
  }

  const logLevel = (get('LOG_LEVEL') || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL is "${logLevel}"; use one of ${LOG_LEVELS.join(', ')}.`);

  const evidence = parseEvidenceConfig(env);
  if (!evidence.ok) problems.push(...evidence.problems);

  if (problems.length || !evidence.ok) throw new ConfigError(problems);
  const policyFile = get('POLICY_FILE');
  const departmentsFile = get('DEPARTMENTS_FILE');
  return Object.freeze({
    port,
    host,
    storage: storageAccountUrl ? { accountUrl: storageAccountUrl } : { connectionString: storageConnectionString },
    // With UserAssignedMSI the app id is the managed identity, so storage signs in as that identity too.
    ...(managedIdentityClientId || botCredential === 'msi' ? { managedIdentityClientId: managedIdentityClientId || appId } : {}),
    ...(policyFile ? { policyFile } : {}),
    ...(departmentsFile ? { departmentsFile } : {}),
    graphEndpoint,
    graphAuth: graphAuth as Config['graphAuth'],
    oauthConnectionName: get('OAUTH_CONNECTION_NAME') || 'graph',
    logLevel,
    bot: {
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppTenantId: get('MicrosoftAppTenantId'),
      MicrosoftAppType: appType,
    },
    botCredential,
    localMode,
    evidence: evidence.config,
  });
}
