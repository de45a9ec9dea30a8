import {Box, Text} from 'ink';
import {keyLabel} from '../actions/keys.js';
import type {Action} from '../actions/types.js';
import type {Message} from '../navigation.js';
import {Tone} from '../theme/ThemeContext.js';

export type FooterProps = {hints: readonly Action[]; message: Message | undefined; width: number};

const TONE = {ok: 'status.ok', error: 'status.error', info: 'status.info'} as const;

/** Key hints generated from the registry, and the latest message (toast). */
export function Footer({hints, message, width}: FooterProps) {
	return (
		<Box flexDirection="column" width={width}>
			<Tone token="border.default">{'─'.repeat(width)}</Tone>
			<Text wrap="truncate">
				{hints.map(action => (
					<Text key={action.id}>
						<Tone token="key" bold>
							{keyLabel(action.keys[0] ?? '')}
						</Tone>
						<Tone token="text.muted">{` ${action.label}  `}</Tone>
					</Text>
				))}
			</Text>
			<Text wrap="truncate">{message ? <Tone token={TONE[message.tone]}>{message.text}</Tone> : ' '}</Text>
		</Box>
	);
}
