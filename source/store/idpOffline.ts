import type {StoreApi} from 'zustand/vanilla';
import type {OagApi} from '../api/OagApi.js';
import type {DirectoryCreateRequest, DirectoryReplaceRequest, TestDirectoryConnectionRequest} from '../api/schemas/directories.js';
import type {FailoverModeValue} from '../api/schemas/idps.js';
import type {HealthPolicyValues} from '../domain/healthPolicy.js';
import {
	createDirectoryOperation,
	deleteDirectoryOperation,
	snapshotOf,
	updateDirectoryOperation,
	type DirectorySnapshot,
	type DirectoryState,
} from '../operations/directories.js';
import type {LdapCheckOptions, LdapCheckReport} from '../operations/directoryPreflight.js';
import type {FailoverState} from '../operations/failover.js';
import {adviseFailover} from '../operations/failoverAdvice.js';
import {healthPolicyOperation} from '../operations/healthPolicy.js';
import type {OperationRunner} from '../operations/runner.js';
import type {ConfirmFn, Operation, OperationOutcome} from '../operations/types.js';
import {describeError} from './resourceStatus.js';
import type {IdpEntry, OagState, Toast} from './state.js';

// An IdP's offline-mode settings for the TUI's IdP screen: failover (with the no-directory warning),
// the health policy, the directories (loaded on demand) and their two tests. Every change goes through
// the one operations runner; afterwards the IdP's entry is re-read so every screen shows the new values.
// Neither test changes anything: no audit line, and the bind credential goes no further than the call.

export type IdpOfflineDeps = {
	api: Pick<OagApi, 'idps' | 'directories'>;
	state: StoreApi<OagState>;
	operations: OperationRunner;
	notify(text: string, tone?: Toast['tone']): void;
};

export type TestResult = {ok: boolean; message: string};

export type IdpOfflineActions = {
	loadDirectories(idpId: string): Promise<void>;
	setFailover(idpId: string, mode: FailoverModeValue, confirm?: ConfirmFn): Promise<OperationOutcome<FailoverState>>;
	setHealthPolicy(idpId: string, policy: HealthPolicyValues): Promise<OperationOutcome<HealthPolicyValues>>;
	createDirectory(idpId: string, body: DirectoryCreateRequest): Promise<OperationOutcome<DirectoryState>>;
	updateDirectory(idpId: string, directoryId: string, body: DirectoryReplaceRequest): Promise<OperationOutcome<DirectoryState>>;
	deleteDirectory(idpId: string, directoryId: string, confirm?: ConfirmFn): Promise<OperationOutcome<DirectoryState>>;
	/** The gateway's bind test (test-directory-connection): 204 is ok, else the gateway's reason. */
	testDirectory(idpId: string, request: TestDirectoryConnectionRequest): Promise<TestResult>;
	/** The local pre-flight from this machine. */
	checkDirectory(directory: DirectorySnapshot, bindCredential: string, options?: LdapCheckOptions): Promise<LdapCheckReport | {incomplete: string[]}>;
};

export function idpOfflineActions(deps: IdpOfflineDeps): IdpOfflineActions {
	const {api, state, operations, notify} = deps;
	const entryOf = (idpId: string): IdpEntry | undefined => state.getState().idps.items.find(e => e.idp.id === idpId);
	const ref = (idpId: string) => {
		const name = entryOf(idpId)?.idp.name;
		return {id: idpId, ...(name ? {name} : {})};
	};
	const patch = (idpId: string, change: Partial<IdpEntry>): void =>
		state.setState(s => ({idps: {...s.idps, items: s.idps.items.map(e => (e.idp.id === idpId ? {...e, ...change} : e))}}));

	const loadDirectories = async (idpId: string): Promise<void> => {
		try {
			patch(idpId, {directories: await api.directories.list(idpId), directoriesError: undefined});
		} catch (error) {
			patch(idpId, {directoriesError: describeError(error)});
		}
	};
	const run = async <S>(op: Operation<S>, confirm: ConfirmFn | undefined, after: () => Promise<void>): Promise<OperationOutcome<S>> => {
		const outcome = await operations.run(op, confirm ? {confirm} : {});
		if (outcome.before !== undefined) await after(); // something may have changed: show what the gateway holds
		notify(outcome.message, outcome.ok ? 'ok' : outcome.outcome === 'not-confirmed' ? 'info' : 'error');
		return outcome;
	};
	const directoryOf = (idpId: string, directoryId: string) => entryOf(idpId)?.directories?.find(d => d.id === directoryId);

	return {
		loadDirectories,
		async setFailover(idpId, mode, confirm) {
			const {operation} = await adviseFailover(api, ref(idpId), mode);
			return run(operation, confirm, async () => patch(idpId, {failover: (await api.idps.getFailoverMode(idpId)).mode}));
		},
		setHealthPolicy: (idpId, policy) =>
			run(healthPolicyOperation(api, ref(idpId), policy), undefined, async () => patch(idpId, {healthPolicy: await api.idps.getHealthPolicy(idpId)})),
		createDirectory: (idpId, body) => run(createDirectoryOperation(api, ref(idpId), body), undefined, () => loadDirectories(idpId)),
		updateDirectory: (idpId, directoryId, body) =>
			run(updateDirectoryOperation(api, ref(idpId), directoryId, body), undefined, () => loadDirectories(idpId)),
		async deleteDirectory(idpId, directoryId, confirm) {
			const known = directoryOf(idpId, directoryId);
			const snapshot = known ? snapshotOf(known) : {type: '?', connection: {connectionUrl: directoryId, bindDn: ''}, config: {}};
			return run(deleteDirectoryOperation(api, ref(idpId), {...snapshot, id: directoryId}), confirm, () => loadDirectories(idpId));
		},
		async testDirectory(idpId, request) {
			try {
				await api.directories.testConnection(idpId, request);
				return {ok: true, message: `The gateway bound to ${request.connectionUrl} as ${request.bindDn}.`};
			} catch (error) {
				const text = describeError(error);
				const reason = request.bindCredential === '' ? text : text.replaceAll(request.bindCredential, '***');
				return {ok: false, message: `The gateway could not bind to ${request.connectionUrl}: ${reason}`};
			}
		},
		async checkDirectory(directory, bindCredential, options) {
			// Loaded on use: the TUI starts without the LDAP client.
			const {preflightDirectory} = await import('../operations/directoryPreflight.js');
			return preflightDirectory(directory, bindCredential, options);
		},
	};
}
