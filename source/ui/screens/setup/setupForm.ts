import {isProfileName, PROFILE_NAME_RULE, profileFromHost} from '../../../config/profileName.js';
import {gatewayHostProblem} from '../../../domain/gatewayHost.js';
import type {OagStore} from '../../../store/createOagStore.js';
import {hostname, portText, required} from '../../../domain/validators.js';
import type {FormSpec, FormValues} from '../../components/form/fieldSpecs.js';
import {textOf} from '../../components/form/fieldSpecs.js';
import {validate} from '../../components/form/formState.js';

// First-run setup (the `login` flow inside the TUI), declared for the form kit: the fields, their checks,
// where a pasted key goes, and the profile name that follows the host. Values are never cleared by a
// failure: the admin fixes one field and tries again.

export type SetupField = 'host' | 'clientId' | 'privateKeyPem' | 'caFile' | 'profile' | 'backend' | 'passphrase' | 'passphraseConfirm';
export type SetupBackend = 'keychain' | 'encrypted-file';

export type SetupValues = {
	host: string;
	clientId: string;
	privateKeyPem: string;
	caFile: string;
	profile: string;
	backend: SetupBackend;
	/** Only with the encrypted-file backend. */
	passphrase: string;
	passphraseConfirm: string;
};

export type SetupFailure = {ok: false; message: string; fieldErrors?: Partial<Record<SetupField, string>>};
export type SetupOutcome = {ok: true; store: OagStore; note: string} | SetupFailure;
export type SetupTestOutcome = {ok: true; note: string} | SetupFailure;

/** Implemented by the command that starts the TUI (it may touch profiles and secret stores; views may not). */
export type SetupService = {
	/** Test the credentials against the gateway, store the key, save the profile, connect. */
	connect(values: SetupValues, progress: (line: string) => void): Promise<SetupOutcome>;
	/** Only test the credentials; nothing is stored. */
	test?(values: SetupValues, progress: (line: string) => void): Promise<SetupTestOutcome>;
};

/** As `login` and the encrypted-file backend enforce for a new passphrase. */
export const PASSPHRASE_MIN_LENGTH = 8;

/** One host rule for login, the base URL and Setup (domain/gatewayHost.ts). */
export {gatewayHostProblem} from '../../../domain/gatewayHost.js';

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

const passphraseProblem = (value: string): string | undefined =>
	value === '' ? 'Required for the encrypted file.' : value.length < PASSPHRASE_MIN_LENGTH ? `At least ${PASSPHRASE_MIN_LENGTH} characters.` : undefined;

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

/** A default profile name from the host, as `login` derives it (one rule, in config). */
export {profileFromHost} from '../../../config/profileName.js';

const encrypted = (values: FormValues): boolean => textOf(values, 'backend') === 'encrypted-file';

export const KEY_MISPLACED = 'That looks like the private key: it was not put here. Paste it in the key field.';

/**
 * The tab order keeps the storage choice last, so that Enter on the last field submits whichever backend
 * is chosen (with the keychain, the passphrase fields are hidden and the choice is the last field).
 */
export const SETUP_SPEC: FormSpec = {
	id: 'setup',
	submitLabel: 'Test, store the key and connect',
	fields: [
		{kind: 'text', name: 'host', label: 'Gateway admin host', check: gatewayHostProblem, hint: 'host, host:port or https://host'},
		{kind: 'text', name: 'clientId', label: 'API client id', check: required},
		{
			kind: 'secret',
			name: 'privateKeyPem',
			label: 'Private key (paste)',
			check: privateKeyProblem,
			mask: maskedKey,
			multiline: {complete: value => value.includes('-----END PRIVATE KEY-----')},
			clearOnBackspace: true,
		},
		{kind: 'text', name: 'caFile', label: 'CA file (optional)', hint: "the CA that issued the gateway's certificate, when it is not a public one"},
		{kind: 'text', name: 'profile', label: 'Profile name', check: profileProblem},
		{
			kind: 'choice',
			name: 'backend',
			label: 'Store the key in',
			options: [
				{value: 'keychain', label: 'OS keychain'},
				{value: 'encrypted-file', label: 'Encrypted file'},
			],
			hint: '←/→ choose; the encrypted file works where there is no keychain (servers, SSH)',
		},
		{kind: 'secret', name: 'passphrase', label: 'Key file passphrase', check: passphraseProblem, visible: encrypted},
		{kind: 'secret', name: 'passphraseConfirm', label: 'Repeat the passphrase', visible: encrypted},
	],
	rules: values => ({
		passphraseConfirm: textOf(values, 'passphrase') === textOf(values, 'passphraseConfirm') ? undefined : 'The two passphrases differ.',
	}),
	divert: {to: 'privateKeyPem', startOf: keyStartIndex, message: KEY_MISPLACED},
	// The profile name follows the host until the admin types one of their own.
	derive: (values, edited) => (edited.has('profile') || textOf(values, 'host') === '' ? {} : {profile: profileFromHost(textOf(values, 'host'))}),
};

export function setupValuesOf(values: FormValues): SetupValues {
	const text = (name: SetupField) => textOf(values, name);
	return {
		host: text('host'),
		clientId: text('clientId'),
		privateKeyPem: text('privateKeyPem'),
		caFile: text('caFile'),
		profile: text('profile'),
		backend: text('backend') === 'encrypted-file' ? 'encrypted-file' : 'keychain',
		passphrase: text('passphrase'),
		passphraseConfirm: text('passphraseConfirm'),
	};
}

/** Every problem of a set of values (the kit's checks and rules over SETUP_SPEC). */
export function validateSetup(values: Partial<SetupValues>): Partial<Record<SetupField, string>> {
	return validate(SETUP_SPEC, {backend: 'keychain', passphrase: '', passphraseConfirm: '', ...values});
}
