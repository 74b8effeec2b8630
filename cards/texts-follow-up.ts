import type { Localized } from '../src/domain/i18n';

/** The employee's follow-up: the manager's panel on the plan, the employee's own cards, in Danish and English. */
export const FOLLOW_UP_TEXTS = {
  // The manager's panel on the plan.
  fuTitle: { da: 'Opfølgning med medarbejderen', en: 'Follow-up with the employee' },
  fuIntro: {
    da: 'Opbakning kan følge op med medarbejderen i deres egen chat: hvem de kan tale med, hvad ledelsen gør, og et spørgsmål om, hvordan de har det, efter en uge og efter tre måneder. Kun hvis medarbejderen selv har sagt ja. Medarbejderen ser intet af sagen.',
    en: 'Opbakning can follow up with the employee in their own chat: who they can talk to, what management is doing, and a question about how they are, after a week and after three months. Only if the employee has said yes. The employee sees nothing of the case.',
  },
  fuConsent: { da: 'Medarbejderen har sagt ja til opfølgning fra Opbakning', en: 'The employee has agreed to follow-up from Opbakning' },
  fuOffer: { da: 'Tilbyd opfølgning', en: 'Offer follow-up' },
  fuOpen: { da: 'Åbn opfølgningen', en: 'Open the follow-up' },
  fuShow: { da: 'Vis opfølgningen', en: 'Show the follow-up' },
  fuLastAnswer: { da: 'Seneste svar: {answer}.', en: 'Latest answer: {answer}.' },
  fuStart: { da: 'Start opfølgning', en: 'Start follow-up' },
  fuActiveSince: { da: 'Opfølgning aktiv siden {date}.', en: 'Follow-up active since {date}.' },
  fuLink: {
    da: 'Send dette link til medarbejderen i Teams. Når de åbner chatten med Opbakning, ser de deres oversigt:',
    en: 'Send this link to the employee in Teams. When they open the chat with Opbakning, they see their overview:',
  },
  fuNoLink: {
    da: 'Bed medarbejderen åbne Opbakning i Teams (under Apps) og skrive "hej". Så ser de deres oversigt.',
    en: 'Ask the employee to open Opbakning in Teams (under Apps) and say "hi". They then see their overview.',
  },
  fuEndedClosed: { da: 'Sluttede, da sagen blev lukket (startet {date}).', en: 'Ended when the case was closed (started {date}).' },
  fuStoppedByEmployee: { da: 'Medarbejderen sagde stop den {date}.', en: 'The employee said stop on {date}.' },
  fuStoppedByManager: { da: 'Stoppet af en leder den {date}.', en: 'Stopped by a manager on {date}.' },
  fuWithdraw: { da: 'Stop opfølgningen', en: 'Stop the follow-up' },
  fuWithdrawConfirm: {
    da: 'Stop opfølgningen? Medarbejderen får ikke flere beskeder fra Opbakning.',
    en: 'Stop the follow-up? The employee gets no more messages from Opbakning.',
  },
  fuWithdrawYes: { da: 'Ja, stop den', en: 'Yes, stop it' },
  checkInWeek: { da: 'Efter en uge', en: 'After a week' },
  checkInMonths3: { da: 'Efter tre måneder', en: 'After three months' },
  checkInDue: { da: 'sendes {date}', en: 'sent on {date}' },
  checkInWaiting: { da: 'venter på, at medarbejderen åbner chatten', en: 'waiting for the employee to open the chat' },
  checkInSent: { da: 'sendt {date}, ikke besvaret', en: 'sent {date}, not answered' },
  checkInAnsweredOn: { da: 'svaret {date}', en: 'answered {date}' },
  // The three answers.
  answerGood: { da: 'Det går godt', en: "I'm doing well" },
  answerMixed: { da: 'Det går op og ned', en: 'It comes and goes' },
  answerHard: { da: 'Det er svært lige nu', en: "It's hard right now" },
  // The employee's overview.
  empTitle: { da: 'Opfølgning fra Opbakning', en: 'Follow-up from Opbakning' },
  empIntro: {
    da: 'Din leder har fortalt os, at du gerne vil have opfølgning. Her kan du se, hvad ledelsen gør nu, og hvem du kan tale med.',
    en: 'Your manager told us that you would like follow-up. Here you can see what management is doing now and who you can talk to.',
  },
  empDoing: { da: 'Det gør ledelsen nu', en: 'What management is doing now' },
  empBacking: {
    da: '• Ledelsen står bag dig og tager det, der er skrevet om dig, alvorligt.',
    en: '• Management stands behind you and takes what was written about you seriously.',
  },
  empHandling: {
    da: '• Ledelsen sørger for, at det bliver gemt, og vurderer, hvad der ellers skal gøres – fx at bede om at få det fjernet. Du behøver ikke selv at gøre noget ved det.',
    en: '• Management makes sure it is saved and decides what else to do – for example asking for it to be removed. You do not have to do anything about it yourself.',
  },
  empMeeting: { da: '• Der er aftalt et møde om sagen {slot}.', en: '• A meeting about it has been set for {slot}.' },
  empPosted: {
    da: '• Ledelsen har fortalt dine kolleger, at den står bag dig.',
    en: '• Management has told your colleagues that it stands behind you.',
  },
  empContacts: { da: 'Hvem kan du tale med?', en: 'Who can you talk to?' },
  empManager: { da: 'Din leder', en: 'Your manager' },
  empTr: { da: 'Tillidsrepræsentant (TR)', en: 'Union representative (TR)' },
  empAmr: { da: 'Arbejdsmiljørepræsentant (AMR)', en: 'Health and safety representative (AMR)' },
  empLater: {
    da: 'Behovet for at tale med nogen kan også komme senere. Du kan altid bruge dem.',
    en: 'The need to talk to someone can also come later. You can always turn to them.',
  },
  empCheckIns: {
    da: 'Vi spørger dig her i chatten, hvordan du har det – efter en uge og igen efter tre måneder. Næste gang: {date}.',
    en: 'We will ask you here in the chat how you are – after a week and again after three months. Next time: {date}.',
  },
  empStop: {
    da: 'Du kan til enhver tid sige stop: skriv **stop** her i chatten, eller tryk på knappen. Så får du ikke flere beskeder fra Opbakning.',
    en: 'You can say stop at any time: type **stop** here in the chat, or press the button. Then you get no more messages from Opbakning.',
  },
  empNone: {
    da: 'Du får ikke flere beskeder fra Opbakning. Du kan altid tale med din leder, din tillidsrepræsentant (TR) eller din arbejdsmiljørepræsentant (AMR).',
    en: 'You will get no more messages from Opbakning. You can always talk to your manager, your union representative (TR) or your health and safety representative (AMR).',
  },
  empStopButton: { da: 'Stop opfølgningen', en: 'Stop the follow-up' },
  empStopConfirm: {
    da: 'Vil du stoppe opfølgningen? Du får ikke flere beskeder fra Opbakning, og din leder kan se, at du har sagt stop.',
    en: 'Do you want to stop the follow-up? You get no more messages from Opbakning, and your manager can see that you said stop.',
  },
  empStopYes: { da: 'Ja, stop', en: 'Yes, stop' },
  // The check-in.
  checkInQuestion: { da: 'Hvordan har du det med sagen nu?', en: 'How are you feeling about it now?' },
  checkInSinceWeek: {
    da: 'Det er en uge siden, du sagde ja til opfølgning fra Opbakning.',
    en: 'It is a week since you agreed to follow-up from Opbakning.',
  },
  checkInSinceMonths3: {
    da: 'Det er tre måneder siden, du sagde ja til opfølgning fra Opbakning.',
    en: 'It is three months since you agreed to follow-up from Opbakning.',
  },
  checkInChoose: { da: 'Vælg det svar, der passer bedst', en: 'Choose the answer that fits best' },
  checkInComment: { da: 'Vil du sige mere? (valgfrit)', en: 'Anything you want to add? (optional)' },
  checkInWho: {
    da: 'Kun din leder (og andre ledere, der hjælper med sagen) ser dit svar. Det kommer ikke ud i kanalen eller andre steder.',
    en: 'Only your manager (and other managers helping with it) see your answer. It does not go to the channel or anywhere else.',
  },
  checkInSend: { da: 'Send svar', en: 'Send answer' },
  // To the managers.
  checkInAnsweredTitle: { da: 'Svar på opfølgning: sag {ref}', en: 'Follow-up answer: case {ref}' },
  checkInAnsweredIntro: {
    da: 'En medarbejder har svaret på spørgsmålet »Hvordan har du det med sagen nu?«:',
    en: 'An employee has answered the question "How are you feeling about it now?":',
  },
  checkInAnsweredMore: {
    da: 'Hvem der svarede, og en eventuel kommentar, står på sagens kort.',
    en: 'Who answered, and any comment, is on the case card.',
  },
} as const satisfies Record<string, Localized>;
