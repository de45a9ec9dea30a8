import {needsConnection} from '../../actions/screenActions.js';
import type {Action} from '../../actions/types.js';

// `:audit` works from every screen (a global command); `r` on the screen re-reads the log.

export const auditActions: readonly Action[] = [
	{
		id: 'go.audit',
		keys: [],
		scope: 'global',
		label: 'audit',
		description: 'the audit log: every change attempted from this machine, newest first',
		command: 'audit',
		disabledReason: needsConnection,
		run: ctx => ctx.nav.go('audit'),
	},
	{
		id: 'audit.refresh',
		keys: ['r'],
		scope: 'audit',
		label: 'refresh',
		description: 're-read the audit log',
		disabledReason: needsConnection,
		run: ctx => void ctx.store?.loadAudit(),
	},
];
