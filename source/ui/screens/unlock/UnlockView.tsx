import {Box} from 'ink';
import {useDraftStore} from '../../components/form/drafts.js';
import {Form} from '../../components/form/Form.js';
import {useForm} from '../../components/form/useForm.js';
import {useShell} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {textOf} from '../../components/form/fieldSpecs.js';
import {UNLOCK_ACTIONS, UNLOCK_SPEC} from './unlockForm.js';

export function UnlockView({width, height}: {width: number; height: number}) {
	const {services} = useShell();
	const drafts = useDraftStore();
	const profile = services.unlockTarget?.();
	const {state, errorOf} = useForm({
		spec: UNLOCK_SPEC,
		screen: 'unlock',
		actions: UNLOCK_ACTIONS,
		draft: {store: drafts, key: `unlock:${profile ?? ''}`},
		submit: async (values, progress) => {
			if (!profile || !services.unlock) return {ok: false, message: 'No profile is waiting for a passphrase.'};
			progress(`Opening the key of profile ${profile}…`);
			const problem = await services.unlock(profile, textOf(values, 'passphrase'));
			if (!problem) return {ok: true, message: `Connected with profile ${profile}.`};
			return {ok: false, message: problem.message, ...(problem.wrongPassphrase ? {fieldErrors: {passphrase: 'Wrong passphrase: try again.'}} : {})};
		},
	});
	return (
		<Box flexDirection="column" width={width}>
			<Tone token="text.heading" bold>
				{`Profile ${profile ?? '?'}: its key is in a passphrase-encrypted file`}
			</Tone>
			<Tone token="text.muted">Type the passphrase chosen at login or Setup. It is not shown, and not kept after the key is opened.</Tone>
			<Box flexDirection="column" marginTop={1}>
				<Form spec={UNLOCK_SPEC} state={state} errorOf={errorOf} width={width} height={height - 3} />
			</Box>
		</Box>
	);
}
