import type {ErrorCause} from './schemas/common.js';
import {EXIT} from '../domain/exitCodes.js';

// Every failure the client reports is an OagError with a kind, so callers (store, commands, exit codes)
// branch on kind and never on message text. Messages are one line, for humans, and never carry secrets.

export type OagErrorKind =
	| 'network'
	| 'tls'
	| 'timeout'
	| 'unauthorized'
	| 'missing-scope'
	| 'not-found'
	| 'conflict'
	| 'validation'
	| 'rate-limited'
	| 'deprecated'
	| 'server'
	| 'bad-response';

export type OagErrorDetails = {
	status?: number;
	method?: string;
	path?: string;
	errorCode?: string;
	/** Per-field causes of a validation error, to show at the fields. */
	causes?: ErrorCause[];
	/** The scope a 403 named. */
	scope?: string;
	/** Seconds the gateway asked us to wait (429). */
	retryAfterSeconds?: number;
};

export class OagError extends Error {
	override readonly name = 'OagError';
	readonly kind: OagErrorKind;
	readonly details: OagErrorDetails;

	constructor(kind: OagErrorKind, message: string, details: OagErrorDetails = {}, options?: {cause?: unknown}) {
		super(message, options);
		this.kind = kind;
		this.details = details;
	}

	/** Field -> message, for forms. Causes without a field are left to the summary line. */
	fieldErrors(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const cause of this.details.causes ?? []) {
			if (cause.field && !(cause.field in out)) out[cause.field] = cause.errorSummary;
		}
		return out;
	}
}

export const isOagError = (error: unknown): error is OagError => error instanceof OagError;

/** The client setting a ClientSettingsError is about. */
export type ClientSetting = 'host' | 'clientId' | 'scopes';

/**
 * A setting refused while the client is created, before anything is sent (not an OagError: there was no
 * call). `setting` names which one, so a form puts the message on that field without reading its wording.
 */
export class ClientSettingsError extends Error {
	readonly setting: ClientSetting;

	constructor(setting: ClientSetting, message: string) {
		super(message);
		this.setting = setting;
	}
}

/** Exit codes of the design (section 4): auth and scope problems are 3, everything else 1. */
export function exitCodeFor(error: unknown): number {
	if (isOagError(error) && (error.kind === 'unauthorized' || error.kind === 'missing-scope')) return EXIT.auth;
	return EXIT.failure;
}
