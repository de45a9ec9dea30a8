import {Box, Text} from 'ink';
import type {Hint} from '../actions/presentation.js';
import {HINT_GAP} from '../actions/presentation.js';
import {Tone} from '../theme/ThemeContext.js';
import {messageVisible, type ShownMessage} from './messages.js';
import {useNow} from './useNow.js';

export type FooterProps = {hints: readonly Hint[]; message: ShownMessage | undefined; width: number};

const TONE = {ok: 'status.ok', error: 'status.error', info: 'status.info'} as const;

/** The latest message until it expires; the only part of the footer that follows the clock. */
function MessageLine({message}: {message: ShownMessage}) {
	const now = useNow();
	return <Text wrap="truncate">{messageVisible(message, now) ? <Tone token={TONE[message.tone]}>{message.text}</Tone> : ' '}</Text>;
}

/** Key hints (already fitted to one line, see presentation.ts) and the latest message. */
export function Footer({hints, message, width}: FooterProps) {
	return (
		<Box flexDirection="column" width={width}>
			<Tone token="border.default">{'─'.repeat(width)}</Tone>
			<Text wrap="truncate">
				{hints.map((hint, i) => (
					<Text key={`${hint.key} ${hint.label}`}>
						{i > 0 ? ' '.repeat(HINT_GAP) : ''}
						<Tone token="key" bold>
							{hint.key}
						</Tone>
						<Tone token="text.muted">{` ${hint.label}`}</Tone>
					</Text>
				))}
			</Text>
			{message ? <MessageLine message={message} /> : <Text> </Text>}
		</Box>
	);
}
