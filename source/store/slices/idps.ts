import {isOagError} from '../../api/errors.js';
import type {Idp} from '../../api/schemas/index.js';
import {mapLimit, settle} from '../mapLimit.js';
import {initialPoll} from '../poller.js';
import {describeError, IDLE, ready} from '../resourceStatus.js';
import {createSingleFlight, type SingleFlight} from '../singleFlight.js';
import type {IdpEntry, IdpsSlice} from '../state.js';
import {connected, markFailed, markLoading, type SliceContext} from './context.js';

// The IdPs with their failover mode and health policy (two reads per IdP). Directories are not part of the
// list load: they load per IdP when a view asks for them (ensureDirectories), each single-flight and fresh
// for a while like the resources.

export const initial = (pollMs: number): IdpsSlice => ({items: [], status: IDLE, poll: initialPoll(pollMs), userPaused: false});

export type IdpsActions = {
	load(): Promise<void>;
	/** Only the failover modes: what the live IdP panel polls. Throws so the poller can back off. */
	refreshFailoverModes(): Promise<void>;
	/** One IdP's directories (or every listed IdP's, without an id): loaded if missing or stale, joined if in flight. */
	ensureDirectories(idpId?: string): Promise<void>;
};

async function idpDetails(ctx: SliceContext, idp: Idp, previous?: IdpEntry): Promise<IdpEntry> {
	const [failover, healthPolicy] = await Promise.all([
		settle(ctx.api.idps.getFailoverMode(idp.id)),
		settle(ctx.api.idps.getHealthPolicy(idp.id)),
	]);
	const firstError = failover.error ?? healthPolicy.error;
	return {
		idp,
		failover: failover.value?.mode,
		healthPolicy: healthPolicy.value,
		// Directories come from their own loader; a refresh of the list keeps what it found.
		directories: previous?.directories,
		directoriesError: previous?.directoriesError,
		error: firstError === undefined ? undefined : describeError(firstError),
		errorKind: firstError === undefined ? undefined : isOagError(firstError) ? firstError.kind : 'unknown',
	};
}

function patchEntry(ctx: SliceContext, idpId: string, patch: Partial<IdpEntry>): void {
	ctx.store.setState(s => ({
		idps: {...s.idps, items: s.idps.items.map(e => (e.idp.id === idpId ? {...e, ...patch} : e))},
	}));
}

export function create(ctx: SliceContext, freshMs: number, ensureList: () => Promise<void>): IdpsActions {
	const directoryLoads = new Map<string, {flight: SingleFlight; loadedAt?: number}>();

	const directoriesOf = (idpId: string) => {
		let slot = directoryLoads.get(idpId);
		if (!slot) {
			const created: {flight: SingleFlight; loadedAt?: number} = {
				flight: createSingleFlight({
					run: async () => {
						const result = await settle(ctx.api.directories.list(idpId));
						if (result.error === undefined) created.loadedAt = ctx.now();
						patchEntry(
							ctx,
							idpId,
							result.error === undefined
								? {directories: result.value, directoriesError: undefined}
								: {directoriesError: describeError(result.error)},
						);
						connected(ctx, result.error);
					},
					loadedAt: () => created.loadedAt,
					freshMs,
					now: ctx.now,
				}),
			};
			slot = created;
			directoryLoads.set(idpId, slot);
		}
		return slot.flight;
	};

	return {
		async load() {
			markLoading(ctx, 'idps');
			try {
				const idps = await ctx.api.idps.list();
				const previous = new Map(ctx.store.getState().idps.items.map(e => [e.idp.id, e]));
				const items = await mapLimit(idps, ctx.concurrency, idp => idpDetails(ctx, idp, previous.get(idp.id)));
				ctx.store.setState(s => ({idps: {...s.idps, items, status: ready(ctx.now())}}));
				connected(ctx);
				// A refresh of the list refreshes the directories already shown, not the ones nobody asked for.
				const shown = idps.filter(idp => directoryLoads.get(idp.id)?.loadedAt !== undefined);
				await Promise.all(shown.map(idp => directoriesOf(idp.id).load()));
			} catch (error) {
				markFailed(ctx, 'idps', error);
			}
		},
		async refreshFailoverModes() {
			const entries = ctx.store.getState().idps.items;
			const modes = await mapLimit(entries, ctx.concurrency, entry => ctx.api.idps.getFailoverMode(entry.idp.id));
			const byId = new Map(entries.map((e, i) => [e.idp.id, modes[i]?.mode]));
			ctx.store.setState(s => ({
				idps: {
					...s.idps,
					items: s.idps.items.map(entry => {
						const mode = byId.get(entry.idp.id);
						return mode === undefined || mode === entry.failover ? entry : {...entry, failover: mode};
					}),
				},
			}));
		},
		async ensureDirectories(idpId) {
			if (idpId !== undefined) return directoriesOf(idpId).ensure();
			await ensureList();
			await Promise.all(ctx.store.getState().idps.items.map(e => directoriesOf(e.idp.id).ensure()));
		},
	};
}
