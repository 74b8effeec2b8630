import { type Attachment, type ConversationReference, type FileConsentCardResponse, MessageFactory, TurnContext } from 'botbuilder';
import { packMessage } from '../../cards/texts-pack';
import type { Actor } from '../app/actions/context';
import type { CasePackService } from '../app/case-pack-service';
import { type PackConsentContext, readConsentContext } from '../app/pack-offer';
import type { View } from '../app/screens';
import type { Locale } from '../domain/i18n';
import { errorSummary, type Logger } from '../log';

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_CARD = 'application/vnd.microsoft.teams.card.file.info';

/**
 * "Lav sagsmappe" the Teams way: a file consent card per file in the 1:1 chat (Teams asks the manager where it may
 * put the file); on accept the bot builds the file and uploads it to the upload URL Teams gives, then posts the file
 * card; on decline it says so. File consent works only in a personal chat.
 */
export async function offerPack(context: TurnContext, view: View, personal: boolean): Promise<void> {
  const offer = view.offer;
  if (!offer) return;
  if (!personal) {
    await context.sendActivity(MessageFactory.text(packMessage('personalOnly', view.locale)));
    return;
  }
  const attachments: Attachment[] = offer.files.map((f) => {
    const ctx: PackConsentContext = { caseId: offer.caseId, file: f.kind, drafts: offer.drafts };
    return {
      contentType: FILE_CONSENT,
      name: f.name,
      content: {
        description: packMessage(f.kind === 'pdf' ? 'consentPdf' : 'consentZip', view.locale),
        sizeInBytes: f.sizeInBytes,
        acceptContext: ctx,
        declineContext: ctx,
      },
    };
  });
  // One message per card: Teams shows each consent card with its own Allow / Decline.
  for (const attachment of attachments) await context.sendActivity(MessageFactory.attachment(attachment));
}

export interface ConsentDeps {
  readonly packs?: CasePackService;
  readonly log: Logger;
  readonly locale: (actor: Actor) => Promise<Locale>;
  /**
   * How long the invoke waits for the upload before Teams is answered and the file card follows proactively: Teams
   * does not wait long for an invoke, and a pack with 250 MB of evidence takes longer.
   */
  readonly budgetMs: number;
  /** Continues in the chat later (CloudAdapter.continueConversationAsync with the bot's app id). */
  readonly later?: (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;
}

type Delivered = Awaited<ReturnType<CasePackService['deliver']>>;

/** Accepted: build, upload, and show the file card (or say why not). Teams gets 200 either way: the answer is in the chat. */
export async function consentAccepted(
  context: TurnContext,
  response: FileConsentCardResponse,
  actor: Actor,
  personal: boolean,
  deps: ConsentDeps,
): Promise<void> {
  const locale = await deps.locale(actor);
  if (!personal) {
    await context.sendActivity(MessageFactory.text(packMessage('personalOnly', locale)));
    return;
  }
  const pack = readConsentContext(response.context);
  const upload = response.uploadInfo;
  if (!pack || !upload?.uploadUrl || !deps.packs) {
    await context.sendActivity(MessageFactory.text(packMessage('failed', locale)));
    return;
  }
  const started = Date.now();
  const work = deps.packs.deliver(actor, pack, upload.uploadUrl, locale).catch((e: unknown): Delivered => {
    deps.log.error({ err: errorSummary(e), caseId: pack.caseId }, 'case pack failed');
    return { ok: false, reason: 'uploadFailed' };
  });
  const done = (result: Delivered) =>
    deps.log.info(
      {
        event: 'casePack',
        caseId: pack.caseId,
        file: pack.file,
        ok: result.ok,
        ...(result.ok ? { bytes: result.size } : { reason: result.reason }),
        ms: Date.now() - started,
      },
      'case pack delivered',
    );
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deps.budgetMs);
  });
  const first = await Promise.race([work, slow]);
  clearTimeout(timer);
  if (first !== 'slow' || !deps.later) {
    const result = first === 'slow' ? await work : first;
    done(result);
    await answer(context, result, upload, pack, locale);
    return;
  }
  await context.sendActivity(MessageFactory.text(packMessage('building', locale)));
  const reference = TurnContext.getConversationReference(context.activity);
  const later = deps.later;
  void work
    .then(async (result) => {
      done(result);
      await later(reference, (ctx) => answer(ctx, result, upload, pack, locale));
    })
    .catch((e: unknown) => deps.log.error({ err: errorSummary(e), caseId: pack.caseId }, 'case pack answer failed'));
}

/** The file card once the file is in OneDrive, or why it is not. */
async function answer(
  context: TurnContext,
  result: Delivered,
  upload: NonNullable<FileConsentCardResponse['uploadInfo']>,
  pack: PackConsentContext,
  locale: Locale,
): Promise<void> {
  if (!result.ok) {
    await context.sendActivity(MessageFactory.text(packMessage(result.reason === 'gone' ? 'gone' : 'failed', locale)));
    return;
  }
  const card: Attachment = {
    contentType: FILE_CARD,
    ...(upload.contentUrl ? { contentUrl: upload.contentUrl } : {}),
    name: upload.name ?? `sagsmappe.${pack.file}`,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? pack.file },
  };
  await context.sendActivity({ ...MessageFactory.text(packMessage('uploaded', locale)), attachments: [card] });
}

export async function consentDeclined(context: TurnContext, actor: Actor, deps: ConsentDeps): Promise<void> {
  await context.sendActivity(MessageFactory.text(packMessage('declined', await deps.locale(actor))));
}
