import {EqualityFilter, OrFilter, type Client, type Entry, type Filter} from 'ldapts';
import {searchReason} from './reasons.js';
import type {GroupSample, LdapCheckTarget, StepStatus, UserSample} from './types.js';

// The two searches the gateway's hourly sync makes, made from here: users under userSearchDn with
// userObjectFilter, groups under groupSearchDn by their object classes. What comes back is the
// directory's data (hostile): values are cut short here, and escaped where they are shown.

export type SearchOutcome<T> = {status: StepStatus; reason: string; count: number; samples: T[]};

const PAGE_SIZE = 500;
const MAX_VALUE = 200;
/** AD's binary ids: asked for as buffers, shown as hex (objectGUID) rather than mojibake. */
const BINARY_IDS = ['objectguid', 'objectsid'];

const attr = (entry: Entry, name: string): string[] => {
	const key = Object.keys(entry).find(k => k.toLowerCase() === name.toLowerCase());
	const raw = key === undefined ? undefined : entry[key];
	const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
	return values.map(v => (Buffer.isBuffer(v) ? v.toString('hex') : String(v)).slice(0, MAX_VALUE));
};

const has = (entry: Entry, name: string): boolean => attr(entry, name).length > 0;
const cut = (text: string): string => text.slice(0, MAX_VALUE);

/** With a size limit set, ldapts hands back what came before the limit instead of throwing. */
async function searchAll(client: Client, base: string, filter: string | Filter, attributes: string[], maxCount: number): Promise<Entry[]> {
	const binary = attributes.filter(a => BINARY_IDS.includes(a.toLowerCase()));
	const paged = {pageSize: Math.min(PAGE_SIZE, maxCount)};
	const result = await client.search(base, {scope: 'sub', filter, attributes, paged, sizeLimit: maxCount, explicitBufferAttributes: binary});
	return result.searchEntries.slice(0, maxCount);
}

const counted = (count: number, maxCount: number, noun: string): string =>
	`${count}${count >= maxCount ? ' or more' : ''} ${noun}${count === 1 ? '' : 's'}`;

const missingText = (missing: number, count: number, attribute: string, field: string): string =>
	missing === count ? `none of the ${count} has ${attribute} (${field})` : `${missing} of ${count} lack ${attribute} (${field})`;

export async function searchUsers(client: Client, target: LdapCheckTarget, samples: number, maxCount: number): Promise<SearchOutcome<UserSample>> {
	const {userSearchDn, userObjectFilter, usernameLDAPAttribute, uniqueIdAttribute} = target.config;
	let entries: Entry[];
	try {
		entries = await searchAll(client, userSearchDn, userObjectFilter, [usernameLDAPAttribute, uniqueIdAttribute], maxCount);
	} catch (error) {
		return {status: 'fail', reason: searchReason(error, 'userSearchDn', userSearchDn, 'userObjectFilter'), count: 0, samples: []};
	}
	const count = entries.length;
	const shown = entries.slice(0, samples).map(
		(e): UserSample => ({
			dn: cut(e.dn),
			...(has(e, usernameLDAPAttribute) ? {username: attr(e, usernameLDAPAttribute)[0]!} : {}),
			...(has(e, uniqueIdAttribute) ? {uniqueId: attr(e, uniqueIdAttribute)[0]!} : {}),
		}),
	);
	if (count === 0) {
		return {status: 'fail', reason: `no entry under ${userSearchDn} matches ${userObjectFilter}: the sync would find no users`, count, samples: shown};
	}
	const noName = entries.filter(e => !has(e, usernameLDAPAttribute)).length;
	const noId = entries.filter(e => !has(e, uniqueIdAttribute)).length;
	const problems = [
		...(noName > 0 ? [missingText(noName, count, usernameLDAPAttribute, 'usernameLDAPAttribute')] : []),
		...(noId > 0 ? [missingText(noId, count, uniqueIdAttribute, 'uniqueIdAttribute')] : []),
	];
	// Every user lacking the name or the id means the attribute is wrong; some lacking it is a data problem.
	const status: StepStatus = noName === count || noId === count ? 'fail' : problems.length > 0 ? 'warn' : 'pass';
	const found = `${counted(count, maxCount, 'user')} under ${userSearchDn}`;
	return {status, reason: problems.length > 0 ? `${found}, but ${problems.join('; ')}` : found, count, samples: shown};
}

const classFilter = (classes: readonly string[]): Filter | undefined => {
	const filters = classes.map(value => new EqualityFilter({attribute: 'objectClass', value}));
	if (filters.length === 0) return undefined;
	return filters.length === 1 ? filters[0] : new OrFilter({filters});
};

export async function searchGroups(client: Client, target: LdapCheckTarget, samples: number, maxCount: number): Promise<SearchOutcome<GroupSample>> {
	const {groupSearchDn, groupObjectClasses, groupNameLDAPAttribute, memberAttribute} = target.config;
	const filter = classFilter(groupObjectClasses);
	if (!filter) return {status: 'fail', reason: 'groupObjectClasses is empty: the sync would match no groups', count: 0, samples: []};
	let entries: Entry[];
	try {
		entries = await searchAll(client, groupSearchDn, filter, [groupNameLDAPAttribute, memberAttribute], maxCount);
	} catch (error) {
		return {status: 'fail', reason: searchReason(error, 'groupSearchDn', groupSearchDn), count: 0, samples: []};
	}
	const count = entries.length;
	const shown = entries.slice(0, samples).map((e): GroupSample => {
		const members = attr(e, memberAttribute);
		return {dn: cut(e.dn), ...(has(e, groupNameLDAPAttribute) ? {name: attr(e, groupNameLDAPAttribute)[0]!} : {}), memberCount: members.length, members: members.slice(0, 3)};
	});
	const classes = groupObjectClasses.join(', ');
	if (count === 0) {
		return {status: 'warn', reason: `no ${classes} group under ${groupSearchDn}: users would sync without groups`, count, samples: shown};
	}
	const found = `${counted(count, maxCount, 'group')} under ${groupSearchDn}`;
	if (entries.every(e => !has(e, memberAttribute))) {
		return {status: 'fail', reason: `${found}, but ${missingText(count, count, memberAttribute, 'memberAttribute')}`, count, samples: shown};
	}
	const noName = entries.filter(e => !has(e, groupNameLDAPAttribute)).length;
	if (noName > 0) {
		const status: StepStatus = noName === count ? 'fail' : 'warn';
		return {status, reason: `${found}, but ${missingText(noName, count, groupNameLDAPAttribute, 'groupNameLDAPAttribute')}`, count, samples: shown};
	}
	return {status: 'pass', reason: found, count, samples: shown};
}
