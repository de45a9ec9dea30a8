import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import {OagError} from '../../source/api/errors.js';
import {hostname, required} from '../../source/domain/validators.js';
import {createOagStore, type OagStore} from '../../source/store/createOagStore.js';
import {footerActions} from '../../source/ui/actions/presentation.js';
import {createMemoryDraftStore, draftOf, restoreDraft, SECRET_NOT_KEPT, type DraftStore} from '../../source/ui/components/form/drafts.js';
import {textOf, type FormSpec, type FormValues, type PickerItem} from '../../source/ui/components/form/fieldSpecs.js';
import {Form, SECRET_MASK} from '../../source/ui/components/form/Form.js';
import {formActions} from '../../source/ui/components/form/formActions.js';
import {reduceBurst, reduceFormKey} from '../../source/ui/components/form/formKeys.js';
import {initialFormState, setValue, type FormOutcome} from '../../source/ui/components/form/formState.js';
import {useForm} from '../../source/ui/components/form/useForm.js';
import {createNavigation} from '../../source/ui/navigation.js';
import {SETUP_SPEC} from '../../source/ui/screens/setup/setupForm.js';
import {splitKeystrokes} from '../../source/ui/shell/keystrokes.js';
import {ShellContext} from '../../source/ui/shell/ShellContext.js';
import {ThemeProvider} from '../../source/ui/theme/ThemeContext.js';
import {themeNamed} from '../../source/ui/theme/theme.js';
import {createFakeApi, demoConnection} from '../store/fakeOagApi.js';
import {KEYS, renderAt, type Harness} from './harness.js';

// The form kit on a form with every field kind, rendered through the real hook and view.

const SECRET = 'hunter2-very-secret';

const SPEC: FormSpec = {
	id: 'kit-test',
	submitLabel: 'Save the service',
	fields: [
		{kind: 'text', name: 'host', label: 'Host', check: hostname, gatewayField: 'hostname'},
		{kind: 'secret', name: 'password', label: 'Bind password', check: required},
		{kind: 'number', name: 'port', label: 'Port', min: 1, max: 65535},
		{
			kind: 'choice',
			name: 'mode',
			label: 'Mode',
			options: [
				{value: 'single', label: 'Single'},
				{value: 'cluster', label: 'Cluster'},
			],
		},
		{kind: 'list', name: 'nodes', label: 'Nodes', checkItem: hostname},
		{kind: 'picker', name: 'cert', label: 'Certificate', emptyText: '(loading certificates…)'},
	],
	// Cross-field: a cluster needs at least two nodes.
	rules: values => ({nodes: textOf(values, 'mode') === 'cluster' && (values.nodes as string[]).length < 2 ? 'A cluster needs at least two nodes.' : undefined}),
};

const ACTIONS = formActions('auth', {
	submit: {label: 'save', description: 'save the service', mutates: true},
	test: {label: 'test', description: 'test the connection'},
});

const CERTS: PickerItem[] = [
	{id: 'c1', label: 'corp-ca 2026'},
	{id: 'c2', label: 'lab-ca'},
];

type Submitted = {values?: FormValues; count: number};

function KitForm(props: {drafts: DraftStore; submit: (values: FormValues) => Promise<FormOutcome>; items: readonly PickerItem[]}) {
	const {state, errorOf} = useForm({
		spec: SPEC,
		screen: 'auth',
		actions: ACTIONS,
		draft: {store: props.drafts, key: 'auth:kit'},
		pickerItems: {cert: props.items},
		submit: props.submit,
		test: async () => ({ok: true, message: 'Connection tested.'}),
	});
	return <Form spec={SPEC} state={state} errorOf={errorOf} pickerItems={{cert: props.items}} />;
}

let harness: Harness | undefined;
let store: OagStore | undefined;
afterEach(() => {
	harness?.unmount();
	store?.dispose();
	harness = undefined;
	store = undefined;
});

function renderKit(options: {drafts?: DraftStore; outcome?: FormOutcome; readOnly?: boolean; items?: readonly PickerItem[]} = {}) {
	const submitted: Submitted = {count: 0};
	const drafts = options.drafts ?? createMemoryDraftStore();
	if (options.readOnly !== undefined) {
		store = createOagStore({api: createFakeApi().api, connection: {...demoConnection, readOnly: options.readOnly}});
	}
	const services = {listContexts: () => [], switchContext: async () => undefined, exit: () => undefined, connected: () => undefined};
	const submit = async (values: FormValues) => {
		submitted.values = values;
		submitted.count++;
		return options.outcome ?? {ok: true as const, message: 'Saved.'};
	};
	harness = renderAt(
		<ThemeProvider theme={themeNamed('no-color')}>
			<ShellContext.Provider value={{store, nav: createNavigation('auth'), services}}>
				<KitForm drafts={drafts} submit={submit} items={options.items ?? CERTS} />
			</ShellContext.Provider>
		</ThemeProvider>,
		{columns: 100, rows: 30},
	);
	return {h: harness, submitted, drafts};
}

/** Fills every field with valid values: host, secret, port, cluster with two nodes, the second certificate. */
async function fillValid(h: Harness) {
	await h.type('ldap.example.com');
	await h.press(KEYS.tab);
	await h.type(SECRET);
	await h.press(KEYS.tab);
	await h.type('636');
	await h.press(KEYS.tab, '\u001b[C'); // → Cluster
	await h.press(KEYS.tab);
	await h.type('node-1.example.com');
	await h.press(KEYS.enter);
	await h.type('node-2.example.com');
	await h.press(KEYS.enter, KEYS.tab, '\u001b[C', '\u001b[C'); // picker: first, then second certificate
}

describe('form kit: field kinds', () => {
	it('edits text, secret, number, choice, list and picker fields, and masks the secret in every frame', async () => {
		const {h} = renderKit();
		await h.waitFor(f => f.includes('> Host'));
		await fillValid(h);
		const frame = await h.waitFor(f => f.includes('‹ lab-ca ›'));
		expect(frame).toMatch(/Host\s+ldap\.example\.com/);
		expect(frame).toMatch(new RegExp(`Bind password\\s+${SECRET_MASK}\\s`));
		expect(frame).toMatch(/Port\s+636/);
		expect(frame).toMatch(/Mode\s+\( \) Single {2}\(•\) Cluster/);
		expect(frame).toContain('• node-1.example.com');
		expect(frame).toContain('• node-2.example.com');
		for (const seen of h.stdout.frames) expect(seen).not.toContain('hunter2');
	});

	it('removes a list item with Backspace on an empty entry line, the highlighted one', async () => {
		const {h} = renderKit();
		await h.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab);
		await h.waitFor(f => f.includes('> Nodes'));
		for (const node of ['a.example.com', 'b.example.com', 'c.example.com']) {
			await h.type(node);
			await h.press(KEYS.enter);
		}
		await h.press('\u001b[D'); // ← highlights b
		await h.waitFor(f => f.includes('▸ b.example.com'));
		await h.press(KEYS.backspace);
		const frame = await h.waitFor(f => !f.includes('b.example.com'));
		expect(frame).toContain('a.example.com');
		expect(frame).toContain('c.example.com');
	});

	it('a picker with nothing loaded yet says so', async () => {
		const {h} = renderKit({items: []});
		const frame = await h.waitFor(f => f.includes('Certificate'));
		expect(frame).toContain('(loading certificates…)');
	});
});

describe('form kit: validation', () => {
	it('checks a field as it is typed, with the domain validator, and a number against its range', async () => {
		const {h} = renderKit();
		await h.type('bad host');
		await h.waitFor(f => f.includes('Use letters, digits, hyphens and dots'));
		for (let i = 0; i < ' host'.length; i++) await h.press(KEYS.backspace);
		await h.waitFor(f => !f.includes('Use letters, digits'));
		await h.press(KEYS.tab, KEYS.tab);
		await h.type('70000');
		await h.waitFor(f => f.includes('From 1 to 65535.'));
		await h.type('x');
		await h.waitFor(f => f.includes('Digits only.'));
	});

	it('applies a cross-field rule and refuses to submit, keeping every value', async () => {
		const {h, submitted} = renderKit();
		await h.type('ldap.example.com');
		await h.press(KEYS.tab);
		await h.type(SECRET);
		await h.press(KEYS.tab, KEYS.tab, '\u001b[C', KEYS.tab);
		await h.type('only-one.example.com');
		await h.press(KEYS.enter);
		await h.press('\u0013'); // Ctrl+S
		const frame = await h.waitFor(f => f.includes('A cluster needs at least two nodes.'));
		expect(frame).toContain('Some fields need attention.');
		expect(frame).toMatch(/> Nodes/); // the focus went to the field in error
		expect(frame).toMatch(/Host\s+ldap\.example\.com/);
		expect(frame).toMatch(new RegExp(`Bind password\\s+${SECRET_MASK}`));
		expect(submitted.count).toBe(0);
	});
});

describe('form kit: a list entry not added', () => {
	it('text left on the entry line stops the submit with a note, instead of being dropped; Enter then adds it', async () => {
		const {h, submitted} = renderKit();
		await fillValid(h);
		await h.press(KEYS.up); // from the certificate back to the nodes
		await h.waitFor(f => f.includes('> Nodes'));
		await h.type('node-3.example.com');
		await h.press('\u0013'); // Ctrl+S
		const frame = await h.waitFor(f => f.includes('node-3.example.com: not added yet; Enter adds it (or clear the line).'));
		expect(frame).toContain('Some fields need attention.');
		expect(submitted.count).toBe(0);
		await h.press(KEYS.enter);
		await h.waitFor(f => f.includes('• node-3.example.com') || f.includes('▸ node-3.example.com'));
		await h.press('\u0013');
		await h.waitFor(() => submitted.count === 1);
		expect(submitted.values?.nodes).toEqual(['node-1.example.com', 'node-2.example.com', 'node-3.example.com']);
	});
});

describe('form kit: the gateway refuses', () => {
	it("places an OagError's field errors on the fields (by the gateway's name too) and unknown ones at form level; values stay", async () => {
		const refusal = new OagError('validation', 'Invalid auth service.', {
			causes: [
				{field: 'hostname', errorSummary: 'hostname does not resolve'},
				{field: 'port', errorSummary: 'port is closed'},
				{field: 'tlsMode', errorSummary: 'tlsMode must be LDAPS'},
			],
		});
		const {h, submitted} = renderKit({outcome: {ok: false, message: refusal.message, fieldErrors: refusal.fieldErrors()}});
		await fillValid(h);
		await h.waitFor(f => f.includes('‹ lab-ca ›'));
		await h.press('\u0013');
		const frame = await h.waitFor(f => f.includes('Invalid auth service.'));
		expect(frame).toMatch(/Host\s+ldap\.example\.com\s*\n\s+hostname does not resolve/);
		expect(frame).toMatch(/Port\s+636\s*\n\s+port is closed/);
		expect(frame).toContain('tlsMode: tlsMode must be LDAPS');
		expect(submitted.values).toMatchObject({host: 'ldap.example.com', password: SECRET, port: '636', mode: 'cluster', nodes: ['node-1.example.com', 'node-2.example.com'], cert: 'c2'});
		expect(frame).toMatch(new RegExp(`Bind password\\s+${SECRET_MASK}`)); // a failed submit keeps the secret too
		// Editing the field takes its gateway error away.
		await h.press(KEYS.tab, KEYS.tab); // past the button, round to the first field
		await h.waitFor(f => f.includes('> Host'));
		await h.type('x');
		await h.waitFor(f => !f.includes('hostname does not resolve'));
	});
});

describe('form kit: drafts', () => {
	it('keeps what was typed when the form is left and opened again, except the secret, which it asks for again', async () => {
		const drafts = createMemoryDraftStore();
		const first = renderKit({drafts});
		await fillValid(first.h);
		await first.h.waitFor(f => f.includes('‹ lab-ca ›'));
		first.h.unmount(); // the admin leaves (Esc or another screen): the form unmounts
		harness = undefined;
		expect(JSON.stringify(drafts.get('auth:kit'))).not.toContain('hunter2');

		const second = renderKit({drafts});
		const frame = await second.h.waitFor(f => f.includes('‹ lab-ca ›'));
		expect(frame).toMatch(/Host\s+ldap\.example\.com/);
		expect(frame).toMatch(/Port\s+636/);
		expect(frame).toContain('(•) Cluster');
		expect(frame).toContain('• node-2.example.com');
		expect(frame).toMatch(/Bind password\s*\n\s+Typed before you left; secrets are not kept: type it again\./);
		expect(SECRET_NOT_KEPT).toContain('type it again');
	});

	it('a successful submit clears the draft', async () => {
		const {h, drafts} = renderKit();
		await fillValid(h);
		await h.waitFor(f => f.includes('‹ lab-ca ›'));
		expect(drafts.get('auth:kit')).toBeDefined();
		await h.press('\u0013');
		await h.waitFor(f => f.includes('Saved.'));
		expect(drafts.get('auth:kit')).toBeUndefined();
	});
});

describe('form kit: keys are registry actions', () => {
	it('a mutating submit is refused in read-only mode, and its key is not offered in the footer', async () => {
		const {h, submitted} = renderKit({readOnly: true});
		await fillValid(h);
		await h.waitFor(f => f.includes('‹ lab-ca ›'));
		await h.press('\u0013');
		await h.waitFor(f => f.includes('save: read-only mode'));
		expect(submitted.count).toBe(0);
		const ctx = {screen: 'auth' as const, route: {screen: 'auth' as const}, readOnly: true, store, nav: createNavigation('auth'), services: {} as never};
		const footer = footerActions(ACTIONS.all, ctx).map(a => a.id);
		expect(footer).not.toContain('auth.form.submit');
		expect(footer).toContain('auth.form.test');
		// The test key is no change: it still runs.
		await h.press('\u0014'); // Ctrl+T
		await h.waitFor(f => f.includes('Connection tested.'));
	});

	it('submits through the registry action as well as through its key', async () => {
		const {h, submitted} = renderKit({readOnly: false});
		await fillValid(h);
		await h.waitFor(f => f.includes('‹ lab-ca ›'));
		ACTIONS.submit.run({} as never);
		await h.waitFor(f => f.includes('Saved.'));
		expect(submitted.count).toBe(1);
	});
});

describe('form kit: a burst of keys', () => {
	const PEM = '-----BEGIN PRIVATE KEY-----\rMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r-----END PRIVATE KEY-----\r';

	it('Tabs before a pasted key in the same burst move first; the key is diverted only when its text comes', () => {
		const burst = `oag.example.com\tclient-1\t${PEM}`;
		const key = {...splitKeystrokes('x', {} as never)[0]![1]};
		const {state} = reduceBurst(SETUP_SPEC, initialFormState(SETUP_SPEC), splitKeystrokes(burst, key), () => []);
		expect(state.values).toMatchObject({host: 'oag.example.com', clientId: 'client-1', caFile: ''});
		expect(state.values.privateKeyPem).toBe(PEM.replace(/\r/g, '\n').trimEnd());
		expect(SETUP_SPEC.fields[state.focus]?.name).toBe('caFile'); // the END line and its line break moved on
	});

	it('a key pasted into the host field in the middle of a burst never reaches the host field', () => {
		const burst = `oag.example.com${PEM}`;
		const key = {...splitKeystrokes('x', {} as never)[0]![1]};
		const {state} = reduceBurst(SETUP_SPEC, initialFormState(SETUP_SPEC), splitKeystrokes(burst, key), () => []);
		expect(state.values.host).toBe('oag.example.com');
		expect(state.values.privateKeyPem).toContain('MIIEvQ');
	});
});

describe('form kit: a letter in a picker', () => {
	// Access policies are picked by UUID: the letter must find what the admin reads, not the id.
	const PICKER: FormSpec = {id: 'picker-test', submitLabel: 'Assign', fields: [{kind: 'picker', name: 'policy', label: 'Access policy'}]};
	const POLICIES: PickerItem[] = [
		{id: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924', label: 'Default offline policy (default)'},
		{id: 'a1f0c442-98fc-4c14-9afb-f4c8996fb925', label: 'offline-engineers: engineers'},
		{id: 'd4e5c442-98fc-4c14-9afb-f4c8996fb926', label: 'offline-contractors: contractors'},
		{id: 'b7c8c442-98fc-4c14-9afb-f4c8996fb927', label: 'Auditors'},
		{id: 'c9d0c442-98fc-4c14-9afb-f4c8996fb928', label: ''},
	];
	const letter = (value: string, input: string, items: readonly PickerItem[] = POLICIES) => {
		const key = splitKeystrokes(input, {} as never)[0]![1];
		const state = setValue(PICKER, initialFormState(PICKER), 'policy', value);
		return textOf(reduceFormKey(PICKER, state, input, key, items).state.values, 'policy');
	};

	it("jumps to the next item whose label starts with it (any case), wrapping, from the one shown", () => {
		expect(letter(POLICIES[0]!.id, 'o')).toBe(POLICIES[1]!.id);
		expect(letter(POLICIES[1]!.id, 'O')).toBe(POLICIES[2]!.id);
		expect(letter(POLICIES[2]!.id, 'o')).toBe(POLICIES[1]!.id);
		expect(letter('', 'a')).toBe(POLICIES[3]!.id);
	});

	it("never jumps by an id's first letter; an item without a label is found by its id", () => {
		expect(letter(POLICIES[0]!.id, 'e')).toBe(POLICIES[0]!.id); // "e3b0…" is not what is shown
		expect(letter(POLICIES[0]!.id, 'b')).toBe(POLICIES[0]!.id);
		expect(letter(POLICIES[0]!.id, 'c')).toBe(POLICIES[4]!.id); // no label: its id is what is shown
	});
});

describe('form kit: a draft never holds a secret', () => {
	it('whatever was typed into the secret field, the draft (and its JSON) holds only that something was typed', () => {
		fc.assert(
			fc.property(fc.string({minLength: 1, maxLength: 40}), fc.string({maxLength: 20}), (typed, host) => {
				const secret = `§${typed}`; // a marker no other value in this form can hold
				let state = initialFormState(SPEC);
				state = setValue(SPEC, state, 'host', host);
				state = setValue(SPEC, state, 'password', secret);
				const draft = draftOf(SPEC, state);
				expect(JSON.stringify(draft)).not.toContain('§');
				expect(draft.secretsTyped).toEqual(['password']);
				const back = restoreDraft(SPEC, draft);
				expect(back.values.password).toBe('');
				expect(back.values.host).toBe(host);
				expect(back.notes.password).toBe(SECRET_NOT_KEPT);
			}),
			{numRuns: 200},
		);
	});
});
