import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { CloudAdapter, TeamsSSOTokenExchangeMiddleware, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { CaseRepository } from './app/case-repository';
import { type Actor, CaseService, type CaseService as CaseServiceType, type Clock } from './app/case-service';
import type { Directory } from './app/directory';
import type { TokenResult } from './app/graph-port';
import { GraphWork } from './app/graph-work';
import type { JsonStore } from './app/json-store';
import { ReminderSweep } from './app/reminders';
import { RetentionSweep } from './app/retention';
import type { View } from './app/screens';
import { StatisticsIndex } from './app/statistics-index';
import { sweepCases } from './app/sweep-cases';
import { TeamDirectory } from './app/team-directory';
import { TeamSetup } from './app/team-setup';
import { TeamsCardUpdater } from './bot/card-updater';
import { FederatedCredentialsFactory } from './bot/federated-credentials-factory';
import { JsonBotStorage } from './bot/json-bot-storage';
import { errorSummary, OpbakningBot } from './bot/opbakning-bot';
import { TeamsOwnerNotifier } from './bot/owner-notifier';
import { ReusingBotFrameworkAuthentication } from './bot/reusing-authentication';
import { MonthlyChart } from './chart/monthly-chart';
import type { Config } from './config';
import { FileDirectory } from './directory/file-directory';
import type { Policy } from './domain/policy';
import { devToken } from './graph/dev-token';
import { GraphGateway } from './graph/graph-gateway';
import { createServer } from './http/server';
import type { Logger } from './log';
import { loadPolicy } from './policy/load-policy';
import { BlobJsonStore } from './storage/blob-json-store';

/** Everything the composition root can take from outside, so tests can replace clock, storage and ids. */
export interface AppOverrides {
  readonly clock?: Clock;
  readonly store?: JsonStore;
  readonly directory?: Directory;
  readonly policy?: Policy;
  readonly newId?: () => string;
  /** Tests shorten Graph's retry delay and the invoke budget. */
  readonly graphRetryDelaySeconds?: number;
  readonly graphBudgetMs?: number;
}

export interface App {
  readonly server: restify.Server;
  readonly service: CaseServiceType;
  /** Deletes expired closed cases after warning their owners; main.ts runs it every hour. */
  readonly retention: RetentionSweep;
  /** Reminds owners of due and overdue plan actions, once a day per case. */
  readonly reminders: ReminderSweep;
  /** Retention and reminders in one pass that reads each case once; main.ts runs it every hour. */
  sweep(): Promise<{ counts: Record<string, number>; failed: number }>;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 12 random base32 characters (60 bits): unguessable enough that a case id is no way in by itself. */
export function newCaseId(): string {
  return [...randomBytes(12)].map((b) => BASE32[b % 32]).join('');
}

/**
 * Where delegated Graph tokens come from. `dev`: the simulator's token naming the Teams user.
 * `sso`: the Azure Bot OAuth connection (Teams SSO), fetched by the bot for the turn.
 */
function tokenSource(config: Config): (actor: Actor) => Promise<TokenResult> {
  if (config.graphAuth === 'dev') return async (actor) => ({ ok: true, token: devToken(actor.id, actor.name) });
  return async (actor) => (actor.token ? actor.token() : { ok: false, error: 'signIn' });
}

/**
 * The bot's own Azure identity. In Azure: the user-assigned managed identity (MANAGED_IDENTITY_CLIENT_ID). Elsewhere:
 * whatever DefaultAzureCredential finds (Azure CLI sign-in, workload identity, a system-assigned identity).
 */
function azureCredential(config: Config): TokenCredential {
  return config.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: config.managedIdentityClientId })
    : new DefaultAzureCredential();
}

function blobStore(config: Config, credential: () => TokenCredential): BlobJsonStore {
  return 'accountUrl' in config.storage
    ? BlobJsonStore.fromAccountUrl(config.storage.accountUrl, credential())
    : BlobJsonStore.fromConnectionString(config.storage.connectionString);
}

/** Secret and UserAssignedMSI are botbuilder's own (from config.bot); federated is ours, see the factory. */
function botCredentials(config: Config, credential: () => TokenCredential): FederatedCredentialsFactory | undefined {
  if (config.botCredential !== 'federated') return undefined;
  return new FederatedCredentialsFactory({
    appId: config.bot.MicrosoftAppId,
    tenantId: config.bot.MicrosoftAppTenantId,
    managedIdentity: credential(),
  });
}

/** The one place where adapters are built and wired together. */
export function createApp(config: Config, log: Logger, overrides: AppOverrides = {}): App {
  const clock = overrides.clock ?? { now: () => new Date() };
  const policy = overrides.policy ?? loadPolicy(config.policyFile);
  let identity: TokenCredential | undefined;
  const credential = () => {
    identity ??= azureCredential(config);
    return identity;
  };
  const store = overrides.store ?? blobStore(config, credential);
  const teams = new TeamDirectory(FileDirectory.load(config.departmentsFile), store);
  const directory = overrides.directory ?? teams;
  const statistics = new StatisticsIndex(store, policy, () => clock.now());
  const cases = new CaseRepository(store, statistics);

  const auth = new ReusingBotFrameworkAuthentication({ ...config.bot }, botCredentials(config, credential));
  const adapter = new CloudAdapter(auth);
  // The bot renders cards; the updater needs that to replace a card after slow Graph work.
  let render: ((view: View) => Record<string, unknown>) | undefined;
  const graphGateway = new GraphGateway({
    endpoint: config.graphEndpoint,
    ...(overrides.graphRetryDelaySeconds !== undefined ? { retryDelaySeconds: overrides.graphRetryDelaySeconds } : {}),
  });
  const setup = new TeamSetup(teams, cases);
  const service = new CaseService({
    setup,
    cases,
    directory,
    policy,
    clock,
    newId: overrides.newId ?? newCaseId,
    statistics,
    charts: new MonthlyChart(),
    graph: {
      work: new GraphWork({ graph: graphGateway, cases, directory, policy, clock }),
      token: tokenSource(config),
      updater: new TeamsCardUpdater(adapter, config.bot.MicrosoftAppId, (view) => (render ? render(view) : {})),
      budgetMs: overrides.graphBudgetMs ?? 1500,
      onBackgroundError: (e) => log.error({ err: errorSummary(e) }, 'background Graph work failed'),
      users: (token, ids) => graphGateway.users(token, ids),
    },
  });
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    // One place for unexpected failures: log codes only, tell the manager briefly, never leak internals.
    const err = errorSummary(error);
    const outage = err.code === 'storage_unavailable' ? 'storage' : undefined;
    log.error({ activityId: context.activity.id, err, ...(outage ? { outage } : {}) }, 'turn failed');
    // An invoke must still get an answer: 503 only for a real outage (Teams retries it), else 500.
    if (context.activity.type === 'invoke')
      await context
        .sendActivity({ type: 'invokeResponse', value: { status: outage ? 503 : 500, body: { error: outage ? 'unavailable' : 'failed' } } })
        .catch(() => undefined);
    if (context.activity.type === 'message')
      await context
        .sendActivity('Beklager, noget gik galt. Prøv igen om lidt. / Sorry, something went wrong. Please try again shortly.')
        .catch(() => undefined);
  };
  // SSO needs the Azure Bot (an app id). Without one (local mode) nothing may reach the token service on the
  // internet, so Graph is off and the meeting and message stay manual items.
  const sso = config.graphAuth === 'sso' && !config.localMode ? { connectionName: config.oauthConnectionName } : undefined;
  // Signin/tokenExchange invokes are deduplicated across instances in our storage (BlobsStorage cannot do it).
  if (sso) adapter.use(new TeamsSSOTokenExchangeMiddleware(new JsonBotStorage(store, 'sso/'), sso.connectionName));
  const graphOn = config.graphAuth === 'dev' || Boolean(sso);
  const bot = new OpbakningBot({ service, setup, policy, clock, log, graph: graphOn, ...(sso ? { sso } : {}) });
  render = (view) => bot.render(view);
  const notifier = new TeamsOwnerNotifier(adapter, config.bot.MicrosoftAppId, cases, (view) => bot.notification(view));
  const retention = new RetentionSweep({ cases, policy, clock, notifier });
  const reminders = new ReminderSweep({ cases, policy, clock, notifier });
  const server = createServer({ process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) }, (outage, e) =>
    log.error({ outage, ...(e ? { err: errorSummary(e) } : {}) }, 'request failed'),
  );

  return {
    server,
    service,
    retention,
    reminders,
    // The statistics step only reads (it never spends a case's eTag); its facts are merged at the end.
    sweep: async () => {
      const facts = statistics.collector();
      const result = await sweepCases(cases, [facts.step, retention.step, reminders.step]);
      await facts.flush().catch(() => undefined);
      return result;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve(server.address() as AddressInfo));
      }),
    // Stops accepting, lets turns in flight finish, and drops idle keep-alive connections so it does not wait for them.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}
