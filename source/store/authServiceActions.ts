import type {StoreApi} from 'zustand/vanilla';
import type {OagApi} from '../api/OagApi.js';
import type {AuthServiceEnableRequest} from '../api/schemas/authService.js';
import type {AuthServiceSnapshot} from '../domain/authServiceRules.js';
import type {PreflightReport, PreflightStep} from '../domain/preflight.js';
import {disableOperation, enableOperation} from '../operations/authService.js';
import {changeAuthServiceSettings} from '../operations/authServiceChange.js';
import {preflightDatabase} from '../operations/authServicePreflight.js';
import type {OperationRunner} from '../operations/runner.js';
import type {ConfirmFn, OperationOutcome} from '../operations/types.js';
import type {OagState, ResourceName, Toast} from './state.js';

// The authentication service's changes for the TUI: enable, disable, change settings (disable then
// enable, restoring the old setting when the new one fails) and the database pre-flight from this
// machine. All through the one operations runner; the setting is re-read after each change.

export type AuthServiceResult = {ok: boolean; message: string; fieldErrors: Readonly<Record<string, string>>};

export type AuthServiceActions = {
	enable(body: AuthServiceEnableRequest): Promise<AuthServiceResult>;
	/** Disable then enable; `oldCredentials` restore the old setting if the new enable fails. */
	change(body: AuthServiceEnableRequest, confirm: ConfirmFn, oldCredentials?: {username: string; password: string}): Promise<AuthServiceResult>;
	disable(confirm: ConfirmFn): Promise<OperationOutcome<AuthServiceSnapshot>>;
	preflight(input: Parameters<typeof preflightDatabase>[0], onStep?: (step: PreflightStep) => void): Promise<PreflightReport>;
};

type Deps = {
	api: Pick<OagApi, 'authService'>;
	operations: OperationRunner;
	state: StoreApi<OagState>;
	load(resource: ResourceName): Promise<void>;
	notify(text: string, tone?: Toast['tone']): void;
};

export function createAuthServiceActions(deps: Deps): AuthServiceActions {
	const reload = async () => {
		await deps.load('authService').catch(() => undefined);
		void deps.load('health').catch(() => undefined);
	};
	const finish = async (result: AuthServiceResult): Promise<AuthServiceResult> => {
		await reload();
		deps.notify(result.message, result.ok ? 'ok' : 'error');
		return result;
	};
	return {
		enable: async body => {
			const outcome = await deps.operations.run(enableOperation(deps.api, body));
			return finish({ok: outcome.ok, message: outcome.message, fieldErrors: outcome.fieldErrors});
		},
		change: async (body, confirm, oldCredentials) => {
			const result = await changeAuthServiceSettings(deps.operations, deps.api, body, {confirm, ...(oldCredentials ? {oldCredentials} : {})});
			return finish({ok: result.ok, message: result.message, fieldErrors: result.fieldErrors});
		},
		disable: async confirm => {
			const outcome = await deps.operations.run(disableOperation(deps.api), {confirm});
			await reload();
			deps.notify(outcome.message, outcome.ok ? 'ok' : outcome.outcome === 'not-confirmed' ? 'info' : 'error');
			return outcome;
		},
		preflight: (input, onStep) => preflightDatabase(input, onStep ? {onStep} : {}),
	};
}
