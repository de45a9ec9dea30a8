import {Box, Text} from 'ink';
import {keyLabel} from '../actions/keys.js';
import {actionsInScope, blockedReason} from '../actions/registry.js';
import type {Action, ActionContext} from '../actions/types.js';
import {Tone} from '../theme/ThemeContext.js';

/** `?`: every key and command of this screen, generated from the registry, with why one is unavailable. */
export function HelpOverlay({actions, ctx, height, width}: {actions: readonly Action[]; ctx: ActionContext; height: number; width: number}) {
	const rows = actionsInScope(actions, ctx.screen).filter(a => a.keys.length > 0 || a.command);
	const shown = rows.slice(0, Math.max(1, height - 2));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Tone token="text.heading" bold>
				Keys and commands (Esc or ? closes)
			</Tone>
			{shown.map(action => {
				const blocked = blockedReason(action, ctx);
				const keys = action.keys.map(keyLabel).join(' ');
				return (
					<Box key={action.id}>
						<Box width={10}>
							<Tone token="key" bold>
								{keys}
							</Tone>
						</Box>
						<Box width={14}>
							<Tone token="text.accent">{action.command ? `:${action.command}${action.completeArgument ? ' NAME' : ''}` : ''}</Tone>
						</Box>
						<Text wrap="truncate">
							{action.description}
							{action.dangerous ? ' [DANGEROUS]' : ''}
							{blocked ? <Tone token="text.muted">{` (unavailable: ${blocked})`}</Tone> : null}
						</Text>
					</Box>
				);
			})}
			{rows.length > shown.length ? <Tone token="text.muted">{`… ${rows.length - shown.length} more; enlarge the window`}</Tone> : null}
		</Box>
	);
}
