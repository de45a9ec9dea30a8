import {terminalText} from '../../domain/terminalText.js';

// Names and fields from the gateway are hostile data: one line, every control character and escape
// sequence shown escaped (domain/terminalText). The TUI's Text component applies the same function to
// every string it draws; calling it earlier matters where a value is measured or composed first.

export const plainText = (text: string | undefined): string => terminalText(text ?? '');
