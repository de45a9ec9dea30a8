import {formActions} from '../../components/form/formActions.js';

// Setup's keys in the one registry: the footer and help show them, and they are scoped to Setup.
// Setup changes nothing on the gateway (it stores a key on this machine), so it is not `mutates`.
export const SETUP_ACTIONS = formActions('setup', {
	submit: {label: 'connect', description: 'test the credentials, store the key and connect', mutates: false},
	test: {label: 'test', description: 'test the credentials against the gateway; nothing is stored'},
});
