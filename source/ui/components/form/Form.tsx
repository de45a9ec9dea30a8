import {Box} from 'ink';
import {Text} from '../../theme/Text.js';
import {Tone} from '../../theme/ThemeContext.js';
import {itemsOf, textOf, type FieldSpec, type PickerItem} from './fieldSpecs.js';
import {foldsItems, formLayout, LABEL_WIDTH, moreText, VALUE_COLUMN, type FormLayoutInput, type Hidden} from './formLayout.js';
import type {FormState} from './formState.js';

// Render only: what the state says, field by field, in the window formLayout chose for the rows there are
// (the label, list items and values are cut, never wrapped, so the rows it counted are the rows drawn). A
// secret's value never reaches the screen; its mask shows that something is there, not what or how long.

const INDENT = ' '.repeat(VALUE_COLUMN);
export const SECRET_MASK = '••••••••';

/** A folded list on its label's row: how many, then as many as the row has room for. */
const foldedItems = (items: readonly string[]): string => (items.length > 1 ? `${items.length} items: ${items.join(', ')}` : (items[0] ?? ''));

function shownValue(field: FieldSpec, state: FormState, items: readonly PickerItem[], folded: boolean): string {
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
			return folded ? foldedItems(itemsOf(state.values, field.name)) : (state.entry[field.name] ?? '');
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
				<Tone key={`${i}-${item}`} token={focused && i === cursor ? 'border.focus' : 'text.primary'} wrap="truncate">
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

export type FormProps = FormLayoutInput & {pickerItems?: Readonly<Record<string, readonly PickerItem[]>>};

/** Fields out of sight, said where they are: Tab and Shift+Tab bring them in. */
function More({hidden, direction}: {hidden: Hidden; direction: 'above' | 'below'}) {
	const text = moreText(hidden, direction);
	return text ? <Tone token={hidden.toFix > 0 ? 'status.error' : 'text.muted'}>{`  ${text}`}</Tone> : null;
}

export function Form(props: FormProps) {
	const {spec, state, errorOf, pickerItems = {}} = props;
	const onButton = state.focus === spec.fields.length;
	const {full, shown, above, below} = formLayout(props);
	const hasStatus = state.busy || state.progress.length > 0 || state.result !== undefined || state.formErrors.length > 0;
	return (
		<Box flexDirection="column">
			<More hidden={above} direction="above" />
			{shown.map(i => {
				const field = spec.fields[i]!;
				const focused = state.focus === i;
				const error = errorOf(field.name);
				const spelled = error && (full || focused);
				const cursor = focused && field.kind !== 'choice' && field.kind !== 'picker' ? '_' : '';
				const folded = field.kind === 'list' && foldsItems(full, focused);
				return (
					<Box key={field.name} flexDirection="column" flexShrink={0}>
						<Box>
							{/* Fixed width: a long value would otherwise shrink the marker column and shift the row left. */}
							<Box width={2} flexShrink={0}>
								{focused ? <Text>{'> '}</Text> : error && !spelled ? <Tone token="status.error">{'✗ '}</Tone> : <Text>{'  '}</Text>}
							</Box>
							<Box width={LABEL_WIDTH} flexShrink={0}>
								<Tone token={focused ? 'border.focus' : 'text.primary'} wrap="truncate">
									{field.label}
								</Tone>
							</Box>
							<Text wrap="truncate">
								{shownValue(field, state, pickerItems[field.name] ?? [], folded)}
								{cursor}
							</Text>
						</Box>
						{field.kind === 'list' && !folded ? <ListItems field={field} state={state} focused={focused} /> : null}
						{spelled ? <Note token="status.error" text={error} /> : null}
						{full && focused && field.hint && !error ? <Note token="text.muted" text={field.hint} /> : null}
					</Box>
				);
			})}
			<More hidden={below} direction="below" />
			<Box marginTop={full ? 1 : 0} flexShrink={0}>
				<Text>{onButton ? '> ' : '  '}</Text>
				<Tone token={onButton ? 'border.focus' : 'text.accent'} bold>
					{`[ ${spec.submitLabel} ]`}
				</Tone>
			</Box>
			{hasStatus ? (
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
			) : null}
		</Box>
	);
}
