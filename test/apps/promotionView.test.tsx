import {afterEach, describe, expect, it} from 'vitest';
import {planStateChange, type PlanInput} from '../../source/domain/appPlan.js';
import type {AppOutcome} from '../../source/operations/appBulk.js';
import {PromotionView, type PromotionPhase} from '../../source/ui/screens/apps/promotion/PromotionView.js';
import {progressBar} from '../../source/ui/screens/apps/promotion/promotionText.js';
import {renderAt, type Harness} from '../ui/harness.js';

// The incident promotion's plan view and progress, rendered at 80x24 from the phases the store hands it.

let ui: Harness | undefined;
afterEach(() => {
	ui?.unmount();
	ui = undefined;
});

const apps = (n: number, state = 'TEST'): PlanInput[] => Array.from({length: n}, (_, i) => ({id: `id${i}`, name: `app-${i}`, state}));
const show = (phase: PromotionPhase) => {
	ui = renderAt(<PromotionView phase={phase} width={80} height={20} />, {columns: 80, rows: 24});
	return ui.frame();
};

describe('the plan view', () => {
	it('lists every app from -> to with its risks, what is left out, and the word to type', () => {
		const plan = planStateChange(
			[{id: 'a', name: 'payroll', state: 'TEST', policy: {groups: []}}, {id: 'b', name: 'wiki', state: 'TEST', policy: {groups: ['eng']}}, {id: 'c', name: 'crm'}],
			'ACTIVE',
			{era: 'group-policy'},
		);
		const frame = show({kind: 'plan', plan});
		expect(frame).toContain('Plan: 2 app(s) to ACTIVE, 1 with a risk, 1 left as they are');
		expect(frame).toContain('payroll  TEST -> ACTIVE');
		expect(frame).toContain('! It has no offline group policy: nobody can sign in');
		expect(frame).toContain('wiki  TEST -> ACTIVE');
		expect(frame).toContain('crm  skipped: state could not be read');
		expect(frame).toContain('Type ACTIVE and Enter to run it');
	});

	it('a 2,000-app plan fits the screen: a window of it and how many lines follow', () => {
		const frame = show({kind: 'plan', plan: planStateChange(apps(2000), 'ACTIVE'), offset: 100});
		expect(frame).toContain('Plan: 2000 app(s) to ACTIVE');
		expect(frame).toContain('app-100  TEST -> ACTIVE');
		expect(frame).not.toContain('app-99 ');
		expect(frame).toMatch(/… 18\d\d more line\(s\)/);
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
	});

	it('prints a hostile app name with its control characters escaped', () => {
		const frame = show({kind: 'plan', plan: planStateChange([{id: 'x', name: 'evil\u001b[2Jname', state: 'TEST'}], 'ACTIVE')});
		expect(ui!.rawFrame()).not.toContain('\u001b[2J');
		expect(frame).toContain('evil\\u001b[2Jname');
	});
});

describe('the progress', () => {
	const plan = planStateChange(apps(500), 'ACTIVE');

	it('shows the bar and the counts while it runs, and how Ctrl+C behaves', () => {
		const frame = show({kind: 'running', plan, progress: {total: 500, finished: 120, ok: 118, failed: 2}, interrupting: false});
		expect(frame).toContain('Setting 500 app(s) to ACTIVE');
		expect(frame).toContain('120/500  ok 118  failed 2');
		expect(frame).toContain('Ctrl+C stops it');
		expect(progressBar({total: 500, finished: 250, ok: 250, failed: 0}, 80)).toMatch(/^\[#{20}\.{20}\]/);
	});

	it('after an interruption: the summary names what failed and what was never sent', () => {
		const outcomes: AppOutcome[] = [
			{id: 'id0', name: 'app-0', from: 'TEST', to: 'ACTIVE', outcome: 'ok', state: 'ACTIVE'},
			{id: 'id1', name: 'app-1', from: 'TEST', to: 'ACTIVE', outcome: 'failed', stage: 'call', error: 'Gateway error: Internal Server Error'},
			{id: 'id2', name: 'app-2', from: 'TEST', to: 'ACTIVE', outcome: 'not-started'},
		];
		const frame = show({kind: 'done', plan, progress: {total: 3, finished: 2, ok: 1, failed: 1}, interrupted: true, outcomes});
		expect(frame).toContain('1 set to ACTIVE and verified, 1 failed, 1 not sent (interrupted');
		expect(frame).toContain('failed  app-1  Gateway error: Internal Server Error');
		expect(frame).toContain('not-started  app-2');
		expect(frame).not.toContain('ok  app-0');
	});
});
