import {isOagError} from '../../api/errors.js';
import {appendSample, type HealthSample} from '../healthHistory.js';
import {createLiveFeed, type LiveFeed} from '../liveFeed.js';
import {initialPoll, type PollerTimers} from '../poller.js';
import {describeError} from '../resourceStatus.js';
import type {HealthSlice} from '../state.js';
import {connected, type SliceContext} from './context.js';

// The authentication service's health check: a live feed (polled while a view watches it) that appends
// one sample per check to a bounded history.

export const initial = (pollMs: number): HealthSlice => ({history: [], poll: initialPoll(pollMs), userPaused: false});

export function create(
	ctx: SliceContext,
	options: {intervalMs: number; timers?: Partial<PollerTimers>; onChecked: () => void},
): LiveFeed {
	return createLiveFeed({
		task: () => ctx.api.authService.health(),
		intervalMs: options.intervalMs,
		timers: options.timers,
		onResult: (check, ms) => {
			const sample = check
				? {at: ctx.now(), status: check.status, lastChecked: check.lastChecked, details: check.details, roundTripMs: ms}
				: {at: ctx.now(), status: 'DISABLED', roundTripMs: ms};
			ctx.store.setState(s => ({health: {...s.health, history: appendSample(s.health.history, sample)}}));
			connected(ctx);
			options.onChecked();
		},
		onError: (error, ms) => {
			const errorKind: HealthSample['errorKind'] = isOagError(error) ? error.kind : 'unknown';
			const sample = {at: ctx.now(), status: 'ERROR', roundTripMs: ms, error: describeError(error), errorKind};
			ctx.store.setState(s => ({health: {...s.health, history: appendSample(s.health.history, sample)}}));
			connected(ctx, error);
		},
		onStatus: (poll, userPaused) => ctx.store.setState(s => ({health: {...s.health, poll, userPaused}})),
	});
}
