import {isProfileName, PROFILE_NAME_RULE} from '../../../config/profileName.js';
import type {OagStore} from '../../../store/createOagStore.js';
import {hostname, portText, required} from '../../../domain/validators.js';

// First-run setup (the `login` flow inside the TUI): pure form state, validated per field as typed.
// Values are never cleared by a failure: the admin fixes one field and tries again.

export type SetupField = 'host' | 'clientId' | 'privateKeyPem' | 'caFile' | 'profile';
export const SETUP_FIELDS: readonly SetupField[] = ['host', 'clientId', 'privateKeyPem', 'caFile', 'profile'];

export const SETUP_LABELS: Record<SetupField, string> = {
	host: 'Gateway admin host',
	clientId: 'API client id',
	privateKeyPem: 'Private key (paste)',
	caFile: 'CA file (optional)',
	profile: 'Profile name',
};

export type SetupValues = Record<SetupField, string>;

export type SetupOutcome =
	| {ok: true; store: OagStore; note: string}
	| {ok: false; message: string; fieldErrors?: Partial<Record<SetupField, string>>};

/** Implemented by the command that starts the TUI (it may touch profiles and secret stores; views may not). */
export type SetupService = {
	/** Test the credentials against the gateway, store the key, save the profile, connect. */
	connect(values: SetupValues, progress: (line: string) => void): Promise<SetupOutcome>;
};

/** host, host:port or https://host[:port], as `login --host` accepts. */
export function gatewayHostProblem(value: string): string | undefined {
	const text = value.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
	if (text === '') return 'Required.';
	if (text.includes('/')) return 'Give the host only, without a path.';
	const match = /^(\[[^\]]+\]|[^:]+)(?::(.*))?$/.exec(text);
	if (!match) return 'Use host, host:port or https://host.';
	if (match[2] !== undefined) {
		const problem = portText(match[2]);
		if (problem) return problem;
	}
	return match[1]!.startsWith('[') ? undefined : hostname(match[1]!);
}

export function privateKeyProblem(value: string): string | undefined {
	const text = value.trim();
	if (text === '') return 'Required: paste the key OAG showed once when the API was enabled.';
	if (/BEGIN (RSA |EC )?PRIVATE KEY/.test(text) && !text.includes('BEGIN PRIVATE KEY')) {
		return 'This is a PKCS#1/SEC1 key; OAG issues PKCS#8 (BEGIN PRIVATE KEY).';
	}
	if (!text.includes('-----BEGIN PRIVATE KEY-----')) return 'Expected a PEM starting with -----BEGIN PRIVATE KEY-----.';
	if (!text.includes('-----END PRIVATE KEY-----')) return 'The paste is incomplete: no -----END PRIVATE KEY----- line yet.';
	return undefined;
}

const profileProblem = (value: string): string | undefined =>
	required(value) ?? (isProfileName(value.trim()) ? undefined : `${PROFILE_NAME_RULE.charAt(0).toUpperCase()}${PROFILE_NAME_RULE.slice(1)}.`);

export const SETUP_VALIDATORS: Record<SetupField, (value: string) => string | undefined> = {
	host: gatewayHostProblem,
	clientId: required,
	privateKeyPem: privateKeyProblem,
	caFile: () => undefined,
	profile: profileProblem,
};

export function validateSetup(values: SetupValues): Partial<Record<SetupField, string>> {
	const errors: Partial<Record<SetupField, string>> = {};
	for (const field of SETUP_FIELDS) {
		const problem = SETUP_VALIDATORS[field](values[field]);
		if (problem) errors[field] = problem;
	}
	return errors;
}

/** A masked summary of the pasted key: enough to see that the paste arrived, nothing of the key itself. */
export function maskedKey(pem: string): string {
	if (pem.trim() === '') return '';
	const lines = pem.trim().split(/\n/).length;
	const complete = pem.includes('-----END PRIVATE KEY-----');
	return `•••••••• ${lines} line${lines === 1 ? '' : 's'} pasted${complete ? ', complete' : ''}`;
}

const ARMOUR = '-----BEGIN';

/**
 * Where a pasted private key starts in `text` (a field's value with a new burst of input appended), or -1.
 * A paste may arrive in pieces split anywhere, even inside "-----BEGIN": "-----B" already marks a key, and
 * a multi-character burst ending in the first characters of "-----BEGIN" ("--", "-----BEG") is taken as
 * the start of one, so that no piece of a key is ever shown in a plain field.
 */
export function keyStartIndex(text: string, burstLength: number): number {
	const armour = text.indexOf('-----B');
	if (armour >= 0) return armour;
	if (text.includes('PRIVATE KEY')) return Math.max(0, text.length - burstLength);
	if (burstLength > 1) {
		for (let length = ARMOUR.length; length >= 2; length--) {
			if (text.endsWith(ARMOUR.slice(0, length))) return text.length - length;
		}
	}
	return -1;
}

/** Text typed into a field: the key keeps line breaks (pastes arrive with \r), others stay one line. */
export function appendTyped(field: SetupField, current: string, input: string): string {
	if (field === 'privateKeyPem') return current + input.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
	return current + input.replace(/[\u0000-\u001f\u007f]/g, '');
}

/** A default profile name from the host, as `login` derives it (one rule, in config). */
export {profileFromHost} from '../../../config/profileName.js';
