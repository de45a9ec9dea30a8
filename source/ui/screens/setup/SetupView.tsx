import {Box, Text} from 'ink';
import {useShell} from '../../shell/ShellContext.js';
import {Tone} from '../../theme/ThemeContext.js';
import {maskedKey, SETUP_FIELDS, SETUP_LABELS} from './setupForm.js';
import {useSetupForm} from './useSetupForm.js';

export function SetupView({width}: {width: number; height: number}) {
	const {services} = useShell();
	const {state, errorOf} = useSetupForm(services.setup, store => services.connected(store));
	return (
		<Box flexDirection="column" width={width}>
			<Tone token="text.heading" bold>
				First-run setup: connect to your Access Gateway
			</Tone>
			<Tone token="text.muted">
				Enable the API in the OAG admin UI (Settings › Access Gateway › API), then copy the client id and the key it shows once.
			</Tone>
			<Box flexDirection="column" marginTop={1}>
				{SETUP_FIELDS.map((field, i) => {
					const focused = state.focus === i;
					const value = field === 'privateKeyPem' ? maskedKey(state.values[field]) : state.values[field];
					const error = errorOf(field);
					return (
						<Box key={field} flexDirection="column">
							<Box>
								<Text>{focused ? '> ' : '  '}</Text>
								<Box width={22} flexShrink={0}>
									<Tone token={focused ? 'border.focus' : 'text.primary'}>{SETUP_LABELS[field]}</Tone>
								</Box>
								<Text wrap="truncate">
									{value}
									{focused ? '_' : ''}
								</Text>
							</Box>
							{error ? <Tone token="status.error">{`                        ${error}`}</Tone> : null}
						</Box>
					);
				})}
				<Box marginTop={1}>
					<Text>{state.focus === SETUP_FIELDS.length ? '> ' : '  '}</Text>
					<Tone token={state.focus === SETUP_FIELDS.length ? 'border.focus' : 'text.accent'} bold>
						[ Test, store the key and connect ]
					</Tone>
				</Box>
			</Box>
			<Box flexDirection="column" marginTop={1}>
				{state.busy ? <Tone token="status.info">Working…</Tone> : null}
				{state.progress.map((line, i) => (
					<Tone key={i} token="text.muted">
						{line}
					</Tone>
				))}
				{state.result ? <Tone token={state.result.ok ? 'status.ok' : 'status.error'}>{state.result.message}</Tone> : null}
			</Box>
			<Tone token="text.muted">Tab/↓ next field · Shift+Tab/↑ previous · Enter next/submit · Ctrl+C quits</Tone>
		</Box>
	);
}
