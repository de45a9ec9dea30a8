import type {OagApi} from '../api/OagApi.js';
import type {AuthServiceEnableRequest} from '../api/schemas/authService.js';
import {enableProblems, snapshotOf, type AuthServiceSnapshot} from '../domain/authServiceRules.js';
import {disableOperation, enableCommandFor, enableOperation, reEnableOperation} from './authService.js';
import type {OperationRunner} from './runner.js';
import type {ConfirmFn, OperationOutcome} from './types.js';

// "Change settings": the gateway has no update, so the change is disable, then enable with the new
// values. Offline sign-in is unavailable in between (the confirmation says so). When the new enable fails,
// the old setting is enabled again, which needs the old database credentials: the gateway never returns
// them, so the caller asks the admin for them first (or the result says the service stays disabled and
// what to run). Three audit lines at most: disable, enable, restore.

export type ChangeResult = {
	ok: boolean;
	/** Where the service was left: the new setting, the old one again, or disabled. */
	state: 'changed' | 'unchanged' | 'restored' | 'disabled';
	message: string;
	steps: Array<OperationOutcome<AuthServiceSnapshot>>;
	/** The gateway's field errors of the failed new enable, for the form. */
	fieldErrors: Record<string, string>;
};

export const CHANGE_CONFIRMATION = {
	expected: 'CHANGE',
	prompt:
		'Change the authentication service: it is disabled, then enabled with the new values. Offline sign-in is ' +
		'unavailable in between (usually seconds); if the new values fail, the old setting is enabled again.',
};

export type ChangeOptions = {
	confirm?: ConfirmFn;
	/** The old setting's DB user and password, to restore it if the new enable fails. */
	oldCredentials?: {username: string; password: string};
};

export async function changeAuthServiceSettings(
	runner: OperationRunner,
	api: Pick<OagApi, 'authService'>,
	next: AuthServiceEnableRequest,
	options: ChangeOptions = {},
): Promise<ChangeResult> {
	const steps: Array<OperationOutcome<AuthServiceSnapshot>> = [];
	// Checked before anything is disabled: a typo must not open the gap.
	const problems = enableProblems({
		serverNodes: next.serverNodes,
		dbHost: next.database.host,
		dbPort: next.database.port,
		dbUser: next.database.username,
		dbPasswordGiven: next.database.password !== '',
		dbName: next.database.name,
		publicDomain: next.publicDomain,
		certificateId: next.certificateId,
	});
	if (problems.length > 0) {
		const fieldErrors = Object.fromEntries(problems.map(problem => [problem.field, problem.message]));
		return {ok: false, state: 'unchanged', message: `nothing was changed: ${problems.map(p => `${p.field}: ${p.message}`).join('; ')}`, steps, fieldErrors};
	}
	const old = snapshotOf(await api.authService.get());
	if (!old.enabled) {
		const enabled = await runner.run(enableOperation(api, next), options.confirm ? {confirm: options.confirm} : {});
		steps.push(enabled);
		return {ok: enabled.ok, state: enabled.ok ? 'changed' : 'unchanged', message: enabled.message, steps, fieldErrors: enabled.fieldErrors};
	}

	const disable = {...disableOperation(api), label: 'disable the authentication service (to change its settings)', confirmation: CHANGE_CONFIRMATION};
	const disabled = await runner.run(disable, options.confirm ? {confirm: options.confirm} : {});
	steps.push(disabled);
	if (!disabled.ok) return {ok: false, state: 'unchanged', message: disabled.message, steps, fieldErrors: {}};

	const gapStarted = Date.now();
	const enabled = await runner.run(enableOperation(api, next));
	steps.push(enabled);
	if (enabled.ok) {
		return {ok: true, state: 'changed', message: `settings changed; offline sign-in was unavailable for ${Date.now() - gapStarted} ms`, steps, fieldErrors: {}};
	}
	const restore = options.oldCredentials ? reEnableOperation(api, old, options.oldCredentials) : undefined;
	if (!restore) {
		return {
			ok: false,
			state: 'disabled',
			message: `${enabled.message}. The old setting could not be restored without its database password: the authentication service is DISABLED. Re-enable it with: ${enableCommandFor(old)}`,
			steps,
			fieldErrors: enabled.fieldErrors,
		};
	}
	const restored = await runner.run(restore);
	steps.push(restored);
	return restored.ok
		? {ok: false, state: 'restored', message: `${enabled.message}. The old setting was enabled again.`, steps, fieldErrors: enabled.fieldErrors}
		: {
				ok: false,
				state: 'disabled',
				message: `${enabled.message}. Restoring the old setting failed too (${restored.message}): the authentication service is DISABLED. Re-enable it with: ${enableCommandFor(old)}`,
				steps,
				fieldErrors: enabled.fieldErrors,
			};
}
