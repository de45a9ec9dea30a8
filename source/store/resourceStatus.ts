import {isOagError, type OagErrorKind} from '../api/errors.js';

/** Where one resource's data stands. `loadedAt` stays set through later failures: old data is still shown. */
export type ResourceStatus = {
	state: 'idle' | 'loading' | 'ready' | 'error';
	loadedAt?: number;
	error?: string;
	errorKind?: OagErrorKind | 'unknown';
};

export const IDLE: ResourceStatus = {state: 'idle'};

export const loading = (previous: ResourceStatus): ResourceStatus => ({...previous, state: 'loading'});

export const ready = (now: number): ResourceStatus => ({state: 'ready', loadedAt: now});

export function failed(previous: ResourceStatus, error: unknown): ResourceStatus {
	return {
		state: 'error',
		loadedAt: previous.loadedAt,
		error: describeError(error),
		errorKind: isOagError(error) ? error.kind : 'unknown',
	};
}

/** One line for the UI; OagError messages are already redacted by the client. */
export function describeError(error: unknown): string {
	if (error instanceof Error) return error.message;
	return String(error);
}

/** A reload over data already shown: the view keeps the rows and says "refreshing…". */
export const isRefreshing = (status: ResourceStatus): boolean => status.state === 'loading' && status.loadedAt !== undefined;
