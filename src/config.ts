import { isIP } from 'node:net';

/** Settings, parsed once at start from the environment. Nothing else reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly storageConnectionString: string;
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
  /** True when no app id is set: requests are not authenticated, so we only listen on loopback. */
  readonly localMode: boolean;
}

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
  if (!storageConnectionString)
    problems.push(
      'STORAGE_CONNECTION_STRING is missing; set it to the Azure Storage account connection string (locally, `npm start` sets it to Azurite for you).',
    );
  else if (!/(AccountName=|BlobEndpoint=|UseDevelopmentStorage=true)/i.test(storageConnectionString))
    problems.push(
      'STORAGE_CONNECTION_STRING does not look like an Azure Storage connection string (expected AccountName=… or BlobEndpoint=…).',
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
  if (appId) {
    if (!APP_TYPES.includes(appType)) problems.push(`MicrosoftAppType is "${appType}"; use one of ${APP_TYPES.join(', ')}.`);
    if (appType !== 'UserAssignedMSI' && !get('MicrosoftAppPassword'))
      problems.push(
        'MicrosoftAppPassword is missing; set the client secret of the bot’s app registration (or use MicrosoftAppType=UserAssignedMSI).',
      );
    if (appType !== 'MultiTenant' && !get('MicrosoftAppTenantId'))
      problems.push(`MicrosoftAppTenantId is missing; it is required when MicrosoftAppType is ${appType}.`);
  }

  const logLevel = (get('LOG_LEVEL') || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL is "${logLevel}"; use one of ${LOG_LEVELS.join(', ')}.`);

  if (problems.length) throw new ConfigError(problems);
  const policyFile = get('POLICY_FILE');
  const departmentsFile = get('DEPARTMENTS_FILE');
  return Object.freeze({
    port,
    host,
    storageConnectionString,
    ...(policyFile ? { policyFile } : {}),
    ...(departmentsFile ? { departmentsFile } : {}),
    graphEndpoint,
    graphAuth: graphAuth as Config['graphAuth'],
    oauthConnectionName: get('OAUTH_CONNECTION_NAME') || 'graph',
    logLevel,
    bot: {
      MicrosoftAppId: appId,
      MicrosoftAppPassword: get('MicrosoftAppPassword'),
      MicrosoftAppTenantId: get('MicrosoftAppTenantId'),
      MicrosoftAppType: appType,
    },
    localMode,
  });
}
