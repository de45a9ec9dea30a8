import type {KeyBackendName} from '../config/profiles.js';

/** Where the key lives, as the status line and the TUI header show it. */
export type KeyBackendLabel = 'file for this run' | 'command' | 'keychain' | 'encrypted file' | 'PLAINTEXT' | 'none';

export function keyLocationLabel(backend: KeyBackendName | 'run'): KeyBackendLabel {
	switch (backend) {
		case 'run':
			return 'file for this run';
		case 'command':
			return 'command';
		case 'keychain':
			return 'keychain';
		case 'encrypted-file':
			return 'encrypted file';
		case 'plaintext':
			return 'PLAINTEXT';
		case 'none':
			return 'none';
	}
}

/** The profile a key slot belongs to (slots are `name` or `name~hex`, see keySlot.ts), for messages. */
export const profileOfSlot = (slot: string): string => slot.replace(/~[0-9a-f]+$/, '');

/** The error type of every secret-store problem: one line, never the secret, and an exit code hint. */
export class SecretStoreError extends Error {
	override readonly name = 'SecretStoreError';
	constructor(
		message: string,
		readonly reason: 'unavailable' | 'locked' | 'timeout' | 'missing' | 'invalid' | 'refused' | 'interrupted' | 'failed' = 'failed',
	) {
		super(message);
	}
}
