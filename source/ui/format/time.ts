/** HH:MM:SS in local time: what an admin compares with a wall clock during an incident. */
export function clock(ms: number): string {
	const d = new Date(ms);
	return [d.getHours(), d.getMinutes(), d.getSeconds()].map(n => String(n).padStart(2, '0')).join(':');
}

/** "4s", "3m", "2h" for ages and intervals. */
export function shortDuration(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	if (s < 60) return `${s}s`;
	if (s < 3600) return `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
	return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}

/** An ISO timestamp from the gateway as local clock time, or the text itself if it does not parse. */
export function gatewayTime(iso: string | undefined): string {
	if (!iso) return '—';
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? iso : clock(ms);
}
