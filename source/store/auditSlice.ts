import type {AuditEntry} from '../audit/entry.js';
import type {OperationRunner} from '../operations/runner.js';
import type {StoreApi} from 'zustand/vanilla';
import {describeError, failed, loading, ready, type ResourceStatus} from './resourceStatus.js';
import type {OagState} from './state.js';

// The audit log as the :audit screen sees it: read from the runner's log (the file, or memory in demo mode).

export type AuditSlice = {
	/** Oldest first, as in the file. */
	entries: AuditEntry[];
	/** Lines that could not be read (a torn last line). */
	skipped: number;
	location?: string;
	status: ResourceStatus;
};

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
