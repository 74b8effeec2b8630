import type { NoticeCode } from '../src/app/screens';
import type { Locale, Localized } from '../src/domain/i18n';
import type { FieldError } from '../src/domain/intake';

/** Every fixed text a card shows, in Danish and English. */
export const T = {
  welcomeTitle: { da: 'Velkommen til Opbakning', en: 'Welcome to Opbakning' },
  welcomeBody: {
    da: 'Når en medarbejder bliver hængt ud på nettet, guider jeg dig som leder gennem det, der skal ske samme dag: vis opbakning, mød TR, AMR og de involverede, gem dokumentation, og tag stilling til politi, fjernelse og juridisk hjælp. Jeg holder styr på sagen, til alt er fulgt op.',
    en: 'When an employee is hung out online, I guide you as their manager through what must happen the same day: back the employee, meet the union and safety representatives and the staff involved, save evidence, and decide on police, takedown and legal help. I keep the case until every follow-up is done.',
  },
  welcomePrivacy: {
    da: 'Sagen er kun synlig for dig og de ledere, du tilføjer. Skriv "ny sag" eller "hjælp" når som helst.',
    en: 'The case is visible only to you and the managers you add. Type "new case" or "help" at any time.',
  },
  getStarted: { da: 'Kom i gang', en: 'Get started' },
  startTitle: { da: 'Hvad er der sket?', en: 'What has happened?' },
  startBody: {
    da: 'Vælg det, der passer. Du kan altid vende tilbage til dine sager.',
    en: 'Choose what fits. You can always come back to your cases.',
  },
  department: { da: 'Afdeling', en: 'Department' },
  newIncident: { da: 'Registrér udhængning', en: 'Register a hanging-out' },
  newIncidentHelp: {
    da: 'En medarbejder er nævnt eller vist på en hjemmeside, i en Facebook-gruppe eller lignende.',
    en: 'An employee is named or shown on a website, in a Facebook group or similar.',
  },
  newWarning: { da: 'Varsel om mulig udhængning', en: 'Early warning of a possible hanging-out' },
  newWarningHelp: {
    da: 'En borger truer med at hænge en medarbejder ud. Notér det og tag forholdsregler nu.',
    en: 'A citizen threatens to hang out an employee. Note it and take precautions now.',
  },
  myCases: { da: 'Mine sager', en: 'My cases' },
  switchLanguage: { da: 'English', en: 'Dansk' },
  caseTitle: { da: 'Sag', en: 'Case' },
  warningTitle: { da: 'Varsel', en: 'Early warning' },
  intakeTitle: { da: 'Registrér udhængning', en: 'Register a hanging-out' },
  intakeIntro: {
    da: 'Udfyld det, du ved nu. Oplysningerne bruges kun til at vurdere sagen og lave udkast til dig.',
    en: 'Fill in what you know now. The details are only used to assess the case and draft texts for you.',
  },
  employees: { da: 'Involverede medarbejdere', en: 'Employees involved' },
  employeesPlaceholder: { da: 'Vælg en eller flere', en: 'Choose one or more' },
  urls: { da: 'Link til opslaget (ét pr. linje)', en: 'Link to the publication (one per line)' },
  platform: { da: 'Hvor er det offentliggjort?', en: 'Where was it published?' },
  discoveredOn: { da: 'Opdaget den', en: 'Discovered on' },
  description: { da: 'Kort intern beskrivelse', en: 'Short internal description' },
  descriptionHelp: {
    da: 'Kun til dig og lederne på sagen. Kommer aldrig med i beskeden til afdelingen.',
    en: 'Only for you and the managers on the case. Never included in the message to the department.',
  },
  posterName: { da: 'Afsenderens navn eller profil (hvis kendt)', en: 'The poster’s name or profile (if known)' },
  employeeContacted: { da: 'Jeg har talt med medarbejderen', en: 'I have talked to the employee' },
  evidenceSaved: {
    da: 'Dokumentation er gemt (skærmbilleder med link, dato og klokkeslæt, hele tråden og afsenderens profil)',
    en: 'Evidence is saved (screenshots with link, date and time, the whole thread and the poster’s profile)',
  },
  characteristicsTitle: { da: 'Hvad indeholder opslaget?', en: 'What does the publication contain?' },
  characteristicsHelp: {
    da: 'Slå til for alt, der passer. Det afgør, hvilke handlinger jeg anbefaler.',
    en: 'Switch on everything that applies. It decides which actions I recommend.',
  },
  seeAssessment: { da: 'Se vurdering', en: 'See assessment' },
  assessmentTitle: { da: 'Vurdering og anbefalede handlinger', en: 'Assessment and recommended actions' },
  assessmentIntro: {
    da: 'Ud fra dine svar anbefaler jeg disse handlinger. Fjern dem, der ikke passer, og tilføj andre, før du bekræfter.',
    en: 'Based on your answers I recommend these actions. Remove those that do not fit and add others before you confirm.',
  },
  emergencyTitle: { da: 'Akut fare: ring 112 nu', en: 'Imminent danger: call 112 now' },
  emergencyBody: {
    da: 'Er nogen i overhængende fare, så ring 112. Trusler anmeldes til politiet (114) i dag.',
    en: 'If anyone is in imminent danger, call 112. Report threats to the police (114) today.',
  },
  threatTitle: { da: 'Trussel: anmeld til politiet i dag', en: 'Threat: report to the police today' },
  threatBody: {
    da: 'Ring 114, eller 112 hvis der er overhængende fare. Tilbyd medarbejderen hjælp til anmeldelsen.',
    en: 'Call 114, or 112 if there is imminent danger. Offer the employee help with the report.',
  },
  who: { da: 'Hvem', en: 'Who' },
  always: { da: 'gælder altid', en: 'always applies' },
  details: { da: 'Detaljer', en: 'Details' },
  closeDetails: { da: 'Luk detaljer', en: 'Close details' },
  markDoneQuick: { da: 'Udført', en: 'Done' },
  due: { da: 'Frist', en: 'Deadline' },
  why: { da: 'Hvorfor', en: 'Why' },
  legalBasis: { da: 'Grundlag', en: 'Basis' },
  addedByManager: { da: 'Tilføjet af dig', en: 'Added by you' },
  addActions: { da: 'Tilføj flere handlinger', en: 'Add more actions' },
  addActionsPlaceholder: { da: 'Vælg handlinger', en: 'Choose actions' },
  confirmPlan: { da: 'Bekræft handleplan', en: 'Confirm action plan' },
  editIntake: { da: 'Ret oplysninger', en: 'Edit details' },
  planTitle: { da: 'Handleplan', en: 'Action plan' },
  progress: { da: '{done} af {total} handlinger udført', en: '{done} of {total} actions done' },
  progressNotRelevant: {
    da: '{done} af {total} handlinger udført, {skipped} ikke relevante',
    en: '{done} of {total} actions done, {skipped} not relevant',
  },
  progressNotRelevantOne: {
    da: '{done} af {total} handlinger udført, 1 ikke relevant',
    en: '{done} of {total} actions done, 1 not relevant',
  },
  overdue: { da: 'overskredet', en: 'overdue' },
  today: { da: 'i dag', en: 'today' },
  showDraft: { da: 'Vis udkast', en: 'Show draft' },
  hideDraft: { da: 'Skjul udkast', en: 'Hide draft' },
  draftFor: { da: 'Udkast', en: 'Draft' },
  draftHelp: {
    da: 'Læs udkastet igennem og tilpas det, før du bruger det. Kopiér teksten herfra.',
    en: 'Read the draft and adapt it before you use it. Copy the text from here.',
  },
  markDone: { da: 'Marker som udført', en: 'Mark as done' },
  referenceOrReason: {
    da: 'Reference eller begrundelse',
    en: 'Reference or reason',
  },
  referencePlaceholder: {
    da: 'Fx politiets journalnummer (valgfrit) – eller hvorfor handlingen ikke er relevant (skal udfyldes)',
    en: 'E.g. the police case number (optional) – or why the action is not relevant (required)',
  },
  reasonLabel: { da: 'Begrundelse', en: 'Reason' },
  referenceLabel: { da: 'Reference', en: 'Reference' },
  markNotRelevant: { da: 'Marker som ikke relevant', en: 'Mark as not relevant' },
  notRelevantOn: { da: 'Vurderet ikke relevant {date}', en: 'Judged not relevant on {date}' },
  reopen: { da: 'Genåbn', en: 'Reopen' },
  doneOn: { da: 'Udført {date}', en: 'Done {date}' },
  meetingPending: {
    da: 'Mødet kan indtil videre bookes i Outlook; marker det som udført bagefter.',
    en: 'For now, book the meeting in Outlook and mark it as done afterwards.',
  },
  postPending: {
    da: 'Beskeden kan indtil videre sendes i afdelingens kanal; marker den som udført bagefter.',
    en: 'For now, post the message in the department’s channel and mark it as done afterwards.',
  },
  findTimes: { da: 'Find mødetid', en: 'Find a meeting time' },
  findTimesHelp: {
    da: 'Jeg finder tider i dag eller næste arbejdsdag, hvor medarbejderne, TR, AMR og lederne kan.',
    en: 'I find times today or on the next working day when the employees, union and safety representatives and managers are free.',
  },
  searching: { da: '⏳ Søger efter ledige tider i kalenderne …', en: '⏳ Looking for free times in the calendars …' },
  booking: { da: '⏳ Booker mødet og sender invitationer …', en: '⏳ Booking the meeting and sending invitations …' },
  refresh: { da: 'Opdater', en: 'Refresh' },
  chooseSlot: { da: 'Vælg tidspunkt', en: 'Choose a time' },
  otherTime: { da: 'Et andet tidspunkt', en: 'Another time' },
  manualDate: { da: 'Dato (ved andet tidspunkt)', en: 'Date (for another time)' },
  manualTime: { da: 'Klokkeslæt', en: 'Time' },
  bookMeeting: { da: 'Book mødet', en: 'Book the meeting' },
  searchAgain: { da: 'Søg igen', en: 'Search again' },
  meetingAt: { da: '✅ Møde {when}', en: '✅ Meeting {when}' },
  joinMeeting: { da: 'Åbn mødet i Teams', en: 'Open the meeting in Teams' },
  cancelMeeting: { da: 'Aflys mødet', en: 'Cancel the meeting' },
  moveMeeting: { da: 'Flyt mødet', en: 'Move the meeting' },
  moveTo: { da: 'Flyt til', en: 'Move to' },
  cancelMeetingConfirm: {
    da: 'Aflys mødet? Deltagerne får besked. Du kan bagefter finde en ny tid.',
    en: 'Cancel the meeting? The attendees are told. You can find a new time afterwards.',
  },
  meetingCancelled: {
    da: 'Mødet er aflyst. Find en ny tid, når det passer.',
    en: 'The meeting is cancelled. Find a new time when it suits.',
  },
  findNewTime: { da: 'Find ny mødetid', en: 'Find a new time' },
  bookingUnknown: {
    da: 'Jeg fik ikke svar fra Outlook, så jeg ved ikke, om mødet blev booket. Tryk "Prøv igen" – mødet bliver ikke booket to gange.',
    en: 'Outlook did not answer, so I do not know whether the meeting was booked. Press "Try again" – it will not be booked twice.',
  },
  writeMessage: { da: 'Skriv og send beskeden', en: 'Write and post the message' },
  messageText: { da: 'Beskeden til afdelingen (du kan rette den)', en: 'The message to the department (you can edit it)' },
  consent: {
    da: 'Medarbejderen har set beskeden og er enig i, at den sendes',
    en: 'The employee has seen the message and agrees that it is posted',
  },
  preview: { da: 'Forhåndsvis', en: 'Preview' },
  previewTitle: { da: 'Sådan ser beskeden ud i kanalen:', en: 'This is how the message looks in the channel:' },
  sendPost: { da: 'Send til afdelingens kanal', en: 'Post to the department’s channel' },
  posting: { da: '⏳ Sender beskeden …', en: '⏳ Posting the message …' },
  postedAt: { da: '✅ Beskeden er sendt til afdelingens kanal.', en: '✅ The message has been posted to the department’s channel.' },
  openPost: { da: 'Se beskeden i kanalen', en: 'See the message in the channel' },
  postUnknown: {
    da: 'Jeg fik ikke svar fra Teams, så jeg ved ikke, om beskeden kom frem. Se efter i afdelingens kanal, før du sender igen.',
    en: 'Teams did not answer, so I do not know whether the message arrived. Look in the department’s channel before you post again.',
  },
  postIsThere: { da: 'Beskeden er i kanalen', en: 'The message is in the channel' },
  sendAgain: { da: 'Den kom ikke frem – send igen', en: 'It did not arrive – post again' },
  setupTitle: { da: 'Opsætning af Opbakning', en: 'Opbakning setup' },
  setupIntro: {
    da: 'Vælg, hvor ledelsens beskeder skal stå, og hvem der er TR, AMR og ledere i afdelingen. Sager ses aldrig her – kun i lederens 1:1-chat med mig.',
    en: 'Choose where management’s messages go, and who the union and safety representatives and the managers are. Cases are never shown here – only in the manager’s 1:1 chat with me.',
  },
  setupName: { da: 'Afdelingens navn', en: 'Department name' },
  setupChannel: { da: 'Kanal til ledelsens beskeder', en: 'Channel for management’s messages' },
  setupTr: { da: 'Tillidsrepræsentant (TR)', en: 'Union representative (TR)' },
  setupAmr: { da: 'Arbejdsmiljørepræsentant (AMR)', en: 'Safety representative (AMR)' },
  setupManagers: { da: 'Ledere, der kan bruge Opbakning for afdelingen', en: 'Managers who can use Opbakning for the department' },
  setupSave: { da: 'Gem opsætning', en: 'Save setup' },
  exportCase: { da: 'Eksportér sagen', en: 'Export the case' },
  exportTitle: { da: 'Sagens oplysninger', en: 'The case record' },
  exportHelp: {
    da: 'Alt, hvad Opbakning har gemt om sagen. Kopiér teksten til jeres sagssystem, hvis den skal gemmes dér.',
    en: 'Everything Opbakning has stored about the case. Copy the text to your case system if it must be kept there.',
  },
  deleteOn: { da: 'Sagen slettes automatisk den {date}.', en: 'The case is deleted automatically on {date}.' },
  deleteCase: { da: 'Slet sagen', en: 'Delete the case' },
  deleteConfirm: {
    da: 'Slet sagen og alt, hvad der er gemt om den, nu? Det kan ikke fortrydes. Møder og beskeder i Teams slettes ikke.',
    en: 'Delete the case and everything stored about it now? This cannot be undone. Meetings and messages in Teams are not deleted.',
  },
  deleteYes: { da: 'Ja, slet sagen', en: 'Yes, delete the case' },
  reminderTitle: { da: 'Påmindelse: sag {ref}', en: 'Reminder: case {ref}' },
  reminderIntro: {
    da: 'Fristen for disse handlinger i handleplanen er i dag eller allerede overskredet:',
    en: 'These actions in the action plan are due today or overdue:',
  },
  reminderMore: { da: '… og yderligere {n} i handleplanen.', en: '… and {n} more in the action plan.' },
  reminderWhy: {
    da: 'Du får påmindelser på fristdagen, én og tre arbejdsdage efter og derefter en gang om ugen – kun på hverdage (mandag–fredag, undtagen helligdage) og ikke på dage, hvor der allerede er arbejdet i sagen. Påmindelserne stopper, når handlingerne er afklaret (udført eller ikke relevante), eller når sagen er lukket.',
    en: 'You are reminded on the due day, one and three working days later and then once a week – on working days only (Monday to Friday, not public holidays), and not on days the case has already been worked on. The reminders stop when the actions are settled (done or not relevant) or the case is closed.',
  },
  retentionSummary: { da: 'Sag {ref} slettes snart', en: 'Case {ref} will be deleted soon' },
  openCase: { da: 'Åbn sagen', en: 'Open the case' },
  retentionWarning: {
    da: 'Sag {ref} blev lukket for længe siden og slettes den {date} efter jeres regler for opbevaring. Eksportér den inden da, hvis I skal bruge oplysningerne.',
    en: 'Case {ref} was closed long ago and will be deleted on {date} under your retention rules. Export it before then if you need the record.',
  },
  closeCase: { da: 'Luk sagen', en: 'Close the case' },
  closeConfirm: {
    da: 'Vil du lukke sagen? Åbne handlinger bliver ikke fulgt op af mig bagefter.',
    en: 'Close the case? I will not follow up on open actions afterwards.',
  },
  closeYes: { da: 'Ja, luk sagen', en: 'Yes, close the case' },
  caseClosed: { da: 'Sagen er lukket.', en: 'The case is closed.' },
  allDone: {
    da: 'Alle handlinger er afklaret. Du kan lukke sagen, når opfølgningen er slut.',
    en: 'All actions are settled. You can close the case when follow-up is over.',
  },
  warningIntro: {
    da: 'Notér det i journalen, når en udhængning er under opsejling, og orientér altid ledelsen. Overvej også:',
    en: 'Note it in the case journal when a hanging-out is brewing, and always inform management. Also consider:',
  },
  warningEmployees: { da: 'Medarbejdere, det drejer sig om', en: 'Employees concerned' },
  warningDescription: { da: 'Hvad er der sagt eller skrevet?', en: 'What has been said or written?' },
  notedOn: { da: 'Dato', en: 'Date' },
  saveWarning: { da: 'Gem varsel', en: 'Save warning' },
  showJournal: { da: 'Vis journalnotat', en: 'Show journal note' },
  escalate: { da: 'Gør til sag om udhængning', en: 'Turn into a hanging-out case' },
  closeWarning: { da: 'Luk varslet', en: 'Close the warning' },
  warningRecorded: { da: 'Varslet er registreret.', en: 'The warning is recorded.' },
  myCasesTitle: { da: 'Mine åbne sager', en: 'My open cases' },
  noCases: { da: 'Du har ingen åbne sager.', en: 'You have no open cases.' },
  next: { da: 'Næste', en: 'Next' },
  open: { da: 'Åbn', en: 'Open' },
  newCase: { da: 'Ny sag', en: 'New case' },
  retry: { da: 'Prøv igen', en: 'Try again' },
  back: { da: 'Tilbage til start', en: 'Back to start' },
  statusIntake: { da: 'Oplysninger', en: 'Details' },
  statusAssessment: { da: 'Vurdering', en: 'Assessment' },
  statusPlan: { da: 'Handleplan', en: 'Action plan' },
  statusClosed: { da: 'Lukket', en: 'Closed' },
  statusWarning: { da: 'Varsel', en: 'Warning' },
  statusRecorded: { da: 'Varsel registreret', en: 'Warning recorded' },
  statusEscalated: { da: 'Gjort til sag', en: 'Turned into a case' },
  noEmployee: { da: 'Ingen valgt endnu', en: 'None chosen yet' },
} as const satisfies Record<string, Localized>;

export type TextKey = keyof typeof T;

export function t(key: TextKey, locale: Locale, vars?: Readonly<Record<string, string | number>>): string {
  const s = T[key][locale];
  // Most texts have no placeholders; a card asks for dozens of texts, so skip the regular expression for those.
  return vars || s.includes('{') ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? '')) : s;
}

export const NOTICES: Record<NoticeCode, Localized> = {
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
    da: 'Handlingen kunne ikke læses. Prøv igen fra det nyeste kort.',
    en: 'The action could not be read. Please try again from the latest card.',
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
    da: 'Varslet er gjort til en sag. Oplysningerne fra varslet er overført.',
    en: 'The warning has been turned into a case. The details from the warning are carried over.',
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
  dateTooOld: {
    da: 'Datoen ligger mere end 6 måneder tilbage. Kontakt jeres juridiske enhed om sagen.',
    en: 'The date is more than 6 months ago. Contact your legal unit about the case.',
  },
  unknownChoice: { da: 'Vælg fra listen.', en: 'Choose from the list.' },
};
