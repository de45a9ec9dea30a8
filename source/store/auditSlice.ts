import type {OperationRunner} from '../operations/runner.js';
import type {StoreApi} from 'zustand/vanilla';
import {describeError, failed, loading, ready} from './resourceStatus.js';
import type {AuditSlice, OagState} from './state.js';

export type {AuditSlice} from './state.js';

// The audit log as the :audit screen sees it: read from the runner's log (the file, or memory in demo mode).


export const INITIAL_AUDIT: AuditSlice = {entries: [], skipped: 0, status: {state: 'idle'}};

export async function loadAudit(store: StoreApi<OagState>, runner: OperationRunner, now: () => number): Promise<void> {
	const previous = store.getState().audit ?? INITIAL_AUDIT;
	store.setState({audit: {...previous, status: loading(previous.status)}});
	try {
		const read = await runner.audit.read();
		store.setState({audit: {entries: read.entries, skipped: read.skipped, ...(read.location ? {location: read.location} : {}), status: ready(now())}});
	} catch (error) {
		store.setState({audit: {...previous, status: {...failed(previous.status, error), error: `cannot read the audit log: ${describeError(error)}`}}});
	}
}
