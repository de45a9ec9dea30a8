import {describe, expect, it} from 'vitest';
import {displayWidth, elide} from '../../source/ui/format/width.js';
import {headerLines, widthOf, type HeaderParts} from '../../source/ui/shell/headerLayout.js';

const textOf = (segments: ReadonlyArray<{text: string}>) => segments.map(s => s.text).join('');

const connection = (over: Partial<NonNullable<HeaderParts['connection']>> = {}): NonNullable<HeaderParts['connection']> => ({
	profile: 'prod',
	host: 'oag.example.com',
	keyBackend: 'keychain',
	readOnly: false,
	insecure: false,
	status: 'connected',
	token: 'token 4m59s',
	...over,
});

const LONG_HOST = 'oag-admin-cluster-01.datacenter-frankfurt.internal.corp.example.com:8443';
const LONG_PROFILE = 'production-frankfurt-primary-gateway-with-a-very-long-name';
const LONG_TRAIL = ['Dashboard', 'IdPs', 'Corp Okta Identity Provider For Everyone In Frankfurt', 'Directories', 'Active Directory corp.example.com'];

describe('header layout', () => {
	const variants: Array<[string, HeaderParts]> = [];
	for (const insecure of [false, true])
		for (const plaintext of [false, true])
			for (const readOnly of [false, true])
				for (const host of ['oag.example.com', LONG_HOST])
					for (const profile of ['prod', LONG_PROFILE])
						for (const trail of [['Dashboard'], LONG_TRAIL])
							for (const status of ['connected', 'error'] as const)
								variants.push([
									`${insecure} ${plaintext} ${readOnly} ${host.length} ${profile.length} ${trail.length} ${status}`,
									{
										connection: connection({insecure, readOnly, host, profile, status, keyBackend: plaintext ? 'PLAINTEXT' : 'keychain', ...(status === 'error' ? {lastError: 'connect ECONNREFUSED 127.0.0.1:8443 (is the gateway up?)'} : {})}),
										trail,
										marked: trail.length > 1 ? 12 : undefined,
									},
								]);

	it('fits every width from 80 to 200 and never cuts the RO/RW and danger badges', () => {
		const problems: string[] = [];
		let checked = 0;
		for (let width = 80; width <= 200; width++) {
			for (const [name, parts] of variants) {
				const [first, second] = headerLines(width, parts);
				const line = textOf(first);
				const c = parts.connection!;
				const wanted = [c.readOnly ? '[RO]' : '[RW]', c.status === 'error' ? '[CONNECTION ERROR]' : '[CONNECTED]'];
				if (c.insecure) wanted.push('[INSECURE TLS');
				if (c.keyBackend === 'PLAINTEXT') wanted.push('[PLAINTEXT');
				const missing = wanted.filter(badge => !line.includes(badge));
				if (widthOf(first) > width || widthOf(second) !== width) problems.push(`${width} ${name}: too wide (or a short rule)`);
				if (missing.length > 0) problems.push(`${width} ${name}: lost ${missing.join(' ')}`);
				if (!c.insecure && line.includes('INSECURE')) problems.push(`${width} ${name}: INSECURE without --insecure`);
				// The current screen is always named (elided only when it alone is wider than the line).
				if (!textOf(second).includes(parts.trail.at(-1)!.slice(0, 12))) problems.push(`${width} ${name}: lost the current screen`);
				checked++;
			}
		}
		expect(problems).toEqual([]);
		expect(checked).toBe(121 * variants.length);
	});

	it('keeps everything, with words, when there is room', () => {
		const [first, second] = headerLines(200, {connection: connection({insecure: true}), trail: ['Dashboard', 'Health']});
		expect(textOf(first)).toBe('oag-offline profile prod gateway oag.example.com key keychain [RW] [CONNECTED] token 4m59s [INSECURE TLS: certificate not verified]');
		expect(textOf(second)).toBe(`─ Dashboard › Health ${'─'.repeat(200 - 21)}`);
	});

	it('at 80 columns gives up words and the title before the host, and elides a long host with an ellipsis', () => {
		const [short] = headerLines(80, {connection: connection({insecure: true, keyBackend: 'PLAINTEXT'}), trail: ['Dashboard']});
		expect(textOf(short)).toContain('prod');
		expect(textOf(short)).toContain('oag.example.com');
		expect(textOf(short)).toContain('[INSECURE TLS]');
		expect(textOf(short)).toContain('[PLAINTEXT]');
		const [long] = headerLines(80, {connection: connection({insecure: true, keyBackend: 'PLAINTEXT', host: LONG_HOST}), trail: ['Dashboard']});
		// Which gateway it is outranks the token countdown: the host keeps a readable part, the token goes.
		expect(textOf(long)).toContain('oag-admin-cluster-01.data');
		expect(textOf(long)).toContain('…');
		expect(textOf(long)).not.toContain('token');
		const [roomy] = headerLines(80, {connection: connection({host: LONG_HOST}), trail: ['Dashboard']});
		expect(textOf(roomy)).toContain('token 4m59s');
		expect(textOf(roomy)).toContain('oag-admin-cluster-01.datacen');
		expect(displayWidth(textOf(long))).toBeLessThanOrEqual(80);
	});

	it('elides earlier screens of a long breadcrumb first and keeps the error and the marks', () => {
		const [, second] = headerLines(80, {connection: connection({status: 'error', lastError: 'timeout'}), trail: LONG_TRAIL, marked: 3});
		const text = textOf(second);
		expect(text.startsWith('─ … › ')).toBe(true);
		expect(displayWidth(text)).toBe(80);
		expect(text).toContain('Active Directory corp.example.com');
		expect(text).toContain('3 marked');
		expect(text).toContain('timeout');
	});

	it('shows control characters of a hostile name escaped instead of sending them to the terminal', () => {
		const [first] = headerLines(120, {connection: connection({profile: 'a\u001b[2Jb'}), trail: ['Dash\u0007board']});
		expect(textOf(first)).not.toContain('\u001b');
		expect(textOf(first)).toContain('a\\u001b[2Jb');
	});

	it('says not connected before setup', () => {
		expect(textOf(headerLines(80, {trail: ['Setup']})[0])).toBe('oag-offline not connected');
	});
});

describe('display width', () => {
	it('counts wide characters twice and elides to the cell', () => {
		expect(displayWidth('abc')).toBe(3);
		expect(displayWidth('日本')).toBe(4);
		expect(displayWidth('é')).toBe(1);
		expect(elide('日本語のホスト', 5)).toBe('日本…');
		expect(displayWidth(elide('日本語のホスト', 6))).toBeLessThanOrEqual(6);
		expect(elide('short', 10)).toBe('short');
	});
});
