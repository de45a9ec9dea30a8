import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {APP_STATES, type AppStateValue} from '../../source/api/schemas/apps.js';
import {planConfirmationWord, planStateChange, stateCounts, type PlanInput} from '../../source/domain/appPlan.js';
import {stateChangeRisks} from '../../source/domain/appState.js';

// The pure half of an incident promotion: which apps move, which are left out and why, and the risks.

const app = (name: string, state?: string, groups?: string[]): PlanInput => ({
	id: `id-${name}`,
	name,
	...(state === undefined ? {} : {state}),
	...(groups ? {policy: {groups}} : {}),
});

describe('risks of a state change', () => {
	it('names skipping TEST and an empty group policy when going ACTIVE, nothing otherwise', () => {
		expect(stateChangeRisks({from: 'INACTIVE', to: 'ACTIVE'}, {groups: ['Everyone']}, 'group-policy')).toEqual([
			expect.stringContaining('skips TEST'),
		]);
		expect(stateChangeRisks({from: 'TEST', to: 'ACTIVE'}, {groups: []}, 'group-policy')).toEqual([
			expect.stringContaining('nobody can sign in'),
		]);
		expect(stateChangeRisks({from: 'TEST', to: 'ACTIVE'}, {groups: ['engineers']}, 'group-policy')).toEqual([]);
		expect(stateChangeRisks({from: 'INACTIVE', to: 'TEST'}, {groups: []}, 'group-policy')).toEqual([]);
		expect(stateChangeRisks({from: 'TEST', to: 'ACTIVE'}, {accessPolicyId: null}, 'access-policy')).toEqual([
			expect.stringContaining("IdP's default policy"),
		]);
	});
});

describe('the bulk plan', () => {
	it('"all apps in TEST" lists only TEST apps as steps, with their risks; unreadable states are skipped with a reason', () => {
		const plan = planStateChange(
			[app('a', 'TEST', ['g']), app('b', 'INACTIVE'), app('c', 'ACTIVE'), app('d', 'TEST', []), app('e')],
			'ACTIVE',
			{onlyFrom: 'TEST', era: 'group-policy'},
		);
		expect(plan.steps.map(s => [s.name, s.from, s.to, s.risks.length])).toEqual([
			['a', 'TEST', 'ACTIVE', 0],
			['d', 'TEST', 'ACTIVE', 1],
		]);
		expect(plan.skipped).toEqual([{id: 'id-e', name: 'e', reason: 'state could not be read'}]);
		expect(planConfirmationWord(plan)).toBe('ACTIVE');
	});

	it('named apps: every one is a step or a skip with a reason, in the order given', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.constantFrom(...APP_STATES, 'RETIRED'), {nil: undefined}), {maxLength: 40}), fc.constantFrom(...APP_STATES), (states, to) => {
				const apps = states.map((state, i) => app(`app${i}`, state));
				const plan = planStateChange(apps, to);
				const names = [...plan.steps.map(s => s.name), ...plan.skipped.map(s => s.name)].sort();
				expect(names).toEqual(apps.map(a => a.name).sort());
				expect(plan.steps.every(s => s.from !== s.to && s.to === to)).toBe(true);
				expect(plan.skipped.filter(s => s.reason === `already ${to}`)).toHaveLength(states.filter(s => s === to).length);
			}),
		);
	});

	it('one app to ACTIVE is confirmed by its name; one app to TEST needs no word', () => {
		expect(planConfirmationWord(planStateChange([app('payroll', 'TEST')], 'ACTIVE'))).toBe('payroll');
		expect(planConfirmationWord(planStateChange([app('payroll', 'INACTIVE')], 'TEST'))).toBeUndefined();
		expect(planConfirmationWord(planStateChange([app('payroll', 'TEST')], 'TEST'))).toBeUndefined();
	});

	it('counts states for a header', () => {
		const counts = stateCounts([{state: 'TEST'}, {state: 'TEST'}, {state: 'ACTIVE'}, {}, {state: 'X'}] as Array<{state?: AppStateValue}>);
		expect(counts).toEqual({INACTIVE: 0, TEST: 2, ACTIVE: 1, unknown: 2});
	});
});
