import type { Case } from '../../domain/case';
import type { Command } from '../../domain/transition';
import type { Notice, Screen, View } from '../screens';
import type { Payload, VerbName } from '../verbs';
import type { ActionDeps, CaseTurn, Data, Turn } from './context';

/** The payload's fields as they arrive: named by the verb's payload type, still to be checked. */
export type Incoming<V extends VerbName> = { readonly [K in keyof Payload<V>]?: unknown } & Data;

/** What a case action reads from its payload: a command for the state machine, or a screen without any change. */
export type Decoded =
  | { readonly screen: Screen }
  | { readonly view: View }
  | {
      readonly command: Command;
      /** The notice shown with the saved case. */
      readonly notice?: Notice;
      /** The notice once Graph has answered, from the case as it then is. */
      readonly graphNotice?: (c: Case) => Notice | undefined;
      /** A screen other than the saved case's own (the message editor with its checks). */
      readonly show?: (saved: Case) => Promise<View | Screen | undefined>;
      /**
       * A Graph step to take at once on the manager's behalf if they are signed in (one attempt; the card offers it too),
       * e.g. looking for meeting times as soon as the plan is confirmed.
       */
      readonly next?: (saved: Case) => Command | undefined;
    };

/** An action that needs no case: start, language, new case, setup. */
export interface SessionHandler<V extends VerbName> {
  readonly scope: 'session';
  run(deps: ActionDeps, turn: Turn, data: Incoming<V>): Promise<View>;
}

/**
 * An action on one case. The loop (src/app/case-service.ts) loads the case, checks who is asking,
 * gets the Graph token when `graph` is set, and after `decode` runs the transition, saves with the eTag and carries out effects.
 */
export interface CaseHandler<V extends VerbName> {
  readonly scope: 'case';
  /** Needs the manager's delegated Graph token (the meeting and the channel post). */
  readonly graph: boolean;
  /** Whether the payload must name the card's revision; view-only actions may come from old cards. */
  readonly needsRev: boolean;
  decode(deps: ActionDeps, turn: CaseTurn, data: Incoming<V>): Promise<Decoded>;
  /** The answer to a missing or malformed revision; by default the current card with "bad request". */
  malformed?(deps: ActionDeps, turn: CaseTurn, data: Incoming<V>): Promise<Screen | undefined>;
}

export type Handler<V extends VerbName> = SessionHandler<V> | CaseHandler<V>;

/** One handler per verb; the registry is typed with this, so a missing or misspelt verb does not compile. */
export type Handlers = { readonly [V in VerbName]: Handler<V> };
