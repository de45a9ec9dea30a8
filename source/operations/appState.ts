import {isOagError} from '../api/errors.js';
import type {OagApi} from '../api/OagApi.js';
import {APP_STATES, type AppStateValue} from '../api/schemas/apps.js';
import {paths} from '../api/schemas/paths.js';
import {needsConfirmation} from '../domain/appState.js';
import type {ConfirmationRequest, Operation} from './types.js';

// An app's offline state (INACTIVE / TEST / ACTIVE). Verified by reading the state back; the inverse
// sets the state read before. An answer lost on the way back (network, timeout, a garbled body) does not
// say whether the POST landed, so the call leaves that to verify's re-read instead of guessing: the
// outcome is then ok, or a verify-mismatch that may be undone, never a "failed" that in fact changed.

export type AppStateSlice = {state: string};

export const APP_STATE_OPERATION_ID = 'apps.state';

export type AppRef = {id: string; name?: string};

export type AppStateOptions = {
	/** Groups the lines of one bulk change in the audit log (undo --last restores that change). */
	batch?: string;
	/** The state the plan saw: a different one at write time stops the change ("changed since the plan"). */
	expectFrom?: AppStateValue;
	/** A bulk change declares its one confirmation on every item; a single change gets the app's name. */
	confirmation?: ConfirmationRequest;
	/**
	 * The state the confirmed plan read moments ago, taken as `before` without another GET: one write and
	 * one verify per app (the bulk's 2 x N requests). What undo restores is then the state the admin saw.
	 */
	knownBefore?: AppStateSlice;
};

export const isAppState = (text: string): text is AppStateValue => (APP_STATES as readonly string[]).includes(text);

/** Errors after which the request may or may not have reached the gateway. */
const UNCERTAIN = new Set(['network', 'timeout', 'bad-response']);
const isUncertain = (error: unknown): boolean => isOagError(error) && UNCERTAIN.has(error.kind);

/** Reads again when the answer was lost (not when the gateway said no); at most `attempts` reads. */
export async function readAgainOnLoss<T>(read: () => Promise<T>, attempts = 3): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await read();
		} catch (error) {
			if (attempt >= attempts || !isUncertain(error)) throw error;
		}
	}
}

function singleConfirmation(app: AppRef, from: string | undefined, to: AppStateValue): ConfirmationRequest | undefined {
	const shown = app.name ?? app.id;
	if (from !== undefined && isAppState(from) && !needsConfirmation({from, to})) return undefined;
	if (from === undefined && to !== 'ACTIVE') return undefined;
	return {expected: shown, prompt: `Set the offline state of ${shown} to ${to}: it takes over sign-in as soon as Okta is unreachable.`};
}

export function appStateOperation(api: Pick<OagApi, 'apps'>, app: AppRef, to: AppStateValue, options: AppStateOptions = {}): Operation<AppStateSlice> {
	const shown = app.name ?? app.id;
	const confirmation = options.confirmation ?? singleConfirmation(app, options.expectFrom, to);
	const readState = () => readAgainOnLoss(async () => ({state: (await api.apps.getState(app.id)).state}));
	return {
		id: APP_STATE_OPERATION_ID,
		label: `offline state of ${shown} -> ${to}`,
		target: {kind: 'app', id: app.id, ...(app.name ? {name: app.name} : {}), ...(options.batch ? {batch: options.batch} : {})},
		requested: {state: to},
		request: {method: 'POST', path: paths.appState(app.id), body: {state: to}},
		...(confirmation ? {confirmation} : {}),
		readBefore: options.knownBefore ? async () => ({...options.knownBefore!}) : readState,
		validate: before => {
			if (!isAppState(to)) return [`unknown state ${String(to)} (known: ${APP_STATES.join(', ')})`];
			// Already there (e.g. an undo of a write that never landed) is a harmless repeat, not a conflict.
			if (options.expectFrom !== undefined && before.state !== options.expectFrom && before.state !== to) {
				return [`changed since the plan: now ${before.state}, not ${options.expectFrom}; left as it is`];
			}
			return [];
		},
		call: async () => {
			try {
				return await api.apps.setState(app.id, to);
			} catch (error) {
				// The answer was lost, not refused: whether the POST landed is for verify's re-read to say.
				if (isUncertain(error)) return undefined;
				throw error;
			}
		},
		verify: async () => {
			const after = await readState();
			return {after, ...(after.state === to ? {} : {mismatch: `state ${after.state}`})};
		},
		inverse: before =>
			isAppState(before.state) && before.state !== to
				? appStateOperation(api, app, before.state, {expectFrom: to})
				: undefined,
	};
}
