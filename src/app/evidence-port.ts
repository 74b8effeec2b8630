import type { Readable } from 'node:stream';
import type { CaptureOutcome } from '../domain/evidence';

/**
 * Evidence bytes beside the case: streamed in, hashed on the way, committed only when complete.
 * Implemented by src/storage/evidence-blob-store.ts (Blob Storage / Azurite).
 */
export interface EvidencePort {
  /** Downloads `source` and stores it under the case. Nothing is stored unless the whole file arrived within the limits. */
  storeFromUrl(caseId: string, source: DownloadSource, limits: StoreLimits): Promise<StoreResult>;
  /** Stores bytes already held (a page capture, at most a few MB) the same way. */
  storeBytes(caseId: string, bytes: Uint8Array, limits: StoreLimits, declaredType?: string): Promise<StoreResult>;
  /** The stored bytes, or undefined when there are none for that hash. */
  open(caseId: string, sha256: string): Promise<Readable | undefined>;
  /** Bytes stored for the case (each distinct file once). */
  usage(caseId: string): Promise<number>;
  /** Removes every evidence blob of the case (deletion or retention); returns how many. */
  deleteCase(caseId: string): Promise<number>;
}

export interface DownloadSource {
  readonly url: string;
  /** Sent with the request only, never stored or logged: the bot's token for an inline image's `contentUrl`. */
  readonly authorization?: string;
}

export interface StoreLimits {
  readonly maxFileBytes: number;
  readonly maxCaseBytes: number;
}

export type StoreFailure =
  /** The URL or a redirect is not on the allow-list; `host` is for the log. */
  | { readonly ok: false; readonly reason: 'notAllowed'; readonly host?: string }
  | { readonly ok: false; readonly reason: 'fileTooLarge' | 'caseFull'; readonly limit: number }
  | { readonly ok: false; readonly reason: 'empty' }
  /** The source answered with an error status. */
  | { readonly ok: false; readonly reason: 'httpStatus'; readonly status: number }
  /** The download broke off or delivered fewer bytes than announced: the manager should send it again. */
  | { readonly ok: false; readonly reason: 'interrupted' };

export type StoreResult =
  | {
      readonly ok: true;
      readonly sha256: string;
      readonly size: number;
      /** The first bytes, for sniffing the type. */
      readonly head: Uint8Array;
      readonly declaredType?: string;
      /** The same bytes were already stored for the case; nothing new was written. */
      readonly duplicate: boolean;
    }
  | StoreFailure;

/** "Gem siden nu": one server-side fetch of a page, guarded. Implemented by src/evidence/page-capture.ts. */
export interface PageCapturePort {
  capture(url: string): Promise<PageCapture>;
}

export interface PageCapture {
  readonly requestedUrl: string;
  readonly finalUrl: string;
  /** 0 when no response was received. */
  readonly status: number;
  readonly outcome: CaptureOutcome;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly fetchedAt: string;
  readonly error?: PageCaptureError;
}

export type PageCaptureError =
  | 'badUrl'
  | 'notHttp'
  | 'credentialsInUrl'
  | 'privateAddress'
  | 'dnsFailed'
  | 'tooManyRedirects'
  | 'timeout'
  | 'tooLarge'
  | 'network'
  | 'loginWall'
  | 'httpError';
