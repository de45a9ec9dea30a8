import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {matchesTerms, parseFilter, searchable, startsWord} from '../../source/ui/lists/filterQuery.js';

const FIELDS = new Set(['name', 'state', 'idp', 'type']);
const row = (name: string, state?: string, idp?: string) => searchable([name], {name, state, idp});
const matches = (filter: string, r: ReturnType<typeof row>) => matchesTerms(parseFilter(filter), r, FIELDS);

describe('filter query', () => {
	it('parses words, field terms, quotes and negation', () => {
		expect(parseFilter('  crm  State:TEST !idp:"Corp Okta" type: ')).toEqual([
			{value: 'crm', negate: false},
			{field: 'state', value: 'test', negate: false},
			{field: 'idp', value: 'corp okta', negate: true},
			{field: 'type', value: '', negate: false},
		]);
		expect(parseFilter('')).toEqual([]);
		expect(parseFilter('!')).toEqual([]);
	});

	it('matches a field by the start of a word, so state:ACTIVE is not INACTIVE', () => {
		const active = row('payroll', 'ACTIVE', 'Corp Okta');
		const inactive = row('crm', 'INACTIVE', 'Lab');
		expect(matches('state:ACTIVE', active)).toBe(true);
		expect(matches('state:ACTIVE', inactive)).toBe(false);
		expect(matches('state:act', inactive)).toBe(false);
		expect(matches('idp:corp', active)).toBe(true);
		expect(matches('idp:okta', active)).toBe(true);
		expect(matches('idp:"corp okta"', active)).toBe(true);
		expect(matches('idp:corp', inactive)).toBe(false);
		expect(matches('!state:ACTIVE', inactive)).toBe(true);
		expect(matches('!state:ACTIVE', active)).toBe(false);
	});

	it('plain words match anywhere, all of them; a field the list lacks is plain text; an open field constrains nothing', () => {
		const r = searchable(['wiki', 'ldap://ldap.example.com'], {name: 'wiki', state: 'TEST'});
		expect(matches('wik', r)).toBe(true);
		expect(matches('wik test', r)).toBe(true);
		expect(matches('wik nope', r)).toBe(false);
		expect(matches('ldap://ldap', r)).toBe(true);
		expect(matches('state:', r)).toBe(true);
		expect(matches('!state:', r)).toBe(true);
		expect(matches('idp:x', r)).toBe(false);
	});

	it('startsWord finds values at word starts only', () => {
		expect(startsWord('corp okta', 'okta')).toBe(true);
		expect(startsWord('idp_okta', 'okta')).toBe(true);
		expect(startsWord('inactive', 'active')).toBe(false);
	});

	// Properties over arbitrary rows and filters.
	const word = fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/);
	const anyRow = fc.record({name: word, state: fc.constantFrom('ACTIVE', 'INACTIVE', 'TEST', undefined), idp: fc.option(word, {nil: undefined})});
	const filterText = fc.array(fc.oneof(word, word.map(w => `state:${w}`), word.map(w => `!${w}`), fc.constant('name:')), {maxLength: 4}).map(t => t.join(' '));

	it('property: the empty filter matches every row; a row always matches its own name', () => {
		fc.assert(
			fc.property(anyRow, r => {
				const s = row(r.name, r.state, r.idp);
				return matches('', s) && matches(r.name, s) && matches(`name:${r.name}`, s);
			}),
		);
	});

	it('property: adding a term never lets more rows through (filters narrow)', () => {
		fc.assert(
			fc.property(fc.array(anyRow, {maxLength: 20}), filterText, filterText, (rows, a, b) => {
				const searchableRows = rows.map(r => row(r.name, r.state, r.idp));
				const first = searchableRows.filter(s => matches(a, s)).length;
				const both = searchableRows.filter(s => matches(`${a} ${b}`, s)).length;
				return both <= first;
			}),
		);
	});

	it('property: a negated term splits the rows into exactly the complement', () => {
		fc.assert(
			fc.property(fc.array(anyRow, {maxLength: 20}), word, (rows, w) => {
				const s = rows.map(r => row(r.name, r.state, r.idp));
				return s.every(x => matches(w, x) !== matches(`!${w}`, x));
			}),
		);
	});
});
