import type { PackNoticeCode } from '../src/app/pack-offer';
import type { Locale, Localized } from '../src/domain/i18n';

/** The notices of "Gem siden nu" and "Lav sagsmappe". */
export const PACK_NOTICES: Record<PackNoticeCode, Localized> = {
  captureSaved: {
    da: 'Siden er gemt som dokumentation, med tidspunkt og SHA-256.',
    en: 'The page is saved as evidence, with the time and SHA-256.',
  },
  captureLoginWall: {
    da: 'Siden krævede login, så dens indhold er ikke gemt. Det er noteret på sagen. Tag et skærmbillede, mens du er logget ind, og send det til mig.',
    en: 'The page required a login, so its content was not saved. That is noted on the case. Take a screenshot while signed in and send it to me.',
  },
  captureFailed: {
    da: 'Siden kunne ikke hentes (fejl eller ingen svar). Forsøget er noteret på sagen. Tag et skærmbillede, og send det til mig.',
    en: 'The page could not be fetched (an error or no answer). The attempt is noted on the case. Take a screenshot and send it to me.',
  },
  captureRefused: {
    da: 'Linket fører til en intern eller ikke-offentlig adresse, så Opbakning henter det ikke. Forsøget er noteret på sagen.',
    en: 'The link leads to an internal or non-public address, so Opbakning does not fetch it. The attempt is noted on the case.',
  },
  captureBusy: {
    da: 'Siden er ved at blive gemt. Åbn sagen igen fra "Mine sager" om lidt.',
    en: 'The page is being saved. Open the case again from "My cases" in a moment.',
  },
  captureNotStored: {
    da: 'Siden kunne ikke gemmes: der er ikke plads til mere dokumentation på sagen. Intet er ændret.',
    en: 'The page could not be saved: the case has no room for more evidence. Nothing was changed.',
  },
  packOffered: {
    da: 'Sagsmappen er klar: godkend PDF- og ZIP-filen i chatten, så lægger jeg dem i din OneDrive.',
    en: 'The case file is ready: accept the PDF and the ZIP file in the chat, and I will put them in your OneDrive.',
  },
  packPersonalOnly: {
    da: 'Sagsmappen kan kun sendes i din 1:1-chat med Opbakning.',
    en: 'The case file can only be sent in your 1:1 chat with Opbakning.',
  },
};

/** The evidence part of the case card: "Gem siden nu" per link and "Lav sagsmappe". */
export const PACK_TEXTS = {
  evidenceActionsHelp: {
    da: 'Henter siden én gang og gemmer svaret med tid og SHA-256. Kræver den login, så send et skærmbillede.',
    en: 'Fetches the page once and keeps the response with time and SHA-256. If it needs a login, send a screenshot.',
  },
  savePage: { da: 'Gem siden nu', en: 'Save the page now' },
  pageSavedTimes: { da: 'Gemt {n} gang(e), senest {when}', en: 'Saved {n} time(s), last {when}' },
  makePack: { da: 'Lav sagsmappe', en: 'Make case file' },
  packDrafts: { da: 'Udkast, der skal med i PDF’en', en: 'Drafts to include in the PDF' },
  makePackHelp: {
    da: 'PDF med forløb og dokumentationsoversigt + ZIP med alle filer og SHA256SUMS.',
    en: 'PDF with the history and evidence index + ZIP with every file and SHA256SUMS.',
  },
  evidenceIndex: { da: 'Dokumentation', en: 'Evidence' },
  evidenceIndexNone: { da: 'Ingen dokumentation gemt.', en: 'No evidence stored.' },
  withdrawnMark: { da: 'trukket tilbage', en: 'withdrawn' },
} satisfies Record<string, Localized>;

/** What the bot writes in the chat around the file consent cards. */
const PACK_MESSAGES = {
  consentPdf: {
    da: 'Sagsmappen som PDF (forløb, plan og dokumentationsoversigt).',
    en: 'The case file as a PDF (history, plan and evidence index).',
  },
  consentZip: {
    da: 'Sagsmappen som ZIP: PDF’en, alle dokumentationsfiler, gemte sider og SHA256SUMS.',
    en: 'The case file as a ZIP: the PDF, every evidence file, saved pages and SHA256SUMS.',
  },
  building: {
    da: 'Jeg laver filen og lægger den i din OneDrive. Den kommer her i chatten, når den er klar.',
    en: 'I am making the file and putting it in your OneDrive. It will appear here in the chat when it is ready.',
  },
  uploaded: { da: 'Filen ligger nu i din OneDrive:', en: 'The file is now in your OneDrive:' },
  declined: {
    da: 'Filen er ikke gemt. Du kan lave sagsmappen igen fra sagen.',
    en: 'The file was not saved. You can make the case file again from the case.',
  },
  failed: {
    da: 'Filen kunne ikke lægges i din OneDrive. Intet er ændret på sagen; tryk "Lav sagsmappe" igen om lidt.',
    en: 'The file could not be put in your OneDrive. Nothing changed on the case; press "Make case file" again shortly.',
  },
  gone: {
    da: 'Sagen findes ikke længere, eller du har ikke adgang til den.',
    en: 'The case no longer exists, or you have no access to it.',
  },
  personalOnly: PACK_NOTICES.packPersonalOnly,
} satisfies Record<string, Localized>;

export function packMessage(key: keyof typeof PACK_MESSAGES, locale: Locale): string {
  return PACK_MESSAGES[key][locale];
}
