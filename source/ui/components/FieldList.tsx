import {Box} from 'ink';
import {Text} from '../theme/Text.js';
import type {ReactNode} from 'react';
import {Tone} from '../theme/ThemeContext.js';

// Label/value lines of a read-only item screen, aligned on one label width.

export type Field = {label: string; value: ReactNode};

const labelWidthOf = (fields: readonly Field[]) => Math.max(...fields.map(f => f.label.length), 0) + 2;

function FieldLine({field, labelWidth, width}: {field: Field; labelWidth: number; width?: number}) {
	return (
		<Box width={width}>
			<Box width={labelWidth} flexShrink={0}>
				<Tone token="text.muted" wrap="truncate">
					{field.label}
				</Tone>
			</Box>
			{typeof field.value === 'string' ? <Text wrap="truncate">{field.value}</Text> : field.value}
		</Box>
	);
}

/** One field per line; the label column as wide as the longest label plus a gap, so none wraps. */
export function FieldList({fields}: {fields: readonly Field[]}) {
	const labelWidth = labelWidthOf(fields);
	return (
		<Box flexDirection="column">
			{fields.map(field => (
				<FieldLine key={field.label} field={field} labelWidth={labelWidth} />
			))}
		</Box>
	);
}

/** Short fields side by side (`perLine` to a line), to keep an item screen inside 24 rows. */
export function FieldGrid({fields, perLine, width}: {fields: readonly Field[]; perLine: number; width: number}) {
	const labelWidth = labelWidthOf(fields);
	const cell = Math.floor(width / perLine);
	const lines = Array.from({length: Math.ceil(fields.length / perLine)}, (_, i) => fields.slice(i * perLine, (i + 1) * perLine));
	return (
		<Box flexDirection="column">
			{lines.map(line => (
				<Box key={line[0]!.label}>
					{line.map(field => (
						<FieldLine key={field.label} field={field} labelWidth={labelWidth} width={cell} />
					))}
				</Box>
			))}
		</Box>
	);
}

export function SectionTitle({children}: {children: ReactNode}) {
	return (
		<Box marginTop={1}>
			<Tone token="text.heading" bold>
				{children}
			</Tone>
		</Box>
	);
}
