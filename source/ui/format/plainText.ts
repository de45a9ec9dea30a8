// Names and fields from the gateway are hostile data: a control character or an escape sequence in an
// IdP name must not move the cursor or recolour the terminal. One line, printable characters only.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;

export const plainText = (text: string | undefined): string =>
	(text ?? '').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, ' ');
