import { type Attachment, type FileConsentCardResponse, MessageFactory, type TurnContext } from 'botbuilder';
import { packMessage } from '../../cards/texts-evidence';
import type { Actor } from '../app/actions/context';
import type { CasePackService } from '../app/case-pack-service';
import { type PackConsentContext, readConsentContext } from '../app/pack-offer';
import type { View } from '../app/screens';
import type { Locale } from '../domain/i18n';
import type { Logger } from '../log';

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

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
    const ctx: PackConsentContext = { caseId: offer.caseId, file: f.kind };
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
}

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
  const result = await deps.packs.deliver(actor, pack.caseId, pack.file, upload.uploadUrl, locale).catch((e: unknown) => {
    deps.log.error({ err: { name: (e as Error)?.name ?? typeof e }, caseId: pack.caseId }, 'case pack failed');
    return { ok: false as const, reason: 'uploadFailed' as const };
  });
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
  if (!result.ok) {
    await context.sendActivity(MessageFactory.text(packMessage(result.reason === 'gone' ? 'gone' : 'failed', locale)));
    return;
  }
  const card: Attachment = {
    contentType: FILE_INFO,
    ...(upload.contentUrl ? { contentUrl: upload.contentUrl } : {}),
    name: upload.name ?? `sagsmappe.${pack.file}`,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? pack.file },
  };
  await context.sendActivity({ ...MessageFactory.text(packMessage('uploaded', locale)), attachments: [card] });
}

export async function consentDeclined(context: TurnContext, actor: Actor, deps: ConsentDeps): Promise<void> {
  await context.sendActivity(MessageFactory.text(packMessage('declined', await deps.locale(actor))));
}
