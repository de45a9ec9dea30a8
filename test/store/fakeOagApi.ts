import {OagError} from '../../source/api/errors.js';
import type {OagApi} from '../../source/api/OagApi.js';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import type * as S from '../../source/api/schemas/index.js';

// An in-memory OagApi for unit tests of the store and the views: plain data, optional failures and
// latency, and a log of calls. The real client against the simulator is exercised in the e2e tests.

export type FakeData = {
	authService: S.AuthServiceSetting | undefined;
	health: S.HealthCheck | undefined;
	idps: Array<{idp: S.Idp; mode: S.FailoverModeValue; policy: S.HealthPolicy; directories: S.Directory[]}>;
	apps: Array<{app: S.App; state: S.AppStateValue; groups: string[]; accessPolicyId: string | null}>;
	certificates: S.Certificate[];
};

export const goodPolicy: S.HealthPolicy = {...HEALTH_POLICY_DEFAULTS};

const directory = (id: string): S.Directory => ({
	id,
	type: 'OPEN_LDAP',
	connection: {connectionUrl: 'ldap://ldap.example.com:389', bindDn: 'cn=admin,dc=example,dc=com'},
	config: {},
});

export function sampleData(): FakeData {
	return {
		authService: {
			serverNodes: ['oag-1.example.com'],
			database: {type: 'mysql', host: 'db.example.com', port: 3306, name: 'oag'},
			publicDomain: 'offline.example.com',
			certificateId: 'cert-1',
		},
		health: {status: 'HEALTHY', lastChecked: '2026-10-01T12:34:56Z'},
		idps: [
			{idp: {id: 'idp-1', type: 'IDP_OKTA', name: 'Okta Prod'}, mode: 'AUTOMATIC', policy: goodPolicy, directories: [directory('dir-1')]},
			{idp: {id: 'idp-2', type: 'IDP_AUTH0', name: 'Auth0 Lab'}, mode: 'DISABLED', policy: goodPolicy, directories: []},
		],
		apps: [
			{app: {id: 'app-1', name: 'payroll'}, state: 'ACTIVE', groups: [], accessPolicyId: 'pol-1'},
			{app: {id: 'app-2', name: 'wiki'}, state: 'TEST', groups: [], accessPolicyId: null},
			{app: {id: 'app-3', name: 'crm'}, state: 'INACTIVE', groups: [], accessPolicyId: null},
		],
		certificates: [{id: 'cert-1', commonName: 'offline.example.com', san: []}],
	};
}

export type FakeControl = {
	data: FakeData;
	calls: string[];
	inFlight: number;
	maxInFlight: number;
	/** When set, every call throws this error. */
	failWith?: OagError;
	latencyMs: number;
};

export function createFakeApi(data: FakeData = sampleData()): {api: OagApi; control: FakeControl} {
	const control: FakeControl = {data, calls: [], inFlight: 0, maxInFlight: 0, latencyMs: 0};
	const call = async <T>(name: string, fn: () => T): Promise<T> => {
		control.calls.push(name);
		control.inFlight++;
		control.maxInFlight = Math.max(control.maxInFlight, control.inFlight);
		try {
			if (control.latencyMs > 0) await new Promise(r => setTimeout(r, control.latencyMs));
			if (control.failWith) throw control.failWith;
			return structuredClone(fn());
		} finally {
			control.inFlight--;
		}
	};
	const idp = (id: string) => {
		const found = control.data.idps.find(e => e.idp.id === id);
		if (!found) throw new OagError('not-found', `No IdP ${id}`, {status: 404});
		return found;
	};
	const app = (id: string) => {
		const found = control.data.apps.find(e => e.app.id === id);
		if (!found) throw new OagError('not-found', `No app ${id}`, {status: 404});
		return found;
	};
	const unsupported = () => Promise.reject(new Error('not in the fake'));
	const api: OagApi = {
		certificates: {list: () => call('certificates.list', () => control.data.certificates), get: unsupported},
		idps: {
			list: () => call('idps.list', () => control.data.idps.map(e => e.idp)),
			getFailoverMode: id => call('idps.getFailoverMode', () => ({mode: idp(id).mode})),
			setFailoverMode: (id, mode) => call('idps.setFailoverMode', () => ({mode: (idp(id).mode = mode)})),
			getHealthPolicy: id => call('idps.getHealthPolicy', () => idp(id).policy),
			replaceHealthPolicy: (id, policy) => call('idps.replaceHealthPolicy', () => (idp(id).policy = policy)),
		},
		directories: {
			list: id => call('directories.list', () => idp(id).directories),
			get: unsupported,
			create: unsupported,
			replace: unsupported,
			remove: unsupported,
			testConnection: unsupported,
		},
		accessPolicies: {list: unsupported, get: unsupported, create: unsupported, replace: unsupported, remove: unsupported},
		apps: {
			list: () => call('apps.list', () => control.data.apps.map(e => e.app)),
			getState: id => call('apps.getState', () => ({state: app(id).state})),
			setState: (id, state) => call('apps.setState', () => ({state: (app(id).state = state)})),
			getGroupPolicy: id => call('apps.getGroupPolicy', () => ({groups: app(id).groups.map(name => ({name}))})),
			setGroupPolicy: unsupported,
			getAccessPolicy: id => call('apps.getAccessPolicy', () => ({accessPolicyId: app(id).accessPolicyId})),
			setAccessPolicy: unsupported,
		},
		authService: {
			get: () => call('authService.get', () => control.data.authService),
			enable: unsupported,
			disable: unsupported,
			health: () => call('authService.health', () => control.data.health),
			listCertificates: unsupported,
			replaceCertificate: unsupported,
		},
	};
	return {api, control};
}

export const demoConnection = {profile: 'test', host: 'oag.example.com', keyBackend: 'file', readOnly: false, insecure: false};
