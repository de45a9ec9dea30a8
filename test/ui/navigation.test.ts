import {describe, expect, it} from 'vitest';
import {cursorOf, EMPTY_LIST} from '../../source/ui/navigation/listState.js';
import {appRoute, idpRoute, routeKey} from '../../source/ui/navigation/routes.js';
import {createNavigation} from '../../source/ui/navigation.js';

describe('routes', () => {
	it('gives one key per address: equal routes, equal keys; parameters encoded and sorted', () => {
		expect(routeKey('idps')).toBe('idps');
		expect(routeKey({screen: 'idps'})).toBe('idps');
		expect(routeKey(idpRoute('idp-1'))).toBe('idp?id=idp-1');
		expect(routeKey(idpRoute('a&b=c'))).toBe('idp?id=a%26b%3Dc');
		expect(routeKey({screen: 'app', params: {z: '1', a: '2'}})).toBe(routeKey({screen: 'app', params: {a: '2', z: '1'}}));
		expect(routeKey(appRoute('x'))).not.toBe(routeKey(idpRoute('x')));
	});
});

const ids = (...names: string[]) => names.map(id => ({id}));
const rowsOf = (count: number) => Array.from({length: count}, (_, i) => ({id: `r${i}`}));

describe('navigation store', () => {
	it('holds routes on the stack and returns to a route already in the trail', () => {
		const nav = createNavigation('dashboard');
		nav.go('idps');
		nav.go(idpRoute('idp-1'));
		expect(nav.current()).toEqual({screen: 'idp', params: {id: 'idp-1'}});
		expect(nav.currentKey()).toBe('idp?id=idp-1');
		nav.go(idpRoute('idp-2'));
		expect(nav.getState().stack.map(r => routeKey(r))).toEqual(['dashboard', 'idps', 'idp?id=idp-1', 'idp?id=idp-2']);
		nav.go('idps');
		expect(nav.getState().stack.map(r => routeKey(r))).toEqual(['dashboard', 'idps']);
	});

	it('keeps filter, cursor, sort and marks per route', () => {
		const nav = createNavigation('apps');
		nav.setFilter('apps', 'state:TEST');
		nav.moveCursor('apps', 3, rowsOf(10));
		nav.toggleMark('apps', 'a1');
		nav.cycleSort('apps', ['NAME', 'STATE']);
		nav.go('idps');
		expect(nav.list('idps')).toBe(EMPTY_LIST);
		nav.moveCursor('idps', 1, rowsOf(5));
		expect(nav.list('apps')).toMatchObject({filter: 'state:TEST', cursor: 3, sort: {column: 'NAME', descending: false}});
		expect([...nav.list('apps').marks]).toEqual(['a1']);
		expect(nav.list('idps').cursor).toBe(1);
	});

	it('Esc closes the open bar, then clears an applied filter, and only then goes back', () => {
		const nav = createNavigation('dashboard');
		nav.go('apps');
		nav.open('filter');
		nav.setInput('crm');
		nav.setState({mode: 'normal'}); // Enter keeps the filter
		expect(nav.list('apps').filter).toBe('crm');
		nav.open('command');
		nav.back();
		expect(nav.getState().mode).toBe('normal');
		expect(nav.list('apps').filter).toBe('crm');
		nav.back();
		expect(nav.list('apps').filter).toBe('');
		expect(nav.current().screen).toBe('apps');
		nav.back();
		expect(nav.current().screen).toBe('dashboard');
		nav.back();
		expect(nav.current().screen).toBe('dashboard');
	});

	it('clamps the cursor to the rows, pages, and marks all filtered rows without losing earlier marks', () => {
		const nav = createNavigation('apps');
		nav.moveCursor('apps', 50, rowsOf(10));
		expect(nav.list('apps')).toMatchObject({cursor: 9, selectedId: 'r9'});
		// A filter left 4 other rows: the selection is clamped into them, and moves from there.
		expect(cursorOf(nav.list('apps'), ids('a', 'b', 'c', 'd'))).toBe(3);
		nav.moveCursor('apps', -3, ids('a', 'b', 'c', 'd'));
		expect(nav.list('apps')).toMatchObject({cursor: 0, selectedId: 'a'});
		nav.setCursor('apps', 99, rowsOf(7));
		expect(nav.list('apps').cursor).toBe(6);
		expect(cursorOf(nav.list('apps'), [])).toBe(0);
		nav.toggleMark('apps', 'x');
		nav.markAll('apps', ['a', 'b']);
		expect([...nav.list('apps').marks].sort()).toEqual(['a', 'b', 'x']);
		nav.toggleMark('apps', 'a');
		expect([...nav.list('apps').marks].sort()).toEqual(['b', 'x']);
		nav.clearMarks('apps');
		expect(nav.list('apps').marks.size).toBe(0);
		nav.toggleMark('apps', 'y');
		nav.setFilter('apps', 'crm');
		nav.reset('dashboard'); // another profile: its items are not the marked ones
		expect(nav.list('apps')).toMatchObject({filter: 'crm', marks: new Set()});
	});

	it('keeps the chosen row selected when a sort, a filter or a load moves it', () => {
		const nav = createNavigation('apps');
		nav.setCursor('apps', 2, ids('a', 'b', 'c', 'd'));
		expect(cursorOf(nav.list('apps'), ids('d', 'c', 'b', 'a'))).toBe(1); // sorted the other way
		expect(cursorOf(nav.list('apps'), ids('c'))).toBe(0); // filtered down to it
		expect(cursorOf(nav.list('apps'), ids('x', 'y', 'z', 'w'))).toBe(2); // gone: the same place
		nav.moveCursor('apps', 1, ids('d', 'c', 'b', 'a'));
		expect(nav.list('apps').selectedId).toBe('b');
	});

	it('cycles the sort through the columns and back to the gateway order; S reverses', () => {
		const nav = createNavigation('apps');
		const columns = ['NAME', 'STATE'];
		nav.reverseSort('apps', columns);
		expect(nav.list('apps').sort).toEqual({column: 'NAME', descending: true});
		nav.cycleSort('apps', columns);
		expect(nav.list('apps').sort).toEqual({column: 'STATE', descending: false});
		nav.reverseSort('apps', columns);
		expect(nav.list('apps').sort).toEqual({column: 'STATE', descending: true});
		nav.cycleSort('apps', columns);
		expect(nav.list('apps').sort).toBeUndefined();
	});

	it('keeps form drafts per route key, and messages can be cleared', () => {
		const nav = createNavigation('dashboard');
		expect(nav.getDraft('idp?id=1')).toBeUndefined();
		nav.setDraft('idp?id=1', {timeout: 5});
		nav.setDraft('idp?id=2', {timeout: 9});
		expect(nav.getDraft<{timeout: number}>('idp?id=1')?.timeout).toBe(5);
		nav.clearDraft('idp?id=1');
		expect(nav.getDraft('idp?id=1')).toBeUndefined();
		expect(nav.getDraft('idp?id=2')).toEqual({timeout: 9});
		nav.say('Saved.', 'ok');
		expect(nav.getState().message).toMatchObject({text: 'Saved.', tone: 'ok'});
		nav.clearMessage();
		expect(nav.getState().message).toBeUndefined();
	});
});
