import type {OagStore} from '../../../store/createOagStore.js';
import {formActions} from '../../components/form/formActions.js';
import type {FormSpec} from '../../components/form/fieldSpecs.js';

// The passphrase of a profile whose key is in the encrypted file, asked inside the TUI (at start, or on
// `:ctx NAME`) instead of sending the admin back to a shell. The passphrase is never in process.env, never
// echoed, never in a draft; it lives in the form until the key is opened.

export type UnlockOutcome = {ok: true; store: OagStore} | {ok: false; message: string; wrongPassphrase: boolean};

export const UNLOCK_SPEC: FormSpec = {
	id: 'unlock',
	submitLabel: 'Unlock the key and connect',
	fields: [{kind: 'secret', name: 'passphrase', label: 'Key file passphrase', check: value => (value === '' ? 'Required.' : undefined)}],
};

export const UNLOCK_ACTIONS = formActions('unlock', {
	submit: {label: 'unlock', description: "open the profile's encrypted key with the passphrase and connect", mutates: false},
});
