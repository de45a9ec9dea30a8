import {formActions} from '../../../components/form/formActions.js';

// The app policy form's keys in the one registry (footer, help, read-only): saving sends a change.
export const APP_POLICY_FORM_ACTIONS = formActions('appPolicy', {
	submit: {label: 'save', description: 'set who may sign in to this app offline (its group names, or its access policy) and verify it', mutates: true},
});
