import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {Tone} from '../theme/ThemeContext.js';

// Label/value lines of a read-only item screen, aligned on one label width.

export type Field = {label: string; value: ReactNode};

export function FieldList({fields, labelWidth}: {fields: readonly Field[]; labelWidth?: number}) {
	// As wide as the longest label plus a gap, so no label wraps into the value.
	const width = labelWidth ?? Math.max(...fields.map(f => f.label.length), 0) + 2;
	return (
		<Box flexDirection="column">
			{fields.map(field => (
				<Box key={field.label}>
					<Box width={width} flexShrink={0}>
						<Tone token="text.muted" wrap="truncate">
							{field.label}
						</Tone>
					</Box>
					{typeof field.value === 'string' ? <Text wrap="truncate">{field.value}</Text> : field.value}
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
