import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {stateCell, StateTag} from '../../source/ui/components/StateTag.js';
import {ColumnRow} from '../../source/ui/components/Columns.js';
import {FieldList} from '../../source/ui/components/FieldList.js';
import {Text} from '../../source/ui/theme/Text.js';
import {Tone} from '../../source/ui/theme/ThemeContext.js';

// The TUI's one sanitising boundary is its Text component: every string a screen draws goes through it.

const ATTACK = 'Pay\u001b]52;c;cHduZWQ=\u0007roll\u001b]0;title\u001b\\\r\b\u009b2J\u202eevil';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

describe('the TUI text boundary', () => {
	it('is the only importer of Ink Text, so no string reaches the frame around it', () => {
		const around = sourceFiles('source')
			.filter(path => !path.endsWith(join('ui', 'theme', 'Text.tsx')))
			.filter(path => /import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*'ink'/.test(readFileSync(path, 'utf8')));
		expect(around).toEqual([]);
	});

	it('shows a gateway string escaped in a tag, a list cell, a field, a tone and nested text', () => {
		const columns = [{title: 'name', width: 60}, {title: 'state'}];
		const {lastFrame, unmount} = render(
			<Box flexDirection="column" width={200}>
				<StateTag state={ATTACK} />
				<ColumnRow columns={columns} cells={[ATTACK, stateCell('ENABLED\u0007')]} />
				<FieldList fields={[{label: 'domain', value: ATTACK}]} />
				<Tone token="text.muted">{`[ERROR] ${ATTACK}`}</Tone>
				<Text>
					outer {ATTACK} <Text bold>{ATTACK}</Text>
				</Text>
			</Box>,
		);
		const frame = lastFrame() ?? '';
		// ink-testing-library keeps colours out of the frame, so any control byte here came from the data.
		expect(frame).not.toMatch(CONTROL);
		expect(frame).toContain('[Pay\\u001b]52;c;…]');
		expect(frame).toContain('Pay\\u001b]52;c;cHduZWQ=\\u0007roll\\u001b]0;title\\u001b\\\\u000d\\u0008\\u009b2J\\u202eevil');
		expect(frame).toContain('[ENABLED\\u0007]');
		unmount();
	});

	it('keeps a newline as a line break and printable text as it is', () => {
		const {lastFrame, unmount} = render(<Text>{'Ünïcødé 名前\nsecond line'}</Text>);
		expect(lastFrame()).toBe('Ünïcødé 名前\nsecond line');
		unmount();
	});
});
