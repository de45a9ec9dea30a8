import {Box} from 'ink';
import {Text} from '../../theme/Text.js';
import {Tone} from '../../theme/ThemeContext.js';
import {itemsOf, isVisible, textOf, type FieldSpec, type FormSpec, type PickerItem} from './fieldSpecs.js';
import type {FormState} from './formState.js';

// Render only: what the state says, field by field. A secret's value never reaches the screen; its mask
// shows that something is there, not what or how long.

const LABEL_WIDTH = 22;
const INDENT = ' '.repeat(LABEL_WIDTH + 2);
export const SECRET_MASK = '••••••••';

function shownValue(field: FieldSpec, state: FormState, items: readonly PickerItem[]): string {
	const text = textOf(state.values, field.name);
	switch (field.kind) {
		case 'secret':
			return text === '' ? '' : (field.mask?.(text) ?? SECRET_MASK);
		case 'choice':
			return field.options.map(o => (o.value === text ? `(•) ${o.label}` : `( ) ${o.label}`)).join('  ');
		case 'picker': {
			if (items.length === 0) return field.emptyText ?? '(nothing to pick yet)';
			const picked = items.find(item => item.id === text);
			return picked ? `‹ ${picked.label} ›` : '‹ none picked: ←/→ ›';
		}
		case 'list':
			return state.entry[field.name] ?? '';
		default:
			return text;
	}
}

function ListItems({field, state, focused}: {field: FieldSpec; state: FormState; focused: boolean}) {
	const items = itemsOf(state.values, field.name);
	const cursor = Math.min(state.itemCursor[field.name] ?? items.length - 1, items.length - 1);
	return (
		<>
			{items.map((item, i) => (
				<Tone key={`${i}-${item}`} token={focused && i === cursor ? 'border.focus' : 'text.primary'}>
					{`${INDENT}${focused && i === cursor ? '▸' : '•'} ${item}`}
				</Tone>
			))}
		</>
	);
}

/** A line under a field, indented past the labels also where it wraps. */
function Note({token, text}: {token: 'status.error' | 'text.muted'; text: string}) {
	return (
		<Box marginLeft={INDENT.length}>
			<Tone token={token}>{text}</Tone>
		</Box>
	);
}

export type FormProps = {
	spec: FormSpec;
	state: FormState;
	errorOf: (name: string) => string | undefined;
	pickerItems?: Readonly<Record<string, readonly PickerItem[]>>;
	/** The rows and columns the form may use; when it needs more, it goes compact (see layoutOf). */
	height?: number;
	width?: number;
};

const rowsOf = (text: string, width: number): number => Math.max(1, Math.ceil(text.length / Math.max(10, width)));

/**
 * Whether the form fits at full size. Compact (an 80x24 terminal with several errors): only the focused
 * field's error is spelled out, the others are a ✗ before their label; hints, the button's spacing and all
 * but the last progress line go. A frame taller than its box would make Ink squeeze rows into each other.
 */
export function fitsFull(props: FormProps): boolean {
	const {spec, state, errorOf, height, width = 80} = props;
	if (height === undefined) return true;
	const noteWidth = width - INDENT.length;
	let rows = 2 + (state.busy ? 1 : 0) + state.progress.length + (state.result ? rowsOf(state.result.message, width) : 0) + state.formErrors.length;
	if (rows > 2) rows += 1;
	spec.fields.forEach((field, i) => {
		if (!isVisible(field, state.values)) return;
		const error = errorOf(field.name);
		rows += 1 + (field.kind === 'list' ? itemsOf(state.values, field.name).length : 0);
		if (error) rows += rowsOf(error, noteWidth);
		else if (state.focus === i && field.hint) rows += rowsOf(field.hint, noteWidth);
	});
	return rows <= height;
}

export function Form(props: FormProps) {
	const {spec, state, errorOf, pickerItems = {}} = props;
	const onButton = state.focus === spec.fields.length;
	const full = fitsFull(props);
	return (
		<Box flexDirection="column">
			{spec.fields.map((field, i) => {
				if (!isVisible(field, state.values)) return null;
				const focused = state.focus === i;
				const error = errorOf(field.name);
				const spelled = error && (full || focused);
				const cursor = focused && field.kind !== 'choice' && field.kind !== 'picker' ? '_' : '';
				return (
					<Box key={field.name} flexDirection="column" flexShrink={0}>
						<Box>
							{/* A long value must not squeeze the marker column (Ink shrinks text boxes in a row). */}
							<Box flexShrink={0}>
								{focused ? <Text>{'> '}</Text> : error && !spelled ? <Tone token="status.error">{'✗ '}</Tone> : <Text>{'  '}</Text>}
							</Box>
							<Box width={LABEL_WIDTH} flexShrink={0}>
								<Tone token={focused ? 'border.focus' : 'text.primary'}>{field.label}</Tone>
							</Box>
							<Text wrap="truncate">
								{shownValue(field, state, pickerItems[field.name] ?? [])}
								{cursor}
							</Text>
						</Box>
						{field.kind === 'list' ? <ListItems field={field} state={state} focused={focused} /> : null}
						{spelled ? <Note token="status.error" text={error} /> : null}
						{full && focused && field.hint && !error ? <Note token="text.muted" text={field.hint} /> : null}
					</Box>
				);
			})}
			<Box marginTop={full ? 1 : 0} flexShrink={0}>
				<Text>{onButton ? '> ' : '  '}</Text>
				<Tone token={onButton ? 'border.focus' : 'text.accent'} bold>
					{`[ ${spec.submitLabel} ]`}
				</Tone>
			</Box>
			<Box flexDirection="column" marginTop={full ? 1 : 0} flexShrink={0}>
				{state.busy ? <Tone token="status.info">Working…</Tone> : null}
				{(full ? state.progress : state.progress.slice(-1)).map((line, i) => (
					<Tone key={i} token="text.muted">
						{line}
					</Tone>
				))}
				{state.result ? <Tone token={state.result.ok ? 'status.ok' : 'status.error'}>{state.result.message}</Tone> : null}
				{state.formErrors.map((line, i) => (
					<Tone key={`e${i}`} token="status.error">
						{line}
					</Tone>
				))}
			</Box>
		</Box>
	);
}
