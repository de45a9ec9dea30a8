import {Box, useInput} from 'ink';
import {Text} from '../theme/Text.js';
import {useState} from 'react';
import {keyName} from '../actions/keys.js';
import {helpColumns, helpEntries, type HelpEntry} from '../actions/presentation.js';
import type {Action, ActionContext} from '../actions/types.js';
import {displayWidth, elide} from '../format/width.js';
import {Tone} from '../theme/ThemeContext.js';

/** Entry lines the overlay has in a body `height` tall (one for the title, one kept free). */
export const helpRows = (height: number): number => Math.max(1, height - 2);

/** The keys that move the list; the shell's input loop ignores them in help mode, so they are ours. */
export function scrolled(offset: number, key: string, page: number, last: number): number {
	const step: Record<string, number> = {down: 1, j: 1, up: -1, k: -1, pagedown: page, ' ': page, pageup: -page, 'ctrl+d': page, 'ctrl+u': -page};
	if (key === 'home' || key === 'g') return 0;
	if (key === 'end' || key === 'G') return last;
	return Math.max(0, Math.min(last, offset + (step[key] ?? 0)));
}

function EntryLine({entry, columns, width}: {entry: HelpEntry; columns: {keys: number; command: number}; width: number}) {
	const rest = Math.max(1, width - columns.keys - columns.command);
	// The reason comes first: on a narrow terminal the end of the line is what gets cut.
	const note = entry.blocked ? `unavailable (${entry.blocked}): ` : '';
	const shown = elide(`${note}${entry.description}${entry.dangerous ? ' [DANGEROUS]' : ''}`, rest);
	const head = shown.slice(0, Math.min(note.length, shown.length));
	const description = shown.slice(head.length);
	return (
		<Box width={width}>
			<Box width={columns.keys} flexShrink={0}>
				<Tone token={entry.blocked ? 'text.muted' : 'key'} bold={!entry.blocked}>
					{entry.keys}
				</Tone>
			</Box>
			<Box width={columns.command} flexShrink={0}>
				<Tone token={entry.blocked ? 'text.muted' : 'text.accent'}>{entry.command}</Tone>
			</Box>
			<Text wrap="truncate">
				<Tone token="status.warn">{head}</Tone>
				<Tone token={entry.blocked ? 'text.muted' : 'text.primary'}>{description}</Tone>
			</Text>
		</Box>
	);
}

/**
 * `?`: every key and command of this screen, each key once, in aligned columns; an unavailable action
 * stays in its place, dimmed, with the reason. Scrolls (↑↓ PgUp PgDn Home End) when taller than the body.
 */
export function HelpOverlay({actions, ctx, height, width}: {actions: readonly Action[]; ctx: ActionContext; height: number; width: number}) {
	const entries = helpEntries(actions, ctx);
	const columns = helpColumns(entries);
	const visible = helpRows(height);
	const last = Math.max(0, entries.length - visible);
	const [offset, setOffset] = useState(0);
	useInput((input, key) => setOffset(current => scrolled(current, keyName(input, key), visible, last)));
	const top = Math.min(offset, last);
	const shown = entries.slice(top, top + visible);
	const position = entries.length > visible ? `  ${top + 1}-${top + shown.length} of ${entries.length}, ↑↓ PgUp PgDn scroll` : '';
	const title = 'Keys and commands (Esc or ? closes)';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Tone token="text.heading" bold>
					{title}
				</Tone>
				<Tone token="text.muted">{elide(position, Math.max(0, width - displayWidth(title)))}</Tone>
			</Text>
			{shown.map(entry => (
				<EntryLine key={entry.id} entry={entry} columns={columns} width={width} />
			))}
		</Box>
	);
}
