import {isOagError} from '../api/errors.js';
import {osUser} from '../audit/actor.js';
import type {AuditEntry, AuditLog, AuditOutcome} from '../audit/entry.js';
import {memoryAuditLog} from '../audit/memoryLog.js';
import type {ConfirmFn, Operation, OperationOutcome, OutcomeStage} from './types.js';

// The one runner the TUI and the commands share (design section 3, Write):
// read-only? -> confirm -> read before -> validate -> call -> verify -> one audit line -> outcome (+ undo).
// Every attempt that got as far as being asked for writes exactly one audit line, refusals included.

export type Actor = {profile: string; gateway: string; via: 'tui' | 'cli'};

export type {AuditLog} from '../audit/entry.js';

export type RunnerOptions = {
	/** Where the lines go; a memory log when absent (demo mode, tests). Real gateways get the file log. */
	audit?: AuditLog;
	actor: () => Actor;
	readOnly: () => boolean;
	now?: () => number;
	user?: () => string;
};

export type RunOptions = {
	/** Asked only when the operation declares a confirmation; absent = not confirmed. */
	confirm?: ConfirmFn;
};

export type OperationRunner = {
	run<S>(operation: Operation<S>, options?: RunOptions): Promise<OperationOutcome<S>>;
	readonly audit: AuditLog;
};

const withUndo = <S>(undo: Operation<S> | undefined): {undo?: Operation<S>} => (undo ? {undo} : {});

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createRunner(options: RunnerOptions): OperationRunner {
	const now = options.now ?? Date.now;
	const user = options.user ?? (() => osUser());
	const audit = options.audit ?? memoryAuditLog();

	async function run<S>(op: Operation<S>, runOptions: RunOptions = {}): Promise<OperationOutcome<S>> {
		let before: S | undefined;
		let after: S | undefined;
		/** The call was accepted: from here on the gateway may differ from `before`, so undo is offered. */
		let sent = false;

		const undoFor = (): Operation<S> | undefined => (sent && before !== undefined ? op.inverse?.(before) : undefined);
		const finish = async (
			outcome: AuditOutcome,
			message: string,
			extra: {stage?: OutcomeStage; error?: unknown} = {},
		): Promise<OperationOutcome<S>> => {
			const error = extra.error === undefined ? undefined : messageOf(extra.error);
			const actor = options.actor();
			const entry: AuditEntry = {
				time: new Date(now()).toISOString(),
				profile: actor.profile,
				gateway: actor.gateway,
				user: user(),
				action: op.id,
				target: op.target,
				via: actor.via,
				requested: op.requested,
				...(before === undefined ? {} : {before}),
				...(after === undefined ? {} : {after}),
				outcome,
				...(error === undefined ? {} : {error}),
			};
			const written = await audit.append(entry, op.secrets ?? []);
			const auditWarning = written.written ? undefined : written.warning;
			return {
				ok: outcome === 'ok',
				outcome,
				...(extra.stage ? {stage: extra.stage} : {}),
				verified: outcome === 'ok',
				operationId: op.id,
				label: op.label,
				target: op.target,
				requested: op.requested,
				...(before === undefined ? {} : {before}),
				...(after === undefined ? {} : {after}),
				message: auditWarning ? `${message.replace(/\.?$/, '.')} WARNING: ${auditWarning}.` : message,
				...(error === undefined ? {} : {error}),
				...(isOagError(extra.error) ? {errorKind: extra.error.kind} : {}),
				fieldErrors: isOagError(extra.error) ? extra.error.fieldErrors() : {},
				...(auditWarning ? {auditWarning} : {}),
				...withUndo(undoFor()),
			};
		};

		if (options.readOnly()) {
			return finish('refused', `${op.label}: refused, read-only mode sends no changes to the gateway.`, {stage: 'read-only'});
		}
		if (op.confirmation) {
			let confirmed = false;
			try {
				confirmed = (await runOptions.confirm?.(op.confirmation)) ?? false;
			} catch (error) {
				return finish('not-confirmed', `${op.label}: not confirmed (${messageOf(error)}); nothing was changed.`, {stage: 'confirm', error});
			}
			if (!confirmed) return finish('not-confirmed', `${op.label}: not confirmed; nothing was changed.`, {stage: 'confirm'});
		}
		try {
			before = await op.readBefore();
		} catch (error) {
			return finish('failed', `${op.label}: reading the current value failed, nothing was sent: ${messageOf(error)}`, {stage: 'read-before', error});
		}
		const problems = op.validate?.(before) ?? [];
		if (problems.length > 0) return finish('invalid', `${op.label}: ${problems.join('; ')}`, {stage: 'validation', error: problems.join('; ')});
		try {
			await op.call();
			sent = true;
		} catch (error) {
			return finish('failed', `${op.label}: ${messageOf(error)}`, {stage: 'call', error});
		}
		try {
			const verified = await op.verify();
			after = verified.after;
			if (verified.mismatch) {
				return finish('verify-mismatch', `${op.label}: sent, but the gateway now reports ${verified.mismatch}`, {stage: 'verify', error: `gateway reports ${verified.mismatch}`});
			}
		} catch (error) {
			return finish('verify-mismatch', `${op.label}: sent, but re-reading it failed: ${messageOf(error)}`, {stage: 'verify', error});
		}
		return finish('ok', `${op.label}: done and verified`);
	}

	return {run, audit};
}
