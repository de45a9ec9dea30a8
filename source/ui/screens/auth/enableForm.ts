import type {AuthServiceEnableRequest} from '../../../api/schemas/authService.js';
import type {Certificate} from '../../../api/schemas/certificates.js';
import {DEFAULT_DB_PORT} from '../../../domain/authServiceRules.js';
import {certificateLabel} from '../../../domain/certificateRules.js';
import * as v from '../../../domain/validators.js';
import {formActions} from '../../components/form/formActions.js';
import {itemsOf, textOf, type FieldSpec, type FormSpec, type FormValues, type PickerItem} from '../../components/form/fieldSpecs.js';

// The authentication service's enable form (design: Authentication service, enable form). Field names map
// to the API's paths (gatewayField), so the gateway's errorCauses land on the right field. Ctrl+T runs the
// database pre-flight from this machine; Ctrl+S enables (or, when the service is on, changes the settings:
// disable then enable, restoring the old setting with the old password if the new one fails).

const FIELDS: FieldSpec[] = [
	{kind: 'list', name: 'serverNodes', label: 'Server nodes', gatewayField: 'serverNodes', minItems: 1, checkItem: v.hostname, hint: 'OAG nodes that run the service: type one, Enter adds it'},
	{kind: 'text', name: 'dbHost', label: 'Database host', gatewayField: 'database.host', check: v.hostname, hint: 'MySQL host as the server nodes reach it'},
	{kind: 'number', name: 'dbPort', label: 'Database port', gatewayField: 'database.port', min: 1, max: 65535, check: value => (value.trim() === '' ? 'Required.' : undefined)},
	{kind: 'text', name: 'dbUser', label: 'Database user', gatewayField: 'database.username', check: v.required},
	{kind: 'secret', name: 'dbPassword', label: 'Database password', gatewayField: 'database.password', check: v.required, hint: 'sent to the gateway only; never shown or kept'},
	{kind: 'text', name: 'dbName', label: 'Database name', gatewayField: 'database.name', check: v.required, hint: 'created beforehand; the service creates its tables in it'},
	// As `auth-service check-db --db-ca-file`: the enable request has no such field (the server nodes trust
	// the database on their own), so it serves the check from this machine only and is never sent.
	{kind: 'text', name: 'dbCaFile', label: 'Database CA file', hint: "a PEM file of the CA that signed the database's certificate, when private: Ctrl+T's check trusts it (not sent to the gateway)"},
	{kind: 'text', name: 'publicDomain', label: 'Public domain', gatewayField: 'publicDomain', check: v.domainName, hint: 'where users sign in offline, e.g. offline-idp-service.example.com'},
	{kind: 'picker', name: 'certificateId', label: 'Certificate', gatewayField: 'certificateId', check: value => (value === '' ? 'Pick a certificate (←/→).' : undefined), emptyText: '(loading certificates…)'},
];

export const ENABLE_SPEC: FormSpec = {id: 'auth-enable', fields: FIELDS, submitLabel: 'Enable the authentication service'};

/** Changing an enabled service: the old setting's password, to restore it should the new values fail. */
export const CHANGE_SPEC: FormSpec = {
	id: 'auth-change',
	fields: [
		...FIELDS,
		{kind: 'secret', name: 'oldDbPassword', label: 'Current DB password', hint: 'of the setting in use now (same database user): restores it if the new values fail; empty: no restore'},
	],
	submitLabel: 'Change the settings (disable, then enable)',
};

export const AUTH_ENABLE_ACTIONS = formActions('authEnable', {
	submit: {label: 'enable', description: 'enable the authentication service (or change its settings: disable, then enable)', mutates: true},
	test: {label: 'check DB', description: 'check the database from this machine: DNS, TCP, TLS, version, login, database, grants'},
});

export const INITIAL_VALUES = {dbPort: String(DEFAULT_DB_PORT)};

export const certificateItems = (certificates: readonly Certificate[], nowMs: number): PickerItem[] =>
	certificates.map(certificate => ({id: certificate.id, label: certificateLabel(certificate, nowMs)}));

export function enableBodyOf(values: FormValues): AuthServiceEnableRequest {
	return {
		serverNodes: itemsOf(values, 'serverNodes').map(node => node.trim()),
		database: {
			type: 'mysql',
			host: textOf(values, 'dbHost').trim(),
			port: Number(textOf(values, 'dbPort').trim()),
			name: textOf(values, 'dbName').trim(),
			username: textOf(values, 'dbUser').trim(),
			password: textOf(values, 'dbPassword'),
		},
		publicDomain: textOf(values, 'publicDomain').trim(),
		certificateId: textOf(values, 'certificateId'),
	};
}
