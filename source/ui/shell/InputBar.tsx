import {Box, Text} from 'ink';
import {completeCommand} from '../actions/registry.js';
import type {Action, ActionContext} from '../actions/types.js';
import type {NavigationState} from '../navigation.js';
import {Tone} from '../theme/ThemeContext.js';

/** The line above the footer while typing: `:` command with completions, `/` filter, or a confirmation. */
export function InputBar({nav, actions, ctx, width}: {nav: NavigationState; actions: readonly Action[]; ctx: ActionContext; width: number}) {
	if (nav.mode === 'command') {
		const options = completeCommand(actions, nav.input, ctx);
		return (
			<Box width={width}>
				<Tone token="border.focus" bold>
					:
				</Tone>
				<Text>{nav.input}</Text>
				<Tone token="text.muted" wrap="truncate">
					{`_   ${options.slice(0, 8).map(o => `:${o}`).join(' ')}  (Tab completes, Enter runs, Esc closes)`}
				</Tone>
			</Box>
		);
	}
	if (nav.mode === 'filter') {
		return (
			<Box width={width}>
				<Tone token="border.focus" bold>
					/
				</Tone>
				<Text>{nav.input}</Text>
				<Tone token="text.muted">{'_   (Enter keeps the filter, Esc clears it)'}</Tone>
			</Box>
		);
	}
	if (nav.mode === 'confirm' && nav.confirmation) {
		return (
			<Box width={width} flexDirection="column">
				<Tone token="badge.danger" bold wrap="truncate">
					{nav.confirmation.prompt}
				</Tone>
				<Text>
					{`Type ${nav.confirmation.expected} and press Enter to confirm (Esc cancels): `}
					{nav.input}_
				</Text>
			</Box>
		);
	}
	return null;
}
