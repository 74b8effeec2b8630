/**
 * axe-core findings in markup the adaptivecards renderer makes and we cannot change from a card, each with why.
 * Only this rule on this selector is skipped; the rule still runs everywhere else.
 */
export const AXE_EXCLUSIONS: readonly { readonly rule: string; readonly selector: string; readonly why: string }[] = [];
