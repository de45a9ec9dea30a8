import {IDLE, ready} from '../resourceStatus.js';
import type {CertificatesSlice} from '../state.js';
import {connected, markFailed, markLoading, type SliceContext, type SliceLoader} from './context.js';

// The gateway's certificates (one list read).

export const initial: CertificatesSlice = {items: [], status: IDLE};

export function create(ctx: SliceContext): SliceLoader {
	return {
		async load() {
			markLoading(ctx, 'certificates');
			try {
				const items = await ctx.api.certificates.list();
				ctx.store.setState({certificates: {items, status: ready(ctx.now())}});
				connected(ctx);
			} catch (error) {
				markFailed(ctx, 'certificates', error);
			}
		},
	};
}
