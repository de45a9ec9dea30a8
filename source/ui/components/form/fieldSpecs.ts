// The form kit's vocabulary: a form is a list of field specs plus rules over all values. The kit turns
// keystrokes into values (formState.ts), keeps drafts (drafts.ts) and renders (Form.tsx); a screen only
// declares its fields and what submit and test do.

/** Every field's value is text, except a list editor's, which is its items. */
export type FieldValue = string | readonly string[];
export type FormValues = Readonly<Record<string, FieldValue>>;

/** A field-level validator: undefined when fine, else a message a human can act on (domain validators fit). */
export type FieldCheck = (value: string, values: FormValues) => string | undefined;

type FieldBase = {
	name: string;
	label: string;
	/** Shown dimmed under the field while it has the focus. */
	hint?: string;
	check?: FieldCheck;
	/** Hidden fields are skipped by the focus and by validation (e.g. a passphrase for another backend). */
	visible?: (values: FormValues) => boolean;
	/** The gateway's name for this field in a validation error's causes, when it differs from `name`. */
	gatewayField?: string;
};

export type TextField = FieldBase & {kind: 'text'};

/**
 * Masked and never echoed back. Its value is never put in a draft: a draft only records that something
 * was typed (see drafts.ts). `multiline` keeps line breaks until `complete` matches (a pasted PEM); such a
 * field is checked once left, not while the paste is still arriving.
 */
export type SecretField = FieldBase & {
	kind: 'secret';
	/** What to show for a non-empty value; default a fixed run of dots (the length is not shown either). */
	mask?: (value: string) => string;
	multiline?: {complete: (value: string) => boolean};
	/** Backspace clears the whole value (half a key is never useful). */
	clearOnBackspace?: boolean;
};

export type NumberField = FieldBase & {kind: 'number'; min: number; max: number};

export type ChoiceField = FieldBase & {kind: 'choice'; options: ReadonlyArray<{value: string; label: string}>};

/** Items typed one at a time on an entry line (Enter adds); `checkItem` guards each item. */
export type ListField = FieldBase & {kind: 'list'; checkItem?: (item: string) => string | undefined; minItems?: number};

/** One item of a list the screen loaded from the store (e.g. certificates); the value is the item's id. */
export type PickerField = FieldBase & {kind: 'picker'; emptyText?: string};

export type FieldSpec = TextField | SecretField | NumberField | ChoiceField | ListField | PickerField;

export type PickerItem = {id: string; label: string};

/**
 * A paste of something that belongs in one field only (a private key) arriving in another: `startOf`
 * tells where it starts in the field's text with the burst appended (-1: not there); the piece is moved
 * to `to` and never shown where it landed.
 */
export type Divert = {to: string; startOf: (text: string, burstLength: number) => number; message: string};

export type FormSpec = {
	id: string;
	fields: readonly FieldSpec[];
	/** Cross-field rules: all values in, errors per field out. */
	rules?: (values: FormValues) => Record<string, string | undefined>;
	/** The button's text. */
	submitLabel: string;
	divert?: Divert;
	/** A field edited by the admin stops following; e.g. the profile name follows the host. */
	derive?: (values: FormValues, edited: ReadonlySet<string>) => Partial<Record<string, string>>;
};

export const isVisible = (field: FieldSpec, values: FormValues): boolean => field.visible?.(values) ?? true;

export const textOf = (values: FormValues, name: string): string => {
	const value = values[name];
	return typeof value === 'string' ? value : '';
};

export const itemsOf = (values: FormValues, name: string): readonly string[] => {
	const value = values[name];
	return Array.isArray(value) ? value : [];
};

export function emptyValues(spec: FormSpec, initial: Partial<Record<string, FieldValue>> = {}): FormValues {
	const values: Record<string, FieldValue> = {};
	for (const field of spec.fields) {
		const given = initial[field.name];
		if (given !== undefined) values[field.name] = given;
		else if (field.kind === 'list') values[field.name] = [];
		else if (field.kind === 'choice') values[field.name] = field.options[0]?.value ?? '';
		else values[field.name] = '';
	}
	return values;
}
