import {Box} from 'ink';
import {Text} from '../theme/Text.js';
import {completeCommand} from '../actions/registry.js';
import type {Action, ActionContext} from '../actions/types.js';
import {printable} from '../format/width.js';
import type {NavigationState} from '../navigation.js';
import {Tone} from '../theme/ThemeContext.js';

/** Lines the bar takes in this mode, so the body can give them up. */
export const inputBarHeight = (mode: NavigationState['mode']): number => (mode === 'confirm' ? 2 : mode === 'command' || mode === 'filter' ? 1 : 0);

/**
 * The line above the footer while typing: `:` command with completions, `/` filter, or a confirmation.
 * Every line is cut at the terminal's width (the keys of the mode are in the footer), never wrapped.
 */
export function InputBar({nav, actions, ctx, width}: {nav: NavigationState; actions: readonly Action[]; ctx: ActionContext; width: number}) {
	const typed = printable(nav.input);
	if (nav.mode === 'command') {
		const options = completeCommand(actions, nav.input, ctx);
		return (
			<Box width={width}>
				<Text wrap="truncate">
					<Tone token="border.focus" bold>
						:
					</Tone>
					<Text>{typed}_</Text>
					<Tone token="text.muted">{options.length > 0 ? `   ${options.slice(0, 8).map(o => `:${o}`).join(' ')}` : ''}</Tone>
				</Text>
			</Box>
		);
	}
	if (nav.mode === 'filter') {
		return (
			<Box width={width}>
				<Text wrap="truncate">
					<Tone token="border.focus" bold>
						/
					</Tone>
					<Text>{typed}_</Text>
				</Text>
			</Box>
		);
	}
	if (nav.mode === 'confirm' && nav.confirmation) {
		return (
			<Box width={width} flexDirection="column">
				<Tone token="badge.danger" bold wrap="truncate">
					{nav.confirmation.prompt}
				</Tone>
				<Text wrap="truncate">
					{`Type ${nav.confirmation.expected} to confirm: `}
					{typed}_
				</Text>
			</Box>
		);
	}
	return null;
}
