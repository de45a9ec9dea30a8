import {SecretStoreError} from './labels.js';

// One line that says why the keychain cannot be used, and what to do instead. Never a silent fallback.

export const ALTERNATIVES = 'use --backend encrypted-file (passphrase) or --backend command --key-command CMD';

export function timeoutMessage(timeoutMs: number): string {
	return `keychain timed out after ${timeoutMs / 1000} s (locked, waiting for an unlock prompt?); unlock it or raise OAG_KEYCHAIN_TIMEOUT, or ${ALTERNATIVES}`;
}

export function classifyKeychainFailure(detail: string, env: NodeJS.ProcessEnv = process.env): SecretStoreError {
	const text = detail.toLowerCase();
	if (process.platform === 'linux') {
		if (!env.DBUS_SESSION_BUS_ADDRESS || /autolaunch|dbus_session_bus_address/.test(text)) {
			return new SecretStoreError(`keychain unavailable: no D-Bus session (DBUS_SESSION_BUS_ADDRESS not set, e.g. over SSH); ${ALTERNATIVES}`, 'unavailable');
		}
		if (/failed to connect to socket|connection refused|no such file or directory|could not connect/.test(text)) {
			return new SecretStoreError(`keychain unavailable: the D-Bus session bus is unreachable (${env.DBUS_SESSION_BUS_ADDRESS}); ${ALTERNATIVES}`, 'unavailable');
		}
		if (/org\.freedesktop\.secrets|serviceunknown|not provided by any|no such (name|service)|name has no owner/.test(text)) {
			return new SecretStoreError(`keychain unavailable: no Secret Service provider on the D-Bus session (gnome-keyring, KeePassXC...); ${ALTERNATIVES}`, 'unavailable');
		}
	}
	if (/no default collection|secret service: no result found|no such (collection|alias)/.test(text)) {
		return new SecretStoreError(
			`keychain unavailable: the Secret Service has no default collection (no "login" keyring; create one in Passwords and Keys / Seahorse and set it as default); ${ALTERNATIVES}`,
			'unavailable',
		);
	}
	if (/locked|dismissed|prompt|cancel/.test(text)) {
		return new SecretStoreError(`keychain is locked and was not unlocked; unlock it, or ${ALTERNATIVES}`, 'locked');
	}
	if (/no (storage|store|default) (access|collection)|nostorageaccess|platform failure/.test(text)) {
		return new SecretStoreError(`keychain unavailable: ${shorten(detail)}; ${ALTERNATIVES}`, 'unavailable');
	}
	return new SecretStoreError(`keychain failed: ${shorten(detail)}`, 'failed');
}

const shorten = (detail: string): string => detail.replace(/\s+/g, ' ').slice(0, 160);
