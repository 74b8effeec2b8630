import type { NoticeCode } from '../src/app/screens';
import type { Localized } from '../src/domain/i18n';
import type { FieldError } from '../src/domain/intake';
import { PACK_NOTICES } from './texts-pack';

/** One-line notices above a card, in Danish and English. */
export const NOTICES: Record<NoticeCode, Localized> = {
  ...PACK_NOTICES,
  noStatistics: {
    da: 'Statistikken er for ledere og for kommunens arbejdsmiljø- og HR-kontakter. Du står ikke som nogen af dem i Opbakning. Kontakt din IT-afdeling, hvis det er en fejl.',
    en: 'The statistics are for managers and for the municipality’s work-environment and HR contacts. You are not listed as either in Opbakning. Contact your IT department if this is a mistake.',
  },
  statisticsForbidden: {
    da: 'Du kan kun se statistik for de afdelinger, du er leder af. Skriv "statistik" for at se dem.',
    en: 'You can only see statistics for the departments you manage. Type "statistics" to see them.',
  },
  stale: {
    da: 'Kortet var ikke længere det nyeste, så intet er ændret. Her er sagen, som den står nu.',
    en: 'That card was out of date, so nothing was changed. Here is the case as it stands now.',
  },
  notAllowedNow: {
    da: 'Det kan ikke gøres på dette trin. Her er sagen, som den står nu.',
    en: 'That cannot be done at this step. Here is the case as it stands now.',
  },
  unknownCase: {
    da: 'Jeg kan ikke finde sagen. Den kan være slettet. Skriv "mine sager" for at se dine sager.',
    en: 'I cannot find that case. It may have been deleted. Type "my cases" to see your cases.',
  },
  forbidden: {
    da: 'Du har ikke adgang til denne sag. Sager kan kun ses af den leder, der oprettede dem, og de ledere, der er tilføjet.',
    en: 'You do not have access to this case. Cases can only be seen by the manager who opened them and the managers added to them.',
  },
  notManager: {
    da: 'Du er ikke registreret som leder i en afdeling, der bruger Opbakning. Kontakt din IT-afdeling, hvis det er en fejl.',
    en: 'You are not registered as a manager of a department that uses Opbakning. Contact your IT department if this is a mistake.',
  },
  invalidInput: {
    da: 'Noget mangler eller skal rettes. Se markeringerne nedenfor – det, du har skrevet, er bevaret.',
    en: 'Something is missing or needs correcting. See the notes below – what you entered is kept.',
  },
  storageUnavailable: {
    da: 'Jeg kunne ikke gemme eller hente sagen lige nu. Intet er gået tabt – prøv igen om lidt.',
    en: 'I could not save or load the case just now. Nothing is lost – please try again shortly.',
  },
  badRequest: {
    da: 'Jeg kunne ikke læse dit svar. Prøv igen fra det nyeste kort.',
    en: 'I could not read your answer. Please try again from the latest card.',
  },
  saved: { da: 'Gemt.', en: 'Saved.' },
  actionDone: { da: 'Handlingen er markeret som udført.', en: 'The action is marked as done.' },
  actionReopened: { da: 'Handlingen er åbnet igen.', en: 'The action is open again.' },
  reasonRequired: {
    da: 'Skriv kort i feltet "Reference eller begrundelse", hvorfor handlingen ikke er relevant. Begrundelsen kommer med i sagens oplysninger.',
    en: 'Write briefly in the "Reference or reason" field why the action is not relevant. The reason becomes part of the case record.',
  },
  actionNotRelevant: {
    da: 'Handlingen er markeret som ikke relevant i denne sag. Du kan genåbne den.',
    en: 'The action is marked as not relevant to this case. You can reopen it.',
  },
  closed: { da: 'Sagen er lukket.', en: 'The case is closed.' },
  escalated: {
    da: 'Optrækket er gjort til en sag om udhængning. Oplysningerne er overført.',
    en: 'The early signs have been turned into a case. The details are carried over.',
  },
  languageChanged: { da: 'Jeg skriver nu på dansk.', en: 'I will now write in English.' },
  signIn: {
    da: 'Jeg har ikke adgang til din kalender og Teams lige nu. Log ind, når Teams beder om det, og prøv igen.',
    en: 'I do not have access to your calendar and Teams right now. Sign in when Teams asks you to, and try again.',
  },
  signInFailed: {
    da: 'Jeg kunne ikke logge dig ind hos Microsoft 365, så jeg kan ikke booke mødet eller sende beskeden for dig. Du kan gøre begge dele selv: Book mødet i Outlook eller Teams, og skriv beskeden i afdelingens kanal. Åbn derefter sagen nedenfor, og marker handlingerne som udført. Sker det igen, så kontakt jeres IT-afdeling.',
    en: 'I could not sign you in to Microsoft 365, so I cannot book the meeting or post the message for you. You can do both yourself: book the meeting in Outlook or Teams, and write the message in the department’s channel. Then open the case below and mark the actions as done. If it happens again, contact your IT department.',
  },
  postBlocked: {
    da: 'Beskeden er ikke sendt endnu. Se hvad der skal rettes nedenfor – din tekst er gemt.',
    en: 'The message has not been sent yet. See what to change below – your text is saved.',
  },
  meetingMoved: { da: 'Mødet er flyttet, og deltagerne har fået besked.', en: 'The meeting is moved and the attendees are told.' },
  meetingBooked: { da: 'Mødet er booket, og invitationerne er sendt.', en: 'The meeting is booked and the invitations are sent.' },
  posted: { da: 'Beskeden er sendt til afdelingens kanal.', en: 'The message has been posted to the department’s channel.' },
  deleted: {
    da: 'Sagen er slettet. Kun sagsnummer og dato for sletningen er gemt.',
    en: 'The case is deleted. Only its number and the date of deletion are kept.',
  },
  ownerOnly: { da: 'Kun den leder, der oprettede sagen, kan slette den.', en: 'Only the manager who opened the case can delete it.' },
  setupSaved: { da: 'Opsætningen er gemt.', en: 'The setup is saved.' },
  setupInvalid: {
    da: 'Vælg kanal, TR, AMR og mindst én leder blandt teamets medlemmer.',
    en: 'Choose the channel, the union and safety representatives and at least one manager among the team’s members.',
  },
  setupForbidden: {
    da: 'Kun den, der tilføjede Opbakning til teamet, eller afdelingens ledere kan ændre opsætningen.',
    en: 'Only whoever added Opbakning to the team, or the department’s managers, can change the setup.',
  },
  badSlot: {
    da: 'Vælg et af forslagene, eller angiv en hverdag (ikke en helligdag) og et klokkeslæt, der ikke er passeret.',
    en: 'Choose one of the suggestions, or give a weekday (not a public holiday) and a time that has not passed.',
  },
  evidenceNoCase: {
    da: 'Du har ingen åben sag at gemme filerne i, så jeg har ikke gemt dem. Start en sag nedenfor, og send filerne til mig igen.',
    en: 'You have no open case to keep the files in, so I have not stored them. Start a case below and send me the files again.',
  },
  evidenceClosed: {
    da: 'Sagen er lukket, så den kan ikke få ny dokumentation. Intet er gemt.',
    en: 'The case is closed, so it cannot take new evidence. Nothing was stored.',
  },
  evidenceDuplicate: {
    da: 'Den fil ligger allerede på sagen, så den er ikke gemt igen.',
    en: 'That file is already on the case, so it was not stored again.',
  },
  evidenceAlreadyReceived: {
    da: 'Filerne fra den besked er allerede modtaget; de gemmes kun én gang.',
    en: 'The files from that message have already been received; they are stored only once.',
  },
  evidenceExpired: {
    da: 'Jeg kan ikke længere hente filerne fra den besked. Send dem til mig igen.',
    en: 'I can no longer fetch the files from that message. Please send them to me again.',
  },
  evidenceDescribed: { da: 'Oplysningerne om dokumentationen er gemt.', en: 'The details of the evidence are saved.' },
  evidenceWithdrawn: {
    da: 'Dokumentationen er trukket tilbage. Den bliver stående på sagen, markeret, med din begrundelse.',
    en: 'The evidence is withdrawn. It stays on the case, marked, with your reason.',
  },
  followUpStarted: {
    da: 'Opfølgningen er startet. Send medarbejderen linket nedenfor.',
    en: 'The follow-up has started. Send the employee the link below.',
  },
  followUpWithdrawn: {
    da: 'Opfølgningen er stoppet. Medarbejderen får ikke flere beskeder fra Opbakning.',
    en: 'The follow-up has stopped. The employee gets no more messages from Opbakning.',
  },
  consentRequired: {
    da: 'Sæt kryds ved, at medarbejderen har sagt ja, før opfølgningen startes. Intet er ændret.',
    en: 'Tick that the employee has said yes before starting the follow-up. Nothing was changed.',
  },
  checkInThanks: { da: 'Tak for dit svar. Din leder kan se det nu.', en: 'Thank you for your answer. Your manager can see it now.' },
  followUpStopped: {
    da: 'Opfølgningen er stoppet. Du får ikke flere beskeder fra Opbakning.',
    en: 'The follow-up has stopped. You will get no more messages from Opbakning.',
  },
  followUpInactive: {
    da: 'Det spørgsmål er ikke åbent længere, så intet er ændret.',
    en: 'That question is no longer open, so nothing was changed.',
  },
};

export const FIELD_ERRORS: Record<FieldError, Localized> = {
  required: { da: 'Skal udfyldes.', en: 'Required.' },
  tooLong: { da: 'Teksten er for lang.', en: 'The text is too long.' },
  tooMany: { da: 'Der er valgt for mange.', en: 'Too many are chosen.' },
  urlInvalid: {
    da: 'Skal være et link, der starter med https:// eller http://.',
    en: 'Must be a link starting with https:// or http://.',
  },
  dateInvalid: { da: 'Ugyldig dato.', en: 'Invalid date.' },
  dateFuture: { da: 'Datoen kan ikke ligge i fremtiden.', en: 'The date cannot be in the future.' },
  unknownChoice: { da: 'Vælg fra listen.', en: 'Choose from the list.' },
};
