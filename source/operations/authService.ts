import type {OagApi} from '../api/OagApi.js';
import type {AuthServiceEnableRequest} from '../api/schemas/authService.js';
import {paths} from '../api/schemas/paths.js';
import {enableProblems, snapshotDifference, snapshotOf, type AuthServiceSnapshot} from '../domain/authServiceRules.js';
import type {Operation} from './types.js';

// Enabling and disabling the cluster-wide authentication service, as operations the TUI and the commands
// run through the one runner. The DB credentials are write-only: they are in the body sent, never in
// `requested`, `request` or the audit line (`secrets` makes the audit log redact the password by value).
//
// Undo: enable's inverse is disable. Disable's inverse would be an enable with the old values, but the
// gateway never returns the DB password (and this tool never stores it), so that undo is an operation that
// refuses, saying what to run instead. changeSettings() below re-enables the old setting only when the
// caller has the old password.

export const ENABLE_OPERATION_ID = 'authService.enable';
export const DISABLE_OPERATION_ID = 'authService.disable';
const TARGET = {kind: 'authService', id: 'authentication-service'} as const;

type Api = Pick<OagApi, 'authService'>;

export const DISABLE_CONFIRMATION = {
	expected: 'DISABLE',
	prompt:
		'Disable the authentication service: offline sign-in stops for every IdP and app while Okta is unreachable, ' +
		'until it is enabled again (which needs the database password).',
};

/** The request as it may be shown: the write-only credentials masked. */
const shownBody = (body: AuthServiceEnableRequest): AuthServiceEnableRequest => ({
	...body,
	database: {...body.database, username: '[redacted]', password: '[redacted]'},
});

export function enableOperation(api: Api, body: AuthServiceEnableRequest): Operation<AuthServiceSnapshot> {
	const requested = snapshotOf({...body, database: {type: body.database.type, host: body.database.host, port: body.database.port, name: body.database.name}});
	return {
		id: ENABLE_OPERATION_ID,
		label: `enable the authentication service at ${body.publicDomain}`,
		target: {...TARGET, name: body.publicDomain},
		requested,
		request: {method: 'POST', path: paths.authService, body: shownBody(body)},
		secrets: [body.database.password],
		readBefore: async () => snapshotOf(await api.authService.get()),
		validate: before => {
			const problems = enableProblems({
				serverNodes: body.serverNodes,
				dbHost: body.database.host,
				dbPort: body.database.port,
				dbUser: body.database.username,
				dbPasswordGiven: body.database.password !== '',
				dbName: body.database.name,
				publicDomain: body.publicDomain,
				certificateId: body.certificateId,
			}).map(problem => `${problem.field}: ${problem.message}`);
			if (before.enabled) problems.unshift('already enabled, and the gateway has no update: disable it first (or change its settings, which does both)');
			return problems;
		},
		call: () => api.authService.enable(body),
		verify: async () => {
			const after = snapshotOf(await api.authService.get());
			const mismatch = snapshotDifference(requested, after);
			return {after, ...(mismatch ? {mismatch} : {})};
		},
		inverse: before => (before.enabled ? undefined : disableOperation(api)),
	};
}

export function disableOperation(api: Api): Operation<AuthServiceSnapshot> {
	return {
		id: DISABLE_OPERATION_ID,
		label: 'disable the authentication service',
		target: TARGET,
		requested: {enabled: false},
		request: {method: 'DELETE', path: paths.authService},
		confirmation: DISABLE_CONFIRMATION,
		readBefore: async () => snapshotOf(await api.authService.get()),
		validate: before => (before.enabled ? [] : ['the authentication service is not enabled: nothing to disable']),
		call: () => api.authService.disable(),
		verify: async () => {
			const after = snapshotOf(await api.authService.get());
			return {after, ...(after.enabled ? {mismatch: 'the service still enabled'} : {})};
		},
		inverse: before => (before.enabled ? reEnableNeedsPassword(api, before) : undefined),
	};
}

/** The command that re-enables `before`, for people: every value but the password (typed at the prompt). */
export function enableCommandFor(before: Extract<AuthServiceSnapshot, {enabled: true}>): string {
	const nodes = before.serverNodes.map(node => `--server-node ${node}`).join(' ');
	const db = before.database;
	return `oag-offline auth-service enable ${nodes} --db-host ${db.host ?? '?'} --db-port ${db.port ?? 3306} --db-name ${db.name ?? '?'} --db-user USER --public-domain ${before.publicDomain} --certificate ${before.certificateId ?? '?'}`;
}

/** Disable's undo: it cannot send the old setting without the DB password, and says so when run. */
function reEnableNeedsPassword(api: Api, before: Extract<AuthServiceSnapshot, {enabled: true}>): Operation<AuthServiceSnapshot> {
	return {
		id: ENABLE_OPERATION_ID,
		label: `re-enable the authentication service at ${before.publicDomain}`,
		target: {...TARGET, name: before.publicDomain},
		requested: before,
		request: {method: 'POST', path: paths.authService},
		readBefore: async () => snapshotOf(await api.authService.get()),
		validate: () => [
			`cannot be undone from here: the gateway never returns the database user and password, and this tool never stores them. Re-enable it with the old values and the password: ${enableCommandFor(before)}`,
		],
		call: () => Promise.reject(new Error('not sent')),
		verify: async () => ({after: snapshotOf(await api.authService.get())}),
	};
}

/** Re-enabling a setting read from the gateway, with the credentials the admin typed again. */
export function reEnableOperation(
	api: Api,
	before: Extract<AuthServiceSnapshot, {enabled: true}>,
	credentials: {username: string; password: string},
): Operation<AuthServiceSnapshot> | undefined {
	const {host, port, name} = before.database;
	if (host === undefined || port === undefined || name === undefined || before.certificateId === undefined) return undefined;
	return enableOperation(api, {
		serverNodes: before.serverNodes,
		database: {type: 'mysql', host, port, name, ...credentials},
		publicDomain: before.publicDomain,
		certificateId: before.certificateId,
	});
}
