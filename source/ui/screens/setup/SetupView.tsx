import {Box} from 'ink';
import {useDraftStore} from '../../components/form/drafts.js';
import {Form} from '../../components/form/Form.js';
import type {FormOutcome} from '../../components/form/formState.js';
import {useForm} from '../../components/form/useForm.js';
import {wrappedRows} from '../../format/wrappedRows.js';
import {useShell} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {SETUP_ACTIONS} from './setupActions.js';
import {SETUP_SPEC, setupValuesOf} from './setupForm.js';

const NO_SERVICE: FormOutcome = {ok: false, message: 'Setup is not available here: run `oag-offline login` in a shell.'};

const HEADING = 'First-run setup: connect to your Access Gateway';
const INTRO = 'Enable the API in the OAG admin UI (Settings › Access Gateway › API), then copy the client id and the key it shows once.';

export function SetupView({width, height}: {width: number; height: number}) {
	const {services} = useShell();
	const drafts = useDraftStore();
	const service = services.setup;
	const {state, errorOf} = useForm({
		spec: SETUP_SPEC,
		screen: 'setup',
		actions: SETUP_ACTIONS,
		draft: {store: drafts, key: 'setup'},
		submit: async (values, progress) => {
			if (!service) return NO_SERVICE;
			const outcome = await service.connect(setupValuesOf(values), progress);
			if (!outcome.ok) return outcome;
			services.connected(outcome.store);
			return {ok: true, message: outcome.note};
		},
		test: async (values, progress) => {
			if (!service?.test) return NO_SERVICE;
			const outcome = await service.test(setupValuesOf(values), progress);
			return outcome.ok ? {ok: true, message: outcome.note} : outcome;
		},
	});
	return (
		<Box flexDirection="column" width={width}>
			<Tone token="text.heading" bold>
				{HEADING}
			</Tone>
			<Tone token="text.muted">{INTRO}</Tone>
			<Box flexDirection="column" marginTop={1}>
				{/* The form's keys (Tab, Ctrl+T, Ctrl+S) are in the footer, from the registry. */}
				<Form spec={SETUP_SPEC} state={state} errorOf={errorOf} width={width} height={height - 2 - wrappedRows(INTRO, width)} />
			</Box>
		</Box>
	);
}
