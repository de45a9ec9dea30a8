import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Directory} from '../../source/api/schemas/directories.js';
import {validateDirectory} from '../../source/domain/directoryRules.js';
import {DIRECTORY_PRESETS} from '../../source/domain/directoryPresets.js';
import {HEALTH_CHECK_INTERVALS, HEALTH_POLICY_DEFAULTS, minimumCooldown, validateHealthPolicy} from '../../source/domain/healthPolicy.js';
import {errorOf, initialFormState, setValue, validate} from '../../source/ui/components/form/formState.js';
import {createBody, directoryFormSpec, directoryValues, presetValues, replaceBody} from '../../source/ui/screens/idp/forms/directoryForm.js';
import {HEALTH_POLICY_FORM, policyFromValues, timelineLine, valuesFromPolicy} from '../../source/ui/screens/idp/forms/healthPolicyForm.js';

// The IdP forms' specs on the form kit's pure state: what the admin sees as they type.

describe('health policy form', () => {
	const start = () => initialFormState(HEALTH_POLICY_FORM, valuesFromPolicy(HEALTH_POLICY_DEFAULTS));

	it('starts valid, with the timeline of the policy', () => {
		const state = start();
		expect(validate(HEALTH_POLICY_FORM, state.values)).toEqual({});
		expect(timelineLine(state.values)).toBe(
			'It checks every 60 s with a 3 s timeout; after 3 failed checks (about 3 min) it fails over; after 2 good checks and a 6 min cooldown it returns.',
		);
	});

	it('checks the rule as the admin types and names the smallest valid cooldown', () => {
		let state = setValue(HEALTH_POLICY_FORM, start(), 'healthCheckInterval', '180');
		expect(errorOf(HEALTH_POLICY_FORM, state, 'recoveryCooldownInterval')).toBeUndefined(); // not touched yet
		state = setValue(HEALTH_POLICY_FORM, state, 'recoveryCooldownInterval', '1000');
		expect(errorOf(HEALTH_POLICY_FORM, state, 'recoveryCooldownInterval')).toBe('At least 1080 s (2 × 180 × 3): 1080 is the smallest valid cooldown.');
		expect(timelineLine(state.values)).toBe('Fix the fields above to see the timeline.');
		state = setValue(HEALTH_POLICY_FORM, state, 'recoveryCooldownInterval', '1080');
		expect(errorOf(HEALTH_POLICY_FORM, state, 'recoveryCooldownInterval')).toBeUndefined();
		expect(timelineLine(state.values)).toContain('after 3 failed checks (about 9 min)');
		const impossible = setValue(HEALTH_POLICY_FORM, setValue(HEALTH_POLICY_FORM, state, 'healthCheckInterval', '300'), 'failureThreshold', '10');
		expect(validate(HEALTH_POLICY_FORM, setValue(HEALTH_POLICY_FORM, impossible, 'failureThreshold', '11').values)).toMatchObject({failureThreshold: 'From 1 to 10.'});
	});

	it('the form accepts exactly what the domain rule accepts (client strictness)', () => {
		const field = fc.integer({min: -5, max: 7000});
		fc.assert(
			fc.property(fc.constantFrom(...HEALTH_CHECK_INTERVALS), field, field, field, field, field, (interval, a, b, c, d, e) => {
				const policy = {healthCheckInterval: interval, failureThreshold: a % 12, maxRetries: b % 7, timeout: c % 70, successThreshold: d % 12, recoveryCooldownInterval: e};
				const values = valuesFromPolicy(policy);
				const formOk = Object.keys(validate(HEALTH_POLICY_FORM, values)).length === 0;
				return formOk === (validateHealthPolicy(policy, 'client').length === 0) && (!formOk || minimumCooldown(policy) <= policy.recoveryCooldownInterval);
			}),
		);
		expect(policyFromValues({...valuesFromPolicy(HEALTH_POLICY_DEFAULTS), timeout: ''})).toBeUndefined();
	});
});

describe('directory form', () => {
	const create = directoryFormSpec('create');
	const edit = directoryFormSpec('edit');

	it('a preset fills the guide config; URL, bind DN and credential are required on create', () => {
		const state = initialFormState(create, presetValues('OPEN_LDAP', 'dc=example,dc=com'));
		expect(createBody(state.values).config).toEqual(DIRECTORY_PRESETS.OPEN_LDAP.config('dc=example,dc=com'));
		expect(Object.keys(validate(create, state.values)).sort()).toEqual(['bindCredential', 'bindDn', 'connectionUrl']);
		const ad = initialFormState(create, presetValues('ACTIVE_DIRECTORY', 'dc=corp,dc=com'));
		expect(createBody(ad.values)).toMatchObject({type: 'ACTIVE_DIRECTORY', config: {usernameLDAPAttribute: 'sAMAccountName', memberAttribute: 'member'}});
	});

	it('the search bases follow the base DN until edited', () => {
		let state = initialFormState(create, presetValues('OPEN_LDAP', 'dc=example,dc=com'));
		state = setValue(create, state, 'baseDn', 'dc=corp,dc=org');
		expect(createBody(state.values).config).toMatchObject({userSearchDn: 'ou=users,dc=corp,dc=org', groupSearchDn: 'ou=groups,dc=corp,dc=org'});
		state = setValue(create, state, 'userSearchDn', 'ou=people,dc=corp,dc=org');
		state = setValue(create, state, 'baseDn', 'dc=other,dc=org');
		expect(createBody(state.values).config).toMatchObject({userSearchDn: 'ou=people,dc=corp,dc=org', groupSearchDn: 'ou=groups,dc=other,dc=org'});
	});

	it('a filled form makes a body the domain rule accepts', () => {
		let state = initialFormState(create, presetValues('OPEN_LDAP', 'dc=example,dc=com'));
		state = setValue(create, state, 'connectionUrl', 'ldaps://ldap.example.com:636');
		state = setValue(create, state, 'bindDn', 'cn=reader,dc=example,dc=com');
		state = setValue(create, state, 'bindCredential', 'typed-secret');
		expect(validate(create, state.values)).toEqual({});
		expect(validateDirectory(createBody(state.values), true)).toEqual([]);
	});

	it('edit keeps the stored bind credential unless it is retyped', () => {
		const stored: Directory = {
			id: 'd1',
			type: 'OPEN_LDAP',
			connection: {connectionUrl: 'ldap://127.0.0.1:389', bindDn: 'cn=reader,dc=example,dc=com'},
			config: DIRECTORY_PRESETS.OPEN_LDAP.config('dc=example,dc=com'),
		};
		let state = initialFormState(edit, directoryValues(stored));
		expect(validate(edit, state.values)).toEqual({});
		expect(replaceBody(state.values).connection).toEqual({connectionUrl: 'ldap://127.0.0.1:389', bindDn: 'cn=reader,dc=example,dc=com'});
		state = setValue(edit, state, 'bindCredential', 'new-secret');
		expect(replaceBody(state.values).connection.bindCredential).toBe('new-secret');
	});
});
