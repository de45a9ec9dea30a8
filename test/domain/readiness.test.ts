import {describe, expect, it} from 'vitest';
import {HEALTH_POLICY_DEFAULTS} from '../../source/domain/healthPolicy.js';
import {appPolicySummary, readinessChecklist, readinessHeadline, summarize, summaryComplete, type ReadinessSnapshot} from '../../source/domain/readiness.js';

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
		expect(summarize(lines)).toEqual({done: 4, total: 4, pending: 0, waiting: [], failed: []});
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
		expect(summarize(lines, {area: 'idp'})).toEqual({done: 0, total: 1, pending: 0, waiting: [], failed: []});
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

describe('readiness headline', () => {
	const authOnly = readinessChecklist({...ready, idps: [], apps: []});

	it('says loading, never "2/2 done", while the IdP and app lists are not in', () => {
		const summary = summarize(authOnly, {lists: {idps: 'loading', apps: 'loading'}});
		expect(summary).toMatchObject({done: 2, total: 2, waiting: ['IdPs', 'apps']});
		expect(summaryComplete(summary)).toBe(false);
		expect(readinessHeadline(summary)).toBe('loading IdPs and apps…');
		expect(readinessHeadline(summarize(authOnly, {lists: {idps: 'ready', apps: 'loading'}}))).toBe('loading apps…');
	});

	it('says loading while a line of a loaded list is still pending', () => {
		const lines = readinessChecklist({...ready, apps: [{id: 'a', name: 'x'}]});
		const summary = summarize(lines, {lists: {idps: 'ready', apps: 'ready'}});
		expect(summary.pending).toBe(1);
		expect(readinessHeadline(summary)).toBe('loading… 3/4 checked');
		expect(readinessHeadline(summary)).not.toMatch(/done/);
	});

	it('counts "N/M done" only once every list and line is in', () => {
		const summary = summarize(readinessChecklist(ready), {lists: {idps: 'ready', apps: 'ready'}});
		expect(summaryComplete(summary)).toBe(true);
		expect(readinessHeadline(summary)).toBe('4/4 done');
		// Nothing configured yet but everything loaded: an honest 0 of the lines there are.
		const empty = summarize(authOnly, {lists: {idps: 'ready', apps: 'ready'}});
		expect(readinessHeadline(empty)).toBe('2/2 done');
	});

	it('names a list that failed to load instead of loading forever', () => {
		const summary = summarize(authOnly, {lists: {idps: 'failed', apps: 'ready'}});
		expect(summaryComplete(summary)).toBe(false);
		expect(readinessHeadline(summary)).toMatch(/incomplete: IdPs failed to load/);
	});

	it('filters the lists by area', () => {
		const lines = readinessChecklist(ready);
		expect(summarize(lines, {area: 'auth', lists: {idps: 'loading'}}).waiting).toEqual([]);
		expect(summarize(lines, {area: 'idp', lists: {idps: 'loading', apps: 'loading'}}).waiting).toEqual(['IdPs']);
	});
});
