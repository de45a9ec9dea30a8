import {formActions} from '../../components/form/formActions.js';

// The IdP forms' keys in the one registry (footer, help, read-only): both send changes to the gateway.
export const POLICY_FORM_ACTIONS = formActions('idpPolicy', {
	submit: {label: 'save', description: 'replace the health policy (all six fields) and verify it', mutates: true},
});

export const DIRECTORY_FORM_ACTIONS = formActions('directory', {
	submit: {label: 'save', description: 'create or replace the directory and verify it (it reaches sign-in at the next hourly sync)', mutates: true},
	test: {
		label: 'test',
		description: "test the connection both ways: the gateway's bind test, then the local pre-flight from this machine",
	},
});
