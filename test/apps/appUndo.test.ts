import {describe, expect, it} from 'vitest';
import {lastChange, undoSteps, type StateLine} from '../../source/domain/appUndo.js';

// Which states an undo puts back, from audit lines alone.

const line = (id: string, outcome: string, before: string | undefined, to: string, batch?: string, after?: string): StateLine => ({
	time: '2026-12-02T08:00:00.000Z',
	target: {id, name: `app-${id}`, ...(batch ? {batch} : {})},
	outcome,
	requested: {state: to},
	...(before ? {before: {state: before}} : {}),
	...(after ? {after: {state: after}} : {}),
});

describe('undo steps', () => {
	it('the last change is the latest batch, or the latest line alone', () => {
		const lines = [line('a', 'ok', 'TEST', 'ACTIVE', 'b1'), line('b', 'ok', 'TEST', 'ACTIVE', 'b2'), line('c', 'ok', 'TEST', 'ACTIVE', 'b2')];
		expect(lastChange(lines).map(l => l.target.id)).toEqual(['b', 'c']);
		expect(lastChange([...lines, line('d', 'ok', 'INACTIVE', 'TEST')]).map(l => l.target.id)).toEqual(['d']);
		expect(lastChange([])).toEqual([]);
		expect(lastChange([...lines, line('e', 'not-confirmed', undefined, 'TEST', 'b3')]).map(l => l.target.id)).toEqual(['b', 'c']);
	});

	it('restores the first recorded before per app; skips what never reached the gateway and no-ops', () => {
		const steps = undoSteps([
			line('a', 'ok', 'INACTIVE', 'TEST', 'x', 'TEST'),
			line('a', 'ok', 'TEST', 'ACTIVE', 'x', 'ACTIVE'),
			line('b', 'failed', 'TEST', 'ACTIVE'),
			line('c', 'not-confirmed', undefined, 'ACTIVE'),
			line('d', 'verify-mismatch', 'TEST', 'ACTIVE'), // sent, read back failed: may be ACTIVE
			line('e', 'verify-mismatch', 'TEST', 'ACTIVE', undefined, 'TEST'), // read back: never landed
			line('f', 'ok', 'ACTIVE', 'ACTIVE'),
		]);
		expect(steps).toEqual([
			{id: 'a', name: 'app-a', from: 'ACTIVE', to: 'INACTIVE'},
			{id: 'd', name: 'app-d', from: 'ACTIVE', to: 'TEST'},
		]);
	});
});
