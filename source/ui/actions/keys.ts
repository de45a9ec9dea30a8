import type {Key} from 'ink';

/** Ink's (input, key) pair as one name, so bindings are plain strings: 'esc', 'ctrl+c', 'shift+tab', 'G'. */
export function keyName(input: string, key: Key): string {
	if (key.escape) return 'esc';
	if (key.return) return 'enter';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	if (key.meta && input) return `meta+${input}`;
	return input;
}

/** How a key is written in the footer and help. */
export const keyLabel = (name: string): string =>
	({esc: 'Esc', enter: 'Enter', tab: 'Tab', 'shift+tab': 'S-Tab', up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', ' ': 'Space'})[
		name
	] ?? name;

