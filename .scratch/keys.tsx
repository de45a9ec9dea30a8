import React from 'react';
import {performance} from 'node:perf_hooks';
import {createOagStore} from '../source/store/createOagStore.js';
import {App} from '../source/ui/shell/App.js';
import {themeNamed} from '../source/ui/theme/theme.js';
import {createFakeApi, demoConnection, sampleData} from '../test/store/fakeOagApi.js';
import {renderAt, KEYS} from '../test/ui/harness.js';

import {appListSpec} from '../source/ui/screens/apps/rows.js';
let builds = 0;
let cpuTimes: number[] = [];
const origBuild = appListSpec.build;
(appListSpec as any).build = (s: any) => { builds++; return origBuild(s); };
const N = Number(process.env.N ?? 5000);
const data = sampleData();
data.apps = Array.from({length: N}, (_, i) => ({app: {id: `app-${i}`, name: `app${i}`}, state: (['TEST', 'ACTIVE', 'INACTIVE'] as const)[i % 3], groups: [], accessPolicyId: null}));
const fake = createFakeApi(data);
const store = createOagStore({api: fake.api, connection: demoConnection, healthIntervalMs: 60_000});
const h = renderAt(<App store={store} theme={themeNamed('dark')} />, {columns: 120, rows: 40});
await h.press('5');
await h.waitFor(f => f.includes(`${N} rows`) && !f.includes('details'), 120_000);
const stdout = h.stdout;
async function key(k: string): Promise<number> {
	const before = stdout.frames.length;
	const start = performance.now();
	const cpu0 = process.cpuUsage();
	(h as any);
	// write directly: the harness sleeps after each press
	await new Promise<void>(resolve => {
		const orig = stdout.write;
		stdout.write = (frame: string) => {
			stdout.write = orig;
			orig(frame);
			resolve();
			return true;
		};
		(h as any).__stdin ? 0 : 0;
		h.press(k);
	});
	void before;
	const cpu = process.cpuUsage(cpu0);
	cpuTimes.push((cpu.user + cpu.system) / 1000);
	return performance.now() - start;
}
console.log('builds before keys', builds); builds = 0;
import {Session} from 'node:inspector/promises';
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (const [label, keys] of [['j', 'j'], ['k', 'k'], ['PgDn', KEYS.pageDown], ['space', ' '], ['G/g', 'G']] as const) {
	const times: number[] = [];
	for (let i = 0; i < 60; i++) times.push(await key(i % 2 && label === 'G/g' ? 'g' : keys));
	times.sort((a, b) => a - b);
	cpuTimes.sort((a, b) => a - b);
	console.log('   cpu', `p50 ${cpuTimes[Math.floor(cpuTimes.length / 2)]!.toFixed(1)} ms  p95 ${cpuTimes[Math.floor(cpuTimes.length * 0.95)]!.toFixed(1)} ms`);
	cpuTimes = [];
	console.log(label.padEnd(6), `p50 ${times[30]!.toFixed(1)} ms  p95 ${times[57]!.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
}
// Filter typing: each character re-filters 5000 rows.
const times: number[] = [];
await h.press('/');
for (const c of 'state:test app1') times.push(await key(c));
times.sort((a, b) => a - b);
console.log('filter', `p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
console.log('builds during keys', builds);
const {profile} = await session.post('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/keys.cpuprofile', JSON.stringify(profile));
h.unmount();
store.dispose();
process.exit(0);
