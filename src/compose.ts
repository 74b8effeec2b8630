import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { CloudAdapter, TeamsSSOTokenExchangeMiddleware, type TurnContext } from 'botbuilder';
import type restify from 'restify';
import { CasePackService } from './app/case-pack-service';
import { CaseRepository } from './app/case-repository';
import { type Actor, CaseService, type CaseService as CaseServiceType, type Clock } from './app/case-service';
import { CheckInSweep } from './app/check-ins';
import type { Directory } from './app/directory';
import { pruneInbox } from './app/evidence-intake';
import type { EvidencePort } from './app/evidence-port';
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
import { OpbakningBot } from './bot/opbakning-bot';
import { TeamsOwnerNotifier } from './bot/owner-notifier';
import { ReusingBotFrameworkAuthentication } from './bot/reusing-authentication';
import { MonthlyChart } from './chart/monthly-chart';
import type { Config } from './config';
import { FileDirectory } from './directory/file-directory';
import type { Policy } from './domain/policy';
import { checkDownloadUrl } from './evidence/download-allow-list';
import { PageCapturer, type ResolveHost } from './evidence/page-capture';
import { devToken } from './graph/dev-token';
import { GraphGateway } from './graph/graph-gateway';
import { ChunkedUploader } from './http/chunked-upload';
import { createServer } from './http/server';
import { errorSummary, type Logger } from './log';
import { LazyPackWriter } from './pack/pack-writer';
import { loadPolicy } from './policy/load-policy';
import { BlobJsonStore } from './storage/blob-json-store';
import { type DownloadGate, EvidenceBlobStore } from './storage/evidence-blob-store';

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
  /** Evidence bytes somewhere else (tests: the test's own Azurite container). */
  readonly evidence?: EvidencePort;
  /** DNS for "Gem siden nu" (tests map names of a local test site). */
  readonly resolveHost?: ResolveHost;
  /** How long accepting a file consent waits for the upload before the file card follows proactively. */
  readonly packBudgetMs?: number;
}

export interface App {
  readonly server: restify.Server;
  readonly service: CaseServiceType;
  /** Deletes expired closed cases after warning their owners; main.ts runs it every hour. */
  readonly retention: RetentionSweep;
  /** Reminds owners of due and overdue plan actions, once a day per case. */
  readonly reminders: ReminderSweep;
  /** Sends the employees' follow-up check-ins when due, once. */
  readonly checkIns: CheckInSweep;
  /** Retention, reminders and check-ins in one pass that reads each case once; main.ts runs it every hour. */
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

/** Where evidence may be downloaded from: the configured hosts over https; loopback too in local mode (a local test server). */
export function downloadGate(config: Config): DownloadGate {
  const options = { hosts: config.evidence.downloadHosts, localMode: config.localMode };
  return (url) => {
    const check = checkDownloadUrl(url, options);
    return check.ok ? { ok: true } : { ok: false, ...(check.host ? { host: check.host } : {}) };
  };
}

function evidenceStore(config: Config, credential: () => TokenCredential): EvidencePort {
  const options = { fetch: globalThis.fetch, gate: downloadGate(config) };
  return 'accountUrl' in config.storage
    ? EvidenceBlobStore.fromAccountUrl(config.storage.accountUrl, credential(), options)
    : EvidenceBlobStore.fromConnectionString(config.storage.connectionString, options);
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
  const statistics = new StatisticsIndex(store, policy, () => clock.now(), {
    // Repaired by the hourly sweep; the error's class and code only.
    onError: (e) => log.warn({ err: errorSummary(e), event: 'statisticsWrite' }, 'statistics summary write failed'),
  });
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
  const evidencePort = overrides.evidence ?? evidenceStore(config, credential);
  const { maxFileBytes, maxCaseBytes, maxFilesPerMessage } = config.evidence;
  const evidence = {
    port: evidencePort,
    limits: { maxFileBytes, maxCaseBytes, maxFilesPerMessage },
    inbox: store,
    // The host only: a download URL can carry a token, and the file name is personal data.
    refused: (host: string | undefined) =>
      log.warn({ event: 'evidenceRefused', host: host?.slice(0, 255) ?? 'none' }, 'evidence download refused'),
  };
  const pages = new PageCapturer({
    resolve: overrides.resolveHost ?? ((host) => lookup(host, { all: true })),
    now: () => clock.now(),
    localMode: config.localMode,
  });
  const packs = new CasePackService({
    cases,
    directory,
    policy,
    clock,
    evidence: evidencePort,
    uploader: new ChunkedUploader(fetch),
    writer: new LazyPackWriter(),
    // Only where Teams puts the manager's files (OneDrive for Business is on SharePoint); loopback in local mode.
    uploadAllowed: (url) => checkDownloadUrl(url, { hosts: ['*.sharepoint.com'], localMode: config.localMode }).ok,
  });
  // The bot renders the cards the notifier sends; it is made below.
  let notification: ((view: View) => { card: Record<string, unknown>; summary?: string }) | undefined;
  const notifier = new TeamsOwnerNotifier(adapter, config.bot.MicrosoftAppId, cases, (view) =>
    notification ? notification(view) : { card: {} },
  );
  const service = new CaseService({
    evidence,
    capture: { pages, evidence: evidencePort, limits: { maxFileBytes, maxCaseBytes }, claims: store },
    setup,
    cases,
    directory,
    policy,
    clock,
    newId: overrides.newId ?? newCaseId,
    notifier,
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
  const bot = new OpbakningBot({
    service,
    setup,
    policy,
    clock,
    log,
    graph: graphOn,
    ...(sso ? { sso } : {}),
    attachmentAuth: !config.localMode,
    packs,
    packDelivery: {
      budgetMs: overrides.packBudgetMs ?? 8000,
      later: (reference, logic) => adapter.continueConversationAsync(config.bot.MicrosoftAppId, reference, logic),
    },
    ...(config.bot.MicrosoftAppId ? { botId: config.bot.MicrosoftAppId } : {}),
  });
  render = (view) => bot.render(view);
  notification = (view) => bot.notification(view);
  const retention = new RetentionSweep({ cases, policy, clock, notifier, evidence: evidencePort });
  const reminders = new ReminderSweep({ cases, policy, clock, notifier });
  const checkIns = new CheckInSweep({ cases, policy, clock, notifier });
  const server = createServer({ process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) }, (outage, e) =>
    log.error({ outage, ...(e ? { err: errorSummary(e) } : {}) }, 'request failed'),
  );

  return {
    server,
    service,
    retention,
    reminders,
    checkIns,
    // The statistics step only reads (it never spends a case's eTag); its facts are merged at the end.
    sweep: async () => {
      const inbox = await pruneInbox(store, clock.now()).catch(() => 0);
      const facts = statistics.collector();
      const result = await sweepCases(cases, [facts.step, retention.step, reminders.step, checkIns.step]);
      await facts.flush().catch(() => undefined);
      return inbox ? { ...result, counts: { ...result.counts, inboxPruned: inbox } } : result;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve(server.address() as AddressInfo));
      }),
    // Stops accepting, lets turns in flight finish, and drops idle keep-alive connections so it does not wait for them.
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      // Facts queued by the last saves are written before the process goes (no request adds more now).
      await statistics.settled();
    },
  };
}
