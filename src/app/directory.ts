import type { PersonRef } from '../domain/case';

/** A department as the bot knows it: its team, channel, representatives and managers. */
export interface Department {
  readonly id: string;
  readonly name: string;
  /** Teams team (Microsoft 365 group) id and the channel where management's support is posted. */
  readonly teamId?: string;
  readonly channelId?: string;
  /** Everyone who can be named as involved, including the representatives and managers. */
  readonly members: readonly Member[];
  /** Directory ids (Entra object ids) of the managers who may open cases for the department. */
  readonly managerIds: readonly string[];
  readonly trId?: string;
  readonly amrId?: string;
  readonly contacts?: readonly { readonly label: string; readonly value: string }[];
}

export interface Member extends PersonRef {
  /** User principal name / e-mail, used for meeting invites. */
  readonly upn?: string;
}

/** Someone who sees the statistics of every department: the municipality's work-environment or HR contact. */
export interface MunicipalityContact {
  readonly id: string;
  readonly name: string;
  readonly role: 'workEnvironment' | 'hr';
}

/** Where departments come from: the DEPARTMENTS_FILE today, team setup in storage later. */
export interface Directory {
  departmentsManagedBy(userId: string): Promise<readonly Department[]>;
  department(id: string): Promise<Department | undefined>;
  /** Every department, for a municipality-wide contact's statistics; absent, nobody sees more than their own. */
  departments?(): Promise<readonly Department[]>;
  /** Whether the user is listed as a municipality-wide work-environment or HR contact. */
  isMunicipalityContact?(userId: string): Promise<boolean>;
}
