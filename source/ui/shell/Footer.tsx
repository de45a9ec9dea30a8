import {Box, Text} from 'ink';
import type {Hint} from '../actions/presentation.js';
import {HINT_GAP} from '../actions/presentation.js';
import {elide, printable} from '../format/width.js';
import {Tone} from '../theme/ThemeContext.js';
import {Line} from './Header.js';
import {ruleTitleWidth, titledRule} from './headerLayout.js';
import {messageVisible, type ShownMessage} from './messages.js';
import {useNow} from './useNow.js';

export type FooterProps = {hints: readonly Hint[]; message: ShownMessage | undefined; width: number};

const TONE = {ok: 'status.ok', error: 'status.error', info: 'status.info'} as const;

/** The rule below the body, titled with the latest message until it expires: the only part that ticks. */
function MessageRule({message, width}: {message: ShownMessage | undefined; width: number}) {
	const now = useNow();
	const shown = message && messageVisible(message, now) ? message : undefined;
	const title = shown ? [{text: elide(printable(shown.text), ruleTitleWidth(width)), token: TONE[shown.tone]}] : [];
	return <Line segments={titledRule(width, title)} />;
}

/** The latest message (in the rule) and the key hints (already fitted to one line, see presentation.ts). */
export function Footer({hints, message, width}: FooterProps) {
	return (
		<Box flexDirection="column" width={width}>
			{message ? <MessageRule message={message} width={width} /> : <Line segments={titledRule(width, [])} />}
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
		</Box>
	);
}
