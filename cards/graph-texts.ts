import type { Localized } from '../src/domain/i18n';
import type { GraphFailure } from '../src/domain/meeting';
import type { GuardrailIssue } from '../src/domain/support-message';

/** What the manager can do about each Graph failure. */
export const GRAPH_FAILURES: Record<GraphFailure, Localized> = {
  throttled: {
    da: 'Microsoft 365 har travlt lige nu. Prøv igen om et øjeblik.',
    en: 'Microsoft 365 is busy right now. Try again in a moment.',
  },
  unavailable: {
    da: 'Microsoft 365 svarede ikke. Prøv igen – intet bliver sendt to gange.',
    en: 'Microsoft 365 did not answer. Try again – nothing will be sent twice.',
  },
  forbidden: {
    da: 'Du har ikke adgang til at gøre dette i Microsoft 365. Kontakt jeres IT-afdeling.',
    en: 'You are not allowed to do this in Microsoft 365. Contact your IT department.',
  },
  notFound: {
    da: 'Afdelingens team eller kanal blev ikke fundet. Kontakt jeres IT-afdeling om opsætningen.',
    en: 'The department’s team or channel was not found. Contact your IT department about the setup.',
  },
  signIn: { da: 'Du skal logge ind igen.', en: 'You need to sign in again.' },
  invalid: {
    da: 'Microsoft 365 afviste forespørgslen. Kontakt jeres IT-afdeling, hvis det sker igen.',
    en: 'Microsoft 365 refused the request. Contact your IT department if it happens again.',
  },
};

export const EMPTY_REASONS: Record<string, Localized> = {
  AttendeesUnavailable: {
    da: 'Der er ikke et tidspunkt i dag eller næste arbejdsdag, hvor alle kan. Vælg et tidspunkt selv – jeg har foreslået det tidligste.',
    en: 'There is no time today or on the next working day when everyone is free. Choose a time yourself – I have suggested the earliest.',
  },
  OrganizerUnavailable: {
    da: 'Din egen kalender er fuld i perioden. Vælg et tidspunkt selv – jeg har foreslået det tidligste.',
    en: 'Your own calendar is full in that period. Choose a time yourself – I have suggested the earliest.',
  },
};

export const GUARDRAILS: Record<GuardrailIssue, Localized> = {
  empty: { da: 'Beskeden er tom.', en: 'The message is empty.' },
  tooLong: { da: 'Beskeden er for lang (højst 4.000 tegn).', en: 'The message is too long (4,000 characters at most).' },
  containsUrl: {
    da: 'Beskeden indeholder et link til opslaget. Fjern det – links spreder opslaget.',
    en: 'The message contains a link to the publication. Remove it – links spread the publication.',
  },
  unsafeLink: {
    da: 'Beskeden indeholder et link, der kan køre kode (javascript:, data: eller lignende). Fjern det.',
    en: 'The message contains a link that can run code (javascript:, data: or similar). Remove it.',
  },
  containsPosterName: {
    da: 'Beskeden nævner den, der har skrevet opslaget. Fjern navnet – beskeden må ikke pege på borgeren.',
    en: 'The message names the poster. Remove the name – the message must not point to the citizen.',
  },
  copiesDescription: {
    da: 'Beskeden gentager tekst fra den interne beskrivelse. Skriv den om uden detaljer fra sagen.',
    en: 'The message repeats text from the internal description. Rewrite it without details of the case.',
  },
  noConsent: {
    da: 'Bekræft, at medarbejderen har set beskeden og er enig i, at den sendes. Medarbejderens ønske afgør det.',
    en: 'Confirm that the employee has seen the message and agrees that it is sent. The employee’s wish decides.',
  },
};
