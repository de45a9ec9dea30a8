import {Box} from 'ink';
import {DIRECTORY_TYPES, type Directory, type DirectoryType} from '../../../api/schemas/directories.js';
import type {OagStore} from '../../../store/createOagStore.js';
import {useDraftStore} from '../../components/form/drafts.js';
import type {FormValues} from '../../components/form/fieldSpecs.js';
import {Form} from '../../components/form/Form.js';
import type {FormOutcome} from '../../components/form/formState.js';
import {useForm, type Progress} from '../../components/form/useForm.js';
import {plainText} from '../../format/plainText.js';
import {routeKey, type Route} from '../../navigation/routes.js';
import {useOag, useOagStore, useShell} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {useRoute} from '../useRoute.js';
import {DIRECTORY_FORM_ACTIONS} from './formActions.js';
import {createBody, directoryFormSpec, directoryValues, presetValues, replaceBody, type DirectoryFormMode} from './forms/directoryForm.js';
import {findIdp} from './item.js';

// Create a directory from a preset, or edit one (PUT; the bind credential is kept unless retyped). Ctrl+T
// tests both ways: the gateway's bind test, then the local pre-flight from this machine, one line per step.

const SYNC_NOTE = "Changes reach offline sign-in at the gateway's next hourly sync.";
const EXAMPLE_BASE_DN = 'dc=example,dc=com';
const MARK = {pass: 'ok  ', warn: 'warn', fail: 'FAIL', skip: '-   '} as const;

export function DirectoryView({width, height}: {width: number; height: number}) {
	const route = useRoute();
	const idpId = route.params?.idp;
	const directoryId = route.params?.directory;
	const entry = useOag(s => findIdp(s, idpId));
	if (!entry) return <Tone token="text.muted">Loading the IdP…</Tone>;
	const directory = directoryId === undefined ? undefined : entry.directories?.find(d => d.id === directoryId);
	if (directoryId !== undefined && !directory) return <Tone token="text.muted">{`Loading directory ${plainText(directoryId)}…`}</Tone>;
	const preset = (DIRECTORY_TYPES as readonly string[]).includes(route.params?.preset ?? '') ? (route.params!.preset as DirectoryType) : 'OPEN_LDAP';
	return <DirectoryForm route={route} idpId={entry.idp.id} idpName={entry.idp.name} directory={directory} preset={preset} width={width} height={height} />;
}

type DirectoryFormProps = {route: Route; idpId: string; idpName: string; directory?: Directory; preset: DirectoryType; width: number; height: number};

async function testBothWays(store: OagStore, idpId: string, mode: DirectoryFormMode, values: FormValues, progress: Progress): Promise<FormOutcome> {
	const body = mode === 'create' ? createBody(values) : replaceBody(values);
	const credential = body.connection.bindCredential;
	if (!credential) return {ok: false, message: 'Type the bind credential to test: the gateway never returns the stored one.', fieldErrors: {bindCredential: 'Needed for a test.'}};
	const {connectionUrl, bindDn} = body.connection;
	const viaGateway = await store.idpOffline.testDirectory(idpId, {connectionUrl, bindDn, bindCredential: credential});
	progress(`${viaGateway.ok ? MARK.pass : MARK.fail} gateway: ${viaGateway.message}`);
	const local = await store.idpOffline.checkDirectory({type: body.type, connection: {connectionUrl, bindDn}, config: body.config}, credential);
	if ('incomplete' in local) return {ok: false, message: `Fill in ${local.incomplete.join(', ')} first.`};
	for (const step of local.steps) progress(`${MARK[step.status]} ${step.title}: ${step.reason}${step.status === 'skip' ? '' : ` (${step.ms} ms)`}`);
	const ok = viaGateway.ok && local.ok;
	return {ok, message: ok ? 'Both tests passed.' : viaGateway.ok ? 'The local pre-flight failed (see above).' : viaGateway.message};
}

function DirectoryForm({route, idpId, idpName, directory, preset, width, height}: DirectoryFormProps) {
	const store = useOagStore();
	const {nav} = useShell();
	const drafts = useDraftStore();
	const mode: DirectoryFormMode = directory ? 'edit' : 'create';
	const spec = directoryFormSpec(mode);
	const {state, errorOf} = useForm({
		spec,
		screen: 'directory',
		actions: DIRECTORY_FORM_ACTIONS,
		draft: {store: drafts, key: routeKey(route)},
		initial: directory ? directoryValues(directory) : presetValues(preset, EXAMPLE_BASE_DN),
		submit: async values => {
			const outcome = directory
				? await store.idpOffline.updateDirectory(idpId, directory.id, replaceBody(values))
				: await store.idpOffline.createDirectory(idpId, createBody(values));
			return outcome.ok ? {ok: true, message: `${outcome.message}. ${SYNC_NOTE}`} : {ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors};
		},
		test: (values, progress) => testBothWays(store, idpId, mode, values, progress),
		onSubmitted: () => nav.back(),
	});
	const title = directory ? `Directory ${plainText(directory.connection.connectionUrl)} of ${plainText(idpName)}` : `New directory for ${plainText(idpName)}`;
	return (
		<Box flexDirection="column" width={width}>
			<Tone token="text.heading" bold wrap="truncate">{title}</Tone>
			{/* The sync note comes with the save's message; at 80x24 every row here is a field. */}
			<Form spec={spec} state={state} errorOf={errorOf} width={width} height={height - 1} />
		</Box>
	);
}
