import {displayWidth, elide, printable} from '../format/width.js';
import type {ThemeToken} from '../theme/theme.js';

// The header as a pure function of (width, parts): what gives way first when the terminal is narrow.
// Never cut: the RO/RW badge, the danger badges ([INSECURE TLS], [PLAINTEXT]) and the connection state.
// Given up in order: long badge wording, the program name, the field labels, the key backend, the token
// countdown; then the host and the profile are elided with an ellipsis. The second line is the rule above
// the body, titled with the breadcrumb, which gives way (earlier screens first) before the error text and
// the current screen's title.

export type Segment = {text: string; token?: ThemeToken; bold?: boolean};

export type HeaderParts = {
	/** Absent before a connection exists (first-run setup). */
	connection?: {
		profile: string;
		host: string;
		keyBackend: string;
		readOnly: boolean;
		insecure: boolean;
		status: 'connecting' | 'connected' | 'error';
		/** "token 4m59s", "token renewing", "signed bearer"; empty when nothing to say. */
		token: string;
		lastError?: string;
	};
	trail: readonly string[];
	/** Marked rows on the current list (shown after the breadcrumb). */
	marked?: number;
};

export type HeaderLines = [Segment[], Segment[]];

type Level = {longBadges: boolean; title: boolean; labels: boolean; keyBackend: boolean; token: boolean};

const LEVELS: Level[] = [
	{longBadges: true, title: true, labels: true, keyBackend: true, token: true},
	{longBadges: false, title: true, labels: true, keyBackend: true, token: true},
	{longBadges: false, title: false, labels: true, keyBackend: true, token: true},
	{longBadges: false, title: false, labels: false, keyBackend: true, token: true},
	{longBadges: false, title: false, labels: false, keyBackend: false, token: true},
];
const LAST: Level = {longBadges: false, title: false, labels: false, keyBackend: false, token: false};

export const PLAINTEXT_LABEL = 'PLAINTEXT';
const HOST_READABLE = 24;
const PROFILE_READABLE = 12;
const HOST_FLOOR = 8;
const PROFILE_FLOOR = 6;

export const widthOf = (segments: readonly Segment[]): number => segments.reduce((sum, s) => sum + displayWidth(s.text), 0);

function statusBadge(status: 'connecting' | 'connected' | 'error'): Segment {
	if (status === 'error') return {text: '[CONNECTION ERROR]', token: 'status.error'};
	if (status === 'connecting') return {text: '[CONNECTING]', token: 'status.warn'};
	return {text: '[CONNECTED]', token: 'status.ok'};
}

function firstLine(connection: NonNullable<HeaderParts['connection']>, level: Level, profile: string, host: string): Segment[] {
	const plaintext = connection.keyBackend === PLAINTEXT_LABEL;
	const out: Segment[] = [];
	// The space between parts is a plain segment of its own, so a badge's colour starts at its bracket.
	const add = (segment: Segment) => out.push(...(out.length > 0 ? [{text: ' '}, segment] : [segment]));
	const field = (label: string, value: string, labelled = level.labels) => {
		if (labelled) add({text: label, token: 'text.muted'});
		add({text: value});
	};
	if (level.title) add({text: 'oag-offline', token: 'text.heading', bold: true});
	field('profile', profile);
	field('gateway', host);
	// "key" stays labelled longest: a bare backend name ("demo (in memory)") reads as anything.
	if (plaintext) {
		add({text: 'key', token: 'text.muted'});
		add({text: level.longBadges ? '[PLAINTEXT: key stored unencrypted]' : '[PLAINTEXT]', token: 'badge.danger', bold: true});
	} else if (level.keyBackend) field('key', printable(connection.keyBackend), true);
	add(connection.readOnly ? {text: '[RO]', token: 'badge.readOnly', bold: true} : {text: '[RW]', token: 'badge.readWrite', bold: true});
	add(statusBadge(connection.status));
	if (level.token && connection.token && connection.status === 'connected') add({text: connection.token, token: 'text.muted'});
	if (connection.insecure) {
		add({text: level.longBadges ? '[INSECURE TLS: certificate not verified]' : '[INSECURE TLS]', token: 'badge.danger', bold: true});
	}
	return out;
}

function connectionLine(width: number, connection: HeaderParts['connection']): Segment[] {
	if (!connection) return [{text: 'oag-offline', token: 'text.heading', bold: true}, {text: ' not connected', token: 'text.muted'}];
	const profile = printable(connection.profile);
	const host = printable(connection.host);
	for (const level of LEVELS) {
		const line = firstLine(connection, level, profile, host);
		if (widthOf(line) <= width) return line;
	}
	// Still too wide: elide the host, then the profile, down to a readable length; then give up the token
	// countdown; then elide both further (never below one cell each).
	const squeeze = (level: Level, floors: {host: number; profile: number}): Segment[] | undefined => {
		const room = width - widthOf(firstLine(connection, level, '', ''));
		let excess = displayWidth(host) + displayWidth(profile) - room;
		let hostFit = displayWidth(host);
		let profileFit = displayWidth(profile);
		const cutHost = Math.max(0, Math.min(excess, hostFit - Math.min(hostFit, floors.host)));
		hostFit -= cutHost;
		excess -= cutHost;
		const cutProfile = Math.max(0, Math.min(excess, profileFit - Math.min(profileFit, floors.profile)));
		profileFit -= cutProfile;
		excess -= cutProfile;
		return excess > 0 ? undefined : firstLine(connection, level, elide(profile, profileFit), elide(host, hostFit));
	};
	// Which gateway this is matters more than the token countdown: the host keeps a readable part first.
	return (
		squeeze(LEVELS.at(-1)!, {host: HOST_READABLE, profile: PROFILE_READABLE}) ??
		squeeze(LAST, {host: HOST_READABLE, profile: PROFILE_READABLE}) ??
		squeeze(LAST, {host: HOST_FLOOR, profile: PROFILE_FLOOR}) ??
		squeeze(LAST, {host: 1, profile: 1}) ??
		firstLine(connection, LAST, elide(profile, 1), elide(host, 1))
	);
}

function trailText(trail: readonly string[], width: number): string {
	const titles = trail.map(printable);
	const full = titles.join(' › ');
	if (displayWidth(full) <= width) return full;
	// Earlier screens give way first: "… › Apps › payroll", then the current title alone, elided at its end.
	for (let from = 1; from < titles.length; from++) {
		const text = `… › ${titles.slice(from).join(' › ')}`;
		if (displayWidth(text) <= width) return text;
	}
	return elide(titles.at(-1) ?? '', width);
}

function trailLine(width: number, parts: HeaderParts): Segment[] {
	const marked = parts.marked ? `  ${parts.marked} marked` : '';
	const error = parts.connection?.lastError ? printable(parts.connection.lastError) : '';
	const markedWidth = displayWidth(marked);
	const errorWidth = error ? displayWidth(error) + 2 : 0;
	const trailWidth = displayWidth(parts.trail.map(printable).join(' › '));
	// The error keeps at least 20 cells (or all it needs); the breadcrumb takes what is left.
	const errorRoom = Math.min(errorWidth, Math.max(20, width - markedWidth - trailWidth));
	const trailRoom = Math.max(1, width - markedWidth - errorRoom);
	const trail = trailText(parts.trail, trailRoom);
	const out: Segment[] = [];
	const separator = trail.lastIndexOf(' › ');
	if (separator >= 0) out.push({text: trail.slice(0, separator + 3)});
	out.push({text: trail.slice(separator >= 0 ? separator + 3 : 0), token: 'text.accent', bold: true});
	if (marked) out.push({text: marked, token: 'text.accent'});
	const left = width - widthOf(out);
	if (error && left > 3) out.push({text: `  ${elide(error, left - 2)}`, token: 'status.error'});
	return out;
}

/**
 * A horizontal rule that carries a title: `─ Dashboard › Health ──────`. The header's breadcrumb and the
 * footer's message sit in the rules that frame the body, so the frame costs no line of its own.
 */
export function titledRule(width: number, title: readonly Segment[]): Segment[] {
	if (title.length === 0) return [{text: '─'.repeat(width), token: 'border.default'}];
	const rest = width - widthOf(title) - 3;
	return [{text: '─ ', token: 'border.default'}, ...title, {text: ` ${'─'.repeat(Math.max(0, rest))}`, token: 'border.default'}];
}

/** Room for a rule's title: "─ " before it, " ─" after it. */
export const ruleTitleWidth = (width: number): number => width - 4;

/** The header's two lines for a terminal `width` cells wide, each exactly as wide or narrower. */
export function headerLines(width: number, parts: HeaderParts): HeaderLines {
	return [connectionLine(width, parts.connection), titledRule(width, trailLine(ruleTitleWidth(width), parts))];
}
