import {Box} from 'ink';
import {Text} from '../theme/Text.js';
import {useEffect, useState} from 'react';
import type {Hint} from '../actions/presentation.js';
import {HINT_GAP} from '../actions/presentation.js';
import {elide, printable} from '../format/width.js';
import {Tone} from '../theme/ThemeContext.js';
import {Line} from './Header.js';
import {ruleTitleWidth, titledRule} from './headerLayout.js';
import {messageLifetime, messageVisible, type ShownMessage} from './messages.js';

export type FooterProps = {hints: readonly Hint[]; message: ShownMessage | undefined; width: number};

const TONE = {ok: 'status.ok', error: 'status.error', info: 'status.info'} as const;

/** Whether the message is still within its lifetime: one timer per message re-renders at expiry, no ticking. */
function useStillShown(message: ShownMessage | undefined): boolean {
	const [, expired] = useState(0);
	useEffect(() => {
		if (!message) return;
		const left = message.at + messageLifetime(message) - Date.now();
		if (left <= 0) return;
		const timer = setTimeout(() => expired(n => n + 1), left + 5);
		return () => clearTimeout(timer);
	}, [message]);
	return message !== undefined && messageVisible(message, Date.now());
}

/** The rule below the body, titled with the latest message until it expires (messages.ts). */
function MessageRule({message, width}: {message: ShownMessage | undefined; width: number}) {
	const visible = useStillShown(message);
	const shown = visible ? message : undefined;
	const title = shown ? [{text: elide(printable(shown.text), ruleTitleWidth(width)), token: TONE[shown.tone]}] : [];
	return <Line segments={titledRule(width, title)} />;
}

/** The latest message (in the rule) and the key hints (already fitted to one line, see presentation.ts). */
export function Footer({hints, message, width}: FooterProps) {
	return (
		<Box flexDirection="column" width={width}>
			<MessageRule message={message} width={width} />
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
