import {describe, expect, it} from 'vitest';
import {OagError} from '../../source/api/errors.js';
import {fieldError} from '../../source/domain/fieldError.js';
import {runMutation, type MutationRecord} from '../../source/store/mutation.js';

describe('runMutation', () => {
	const values = {name: 'typed by the admin', port: '99999'};

	it('refuses in read-only mode without calling', async () => {
		let called = false;
		const outcome = await runMutation({label: 'x', values, call: async () => (called = true)}, {readOnly: true});
		expect(outcome).toMatchObject({ok: false, stage: 'read-only', values});
		expect(called).toBe(false);
	});

	it('stops at validation and keeps the typed values', async () => {
		const outcome = await runMutation(
			{label: 'x', values, validate: () => [fieldError('port', 'A port is 1..65535')], call: async () => 1},
			{readOnly: false},
		);
		expect(outcome).toMatchObject({ok: false, stage: 'validation', fieldErrors: {port: 'A port is 1..65535'}, values});
	});

	it('maps gateway validation causes to fields and records the failure', async () => {
		const records: MutationRecord[] = [];
		const error = new OagError('validation', 'Invalid request', {causes: [{field: 'port', errorSummary: 'out of range'}, {errorSummary: 'general'}]});
		const outcome = await runMutation(
			{label: 'enable', values, call: async () => Promise.reject(error)},
			{readOnly: false, onRecord: r => records.push(r)},
		);
		expect(outcome).toMatchObject({ok: false, stage: 'call', fieldErrors: {port: 'out of range'}, values});
		expect(records).toMatchObject([{label: 'enable', ok: false, stage: 'call'}]);
	});

	it('verifies by re-fetching, and reports a mismatch', async () => {
		const ok = await runMutation({label: 'set', values, call: async () => 'A', verify: async () => undefined}, {readOnly: false});
		expect(ok).toMatchObject({ok: true, verified: true});
		const bad = await runMutation({label: 'set', values, call: async () => 'A', verify: async () => 'mode DISABLED'}, {readOnly: false});
		expect(bad).toMatchObject({ok: false, stage: 'verify'});
		expect(bad.message).toContain('mode DISABLED');
	});
});
