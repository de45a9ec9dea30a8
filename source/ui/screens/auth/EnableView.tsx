import {Box} from 'ink';
import {useEffect, useState} from 'react';
import type {AuthServiceSetting} from '../../../api/schemas/authService.js';
import {certificateWarnings} from '../../../domain/certificateRules.js';
import {typedConfirmation} from '../../actions/typedConfirmation.js';
import {textOf, type FieldValue} from '../../components/form/fieldSpecs.js';
import {useDraftStore} from '../../components/form/drafts.js';
import {Form} from '../../components/form/Form.js';
import {useForm} from '../../components/form/useForm.js';
import {plainText} from '../../format/plainText.js';
import {wrappedRows} from '../../format/wrappedRows.js';
import {useNav, useOag, useOagStore, useShell} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {checkDatabase} from './databaseCheck.js';
import {AUTH_ENABLE_ACTIONS, CHANGE_SPEC, certificateItems, ENABLE_SPEC, enableBodyOf, INITIAL_VALUES} from './enableForm.js';

// The enable form (or, when the service is on, the change form) on the form kit. The secret fields are
// never in a draft; a failed submit keeps every other value and puts the gateway's errors on the fields.

export const CHANGE_CONFIRMATION = {expected: 'CHANGE'};

/** The current setting as the change form's starting values (the credentials are typed again). */
const initialOf = (setting: AuthServiceSetting | null | undefined): Partial<Record<string, FieldValue>> =>
	setting
		? {
				serverNodes: setting.serverNodes,
				dbHost: setting.database.host ?? '',
				dbPort: String(setting.database.port ?? INITIAL_VALUES.dbPort),
				dbName: setting.database.name ?? '',
				publicDomain: setting.publicDomain,
				certificateId: setting.certificateId ?? '',
			}
		: INITIAL_VALUES;

export function EnableView({width, height}: {width: number; height: number}) {
	const store = useOagStore();
	const {nav} = useShell();
	const drafts = useDraftStore();
	const mode = useNav(s => s.mode);
	const certificates = useOag(s => s.certificates.items);
	const setting = useOag(s => s.authService.setting);
	// Decided once, when the form opens: an enabled service is changed, not enabled again.
	const [changing] = useState(() => Boolean(setting));
	const spec = changing ? CHANGE_SPEC : ENABLE_SPEC;
	const [now] = useState(() => Date.now());
	useEffect(() => {
		void store.ensure('certificates');
	}, [store]);
	const pickerItems = {certificateId: certificateItems(certificates, now)};

	const {state, errorOf} = useForm({
		spec,
		screen: 'authEnable',
		actions: AUTH_ENABLE_ACTIONS,
		draft: {store: drafts, key: changing ? 'authEnable?change' : 'authEnable'},
		initial: initialOf(changing ? setting : undefined),
		pickerItems,
		isActive: mode === 'normal',
		submit: async values => {
			const body = enableBodyOf(values);
			if (!changing) return store.authService.enable(body);
			const oldPassword = textOf(values, 'oldDbPassword');
			const restore = oldPassword === '' ? undefined : {username: body.database.username, password: oldPassword};
			return store.authService.change(body, typedConfirmation(nav, CHANGE_CONFIRMATION), restore);
		},
		test: (values, progress) => checkDatabase(store, values, progress),
		onSubmitted: () => nav.back(),
	});

	const picked = certificates.find(c => c.id === textOf(state.values, 'certificateId'));
	const warnings = picked ? certificateWarnings(picked, textOf(state.values, 'publicDomain'), now) : [];
	const intro = changing
		? 'The gateway has no update: the service is disabled, then enabled with these values. Offline sign-in is unavailable in between.'
		: 'Offline sign-in needs this service: a MySQL database, the server nodes, a public domain and its certificate.';
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Tone token="text.heading" bold>
				{changing ? 'Change the authentication service' : 'Enable the authentication service'}
			</Tone>
			<Tone token="text.muted">{intro}</Tone>
			{warnings.map(warning => (
				<Tone key={warning} token="status.warn" wrap="truncate">{`[WARN] ${plainText(warning)}`}</Tone>
			))}
			<Box flexDirection="column" marginTop={1}>
				<Form spec={spec} state={state} errorOf={errorOf} pickerItems={pickerItems} width={width} height={height - 2 - wrappedRows(intro, width) - warnings.length} />
			</Box>
		</Box>
	);
}
