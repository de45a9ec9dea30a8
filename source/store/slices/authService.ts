import {IDLE, ready} from '../resourceStatus.js';
import type {AuthServiceSlice} from '../state.js';
import {connected, markFailed, markLoading, type SliceContext, type SliceLoader} from './context.js';

// The authentication service's setting: null when the service is not enabled (the gateway answers 404).

export const initial: AuthServiceSlice = {setting: undefined, status: IDLE};

export function create(ctx: SliceContext): SliceLoader {
	return {
		async load() {
			markLoading(ctx, 'authService');
			try {
				const setting = await ctx.api.authService.get();
				ctx.store.setState({authService: {setting: setting ?? null, status: ready(ctx.now())}});
				connected(ctx);
			} catch (error) {
				markFailed(ctx, 'authService', error);
			}
		},
	};
}
