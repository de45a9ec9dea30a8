import type {Key} from 'ink';

/** One keystroke applied to a single-line text field: Backspace deletes, printable text (or a paste) appends. */
export function editLine(text: string, input: string, key: Key): string {
	if (key.backspace || key.delete) return text.slice(0, -1);
	if (key.ctrl && input === 'u') return '';
	if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.upArrow || key.downArrow) return text;
	// A paste arrives as one chunk; keep its printable characters only (no escapes into the frame).
	return text + input.replace(/[\u0000-\u001f\u007f]/g, '');
}
