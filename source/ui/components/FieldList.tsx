import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {Tone} from '../theme/ThemeContext.js';

// Label/value lines of a read-only item screen, aligned on one label width.

export type Field = {label: string; value: ReactNode};

export function FieldList({fields, labelWidth = 22}: {fields: readonly Field[]; labelWidth?: number}) {
	return (
		<Box flexDirection="column">
			{fields.map(field => (
				<Box key={field.label}>
					<Box width={labelWidth} flexShrink={0}>
						<Tone token="text.muted">{field.label}</Tone>
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
