import {describe, expect, it} from 'vitest';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import {appPolicySummary, readinessChecklist, summarize, type ReadinessSnapshot} from '../../source/domain/readiness.js';

const ready: ReadinessSnapshot = {
	authServiceEnabled: true,
	healthStatus: 'HEALTHY',
	idps: [{id: 'i1', name: 'Okta', failover: 'AUTOMATIC', directoryCount: 1, healthPolicy: HEALTH_POLICY_DEFAULTS}],
	apps: [{id: 'a1', name: 'payroll', state: 'TEST', groups: [], accessPolicyId: 'p1'}],
};

describe('readinessChecklist', () => {
	it('is all done for a configured gateway', () => {
		const lines = readinessChecklist(ready);
		expect(lines.map(l => [l.subject, l.done])).toEqual([
			['Authentication service', true],
			['Authentication service health', true],
			['IdP Okta', true],
			['App payroll', true],
		]);
		expect(summarize(lines)).toEqual({done: 4, total: 4, pending: 0});
	});

	it('says what is missing and where to go', () => {
		const lines = readinessChecklist({
			authServiceEnabled: false,
			healthStatus: undefined,
			idps: [{id: 'i1', name: 'Okta', failover: 'DISABLED', directoryCount: 0, healthPolicy: {...HEALTH_POLICY_DEFAULTS, recoveryCooldownInterval: 120}}],
			apps: [{id: 'a1', name: 'crm', state: 'INACTIVE', groups: [], accessPolicyId: null}],
		});
		const [auth, health, idp, app] = lines;
		expect(auth).toMatchObject({done: false, goTo: ':auth'});
		expect(auth!.detail).toContain('not enabled');
		expect(health).toMatchObject({done: false, pending: false, goTo: ':health'});
		expect(idp!.detail).toContain('set AUTOMATIC');
		expect(idp!.detail).toContain('no directory');
		expect(idp!.detail).toContain('recoveryCooldownInterval');
		expect(idp!.goTo).toBe(':idps');
		expect(app!.detail).toContain('INACTIVE');
		expect(app!.detail).toContain('no offline policy');
		expect(summarize(lines, 'idp')).toEqual({done: 0, total: 1, pending: 0});
	});

	it('treats an unhealthy status and loading data as not done', () => {
		const lines = readinessChecklist({...ready, healthStatus: 'UNHEALTHY', authServiceEnabled: undefined, apps: [{id: 'a', name: 'x'}]});
		expect(lines[0]).toMatchObject({done: false, pending: true});
		expect(lines[1]!.detail).toBe('UNHEALTHY: must be HEALTHY');
		expect(lines[3]).toMatchObject({done: false, pending: true});
	});

	it('reads the app policy by era', () => {
		const app = {id: 'a', name: 'x', groups: ['Everyone'], accessPolicyId: null};
		expect(appPolicySummary(app)).toBe('groups Everyone');
		expect(appPolicySummary(app, 'access-policy')).toBe('IdP default access policy (password)');
		expect(appPolicySummary({...app, accessPolicyId: 'p1'}, 'access-policy')).toBe('access policy p1');
		expect(appPolicySummary({...app, groups: []})).toBeUndefined();
		expect(appPolicySummary({...app, accessPolicyId: 'p'}, 'group-policy')).toBe('groups Everyone');
	});
});
