import type {StoreApi} from 'zustand/vanilla';
import {isOagError} from '../api/errors.js';
import {describeError} from './resourceStatus.js';
import type {OagState} from './state.js';

const CONNECTION_KINDS = new Set(['network', 'tls', 'timeout', 'unauthorized', 'missing-scope']);

/** Network-level failures say something about the connection, not only the resource; a success clears them. */
export function noteConnection(store: StoreApi<OagState>, error?: unknown): void {
	const connection = store.getState().connection;
	if (error === undefined) {
		if (connection.status !== 'connected' || connection.lastError) {
			store.setState({connection: {...connection, status: 'connected', lastError: undefined}});
		}
		return;
	}
	const kind = isOagError(error) ? error.kind : 'unknown';
	if (CONNECTION_KINDS.has(kind)) {
		store.setState({connection: {...connection, status: 'error', lastError: describeError(error)}});
	}
}
