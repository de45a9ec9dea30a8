import {sleep, startTuiSession} from './tuiSession.js';
for (const opts of [process.env.DBG_OPTS ?? '']) {
	const apps = 5000;
	const tui = await startTuiSession({apps, idps: 2}, opts ? {NODE_OPTIONS: opts} : {});
	const line = (label: string) => console.log(opts, label, tui.memoryMb('VmRSS').toFixed(0), tui.memoryMb('VmHWM').toFixed(0), tui.sim.control.counters().requests);
	await tui.tmux.waitFor(s => s.includes('Readiness'), 60_000);
	line('start');
	for (let i = 0; i < 12; i++) { await sleep(1000); if (i % 3 == 2) line('t' + i); }
	await tui.go('apps', '› Apps'); await sleep(1000); line('apps');
	await tui.go('idps', '› IdPs'); await sleep(1000); line('idps');
	await tui.go('health', '› Health'); await sleep(3000); line('health');
	console.log(tui.tmux.capture().split('\n').slice(0,3).join('\n'));
	await tui.quit(); await tui.close();
}
