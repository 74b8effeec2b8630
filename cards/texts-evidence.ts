import type { Localized } from '../src/domain/i18n';

/** Evidence texts (files sent in the chat, the "Dokumentation" section), in Danish and English. */
export const EVIDENCE_TEXTS = {
  evidenceTitle: { da: 'Dokumentation ({n})', en: 'Evidence ({n})' },
  evidenceNone: {
    da: 'Send skærmbilleder og filer til mig her i chatten; jeg gemmer dem på sagen med tid og SHA-256.',
    en: 'Send me screenshots and files here in the chat; I keep them on the case with the time and SHA-256.',
  },
  evidenceOlder: {
    da: '… og {n} ældre. Hele listen står i eksporten.',
    en: '… and {n} older. The full list is in the export.',
  },
  evidenceShow: { da: 'Vis dokumentation', en: 'Show evidence' },
  evidenceCaptureHint: {
    da: 'Sagens sider gemmes med "Gem siden nu" under "Vis dokumentation".',
    en: 'Save the case\'s pages with "Save the page now" under "Show evidence".',
  },
  evidenceHide: { da: 'Luk dokumentation', en: 'Close evidence' },
  evidenceWithdrawnCount: { da: 'Heraf {n} trukket tilbage.', en: '{n} of them withdrawn.' },
  evidenceFile: { da: 'Fil', en: 'File' },
  evidenceImage: { da: 'Billede', en: 'Image' },
  evidenceCapture: { da: 'Gemt side', en: 'Saved page' },
  evidenceLinkLine: { da: 'Dokumenterer', en: 'Documents' },
  evidenceNoLink: { da: 'Intet link angivet', en: 'No link given' },
  evidenceMeta: { da: 'Modtaget {when} · SHA-256 {hash}', en: 'Received {when} · SHA-256 {hash}' },
  evidenceTakenAt: { da: 'Taget', en: 'Taken' },
  evidenceNote: { da: 'Note', en: 'Note' },
  evidenceWithdrawnMark: { da: 'Trukket tilbage {when}', en: 'Withdrawn {when}' },
  evidenceWithdraw: { da: 'Træk dokumentation tilbage', en: 'Withdraw evidence' },
  evidenceWithdrawWhich: { da: 'Hvilken?', en: 'Which one?' },
  evidenceWithdrawReason: { da: 'Begrundelse (skal udfyldes)', en: 'Reason (required)' },
  evidenceWithdrawHelp: {
    da: 'Dokumentation slettes aldrig enkeltvis: den markeres som trukket tilbage med din begrundelse og følger sagen, til sagen slettes.',
    en: 'Evidence is never deleted item by item: it is marked withdrawn with your reason and stays with the case until the case is deleted.',
  },
  evidenceWithdrawYes: { da: 'Træk tilbage', en: 'Withdraw' },
  evidenceCaseTitle: { da: 'Hvilken sag hører filerne til?', en: 'Which case are the files for?' },
  evidenceCaseHelp: {
    da: 'Du har sendt {n} fil(er), og du har flere åbne sager. Vælg sagen, så gemmer jeg filerne på den.',
    en: 'You sent {n} file(s) and you have more than one open case. Choose the case and I store the files on it.',
  },
  evidenceCaseButton: { da: 'Gem på {ref}', en: 'Store on {ref}' },
  evidenceReceivedTitle: { da: 'Filer modtaget', en: 'Files received' },
  evidenceStored: { da: 'Gemt på sagen', en: 'Stored on the case' },
  evidenceResultDuplicate: { da: 'Ligger allerede på sagen – ikke gemt igen', en: 'Already on the case – not stored again' },
  evidenceResultTooLarge: { da: 'Ikke gemt: filen er over {mb} MB', en: 'Not stored: the file is over {mb} MB' },
  evidenceResultCaseFull: {
    da: 'Ikke gemt: sagen har nået grænsen på {mb} MB dokumentation',
    en: 'Not stored: the case has reached its limit of {mb} MB of evidence',
  },
  evidenceResultEmpty: { da: 'Ikke gemt: filen er tom', en: 'Not stored: the file is empty' },
  evidenceResultInterrupted: {
    da: 'Ikke gemt: overførslen blev afbrudt. Send filen til mig igen.',
    en: 'Not stored: the transfer broke off. Please send the file again.',
  },
  evidenceResultNotAllowed: {
    da: 'Ikke gemt: filen ligger et sted, jeg ikke henter fra. Send den direkte her i chatten.',
    en: 'Not stored: the file is somewhere I do not download from. Send it directly here in the chat.',
  },
  evidenceResultFailed: {
    da: 'Ikke gemt: filen kunne ikke hentes. Send den igen.',
    en: 'Not stored: the file could not be fetched. Send it again.',
  },
  evidenceResultClosed: { da: 'Ikke gemt: sagen er lukket', en: 'Not stored: the case is closed' },
  evidenceAboutTitle: { da: 'Hvad dokumenterer filerne?', en: 'What do the files document?' },
  evidenceAboutHelp: {
    da: 'Gælder de nye filer fra beskeden. Alt er frivilligt.',
    en: 'Applies to the new files from the message. Everything is optional.',
  },
  evidenceLink: { da: 'Link, filerne dokumenterer', en: 'Link the files document' },
  evidenceLinkNone: { da: 'Intet bestemt link', en: 'No particular link' },
  evidenceLinkNew: { da: 'Et nyt link (skriv det nedenfor)', en: 'A new link (type it below)' },
  evidenceNewLink: { da: 'Nyt link', en: 'New link' },
  evidenceNoteLabel: { da: 'Note (valgfri)', en: 'Note (optional)' },
  evidenceTakenDate: { da: 'Dato, skærmbilledet blev taget (valgfri)', en: 'Date the screenshot was taken (optional)' },
  evidenceTakenTime: { da: 'Klokkeslæt (valgfri)', en: 'Time (optional)' },
  evidenceSaveAbout: { da: 'Gem oplysningerne', en: 'Save the details' },
  evidenceSkip: { da: 'Spring over – vis sagen', en: 'Skip – show the case' },
  evidenceTooManyText: {
    da: 'Du sendte {sent} filer i én besked. Jeg tager højst {limit} ad gangen, så jeg har ikke gemt nogen af dem. Send dem i flere beskeder.',
    en: 'You sent {sent} files in one message. I take at most {limit} at a time, so I have stored none of them. Send them in several messages.',
  },
} as const satisfies Record<string, Localized>;
