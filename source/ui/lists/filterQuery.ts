// The `/` filter's language, parsed once here and nowhere else (pure, no UI).
//
//   crm payroll        every word must appear somewhere in the row (case-insensitive)
//   state:TEST         the row's `state` field has a word starting with "test" (so ACTIVE is not INACTIVE)
//   idp:"corp okta"    quotes keep spaces in a value
//   !state:ACTIVE      a leading ! negates a term
//   type:              a field with no value yet constrains nothing (the admin is still typing)
//
// A `field:` that the list does not have is taken as plain text, so `ldap://host` still finds a URL.

export type FilterTerm = {
	/** Lower case; undefined for a plain text term. */
	field?: string;
	/** Lower case. */
	value: string;
	negate: boolean;
};

/** What a row offers to the filter: its text and named fields, all lower case (see searchable()). */
export type SearchableRow = {text: string; fields: Readonly<Record<string, string>>};

const FIELD_TERM = /^([a-z][a-z0-9_-]*):(.*)$/i;

/** Splits on whitespace outside double quotes; quotes are removed. */
function tokens(text: string): string[] {
	const out: string[] = [];
	let current = '';
	let quoted = false;
	let any = false;
	for (const char of text) {
		if (char === '"') {
			quoted = !quoted;
			any = true;
		} else if (!quoted && /\s/.test(char)) {
			if (any) out.push(current);
			current = '';
			any = false;
		} else {
			current += char;
			any = true;
		}
	}
	if (any) out.push(current);
	return out;
}

export function parseFilter(text: string): FilterTerm[] {
	return tokens(text).flatMap((token): FilterTerm[] => {
		const negate = token.startsWith('!');
		const body = (negate ? token.slice(1) : token).toLowerCase();
		const field = FIELD_TERM.exec(body);
		if (field) return [{field: field[1]!, value: field[2]!, negate}];
		return body === '' ? [] : [{value: body, negate}];
	});
}

/** Lower-cases a row's text and fields once, so matching many terms over many rows stays cheap. */
export function searchable(text: ReadonlyArray<string | undefined>, fields: Readonly<Record<string, string | undefined>>): SearchableRow {
	const lowered: Record<string, string> = {};
	for (const [name, value] of Object.entries(fields)) if (value) lowered[name.toLowerCase()] = value.toLowerCase();
	const all = [...text, ...Object.values(fields)].filter(Boolean).join(' ').toLowerCase();
	return {text: all, fields: lowered};
}

/** `value` starts a word of `text` (words split on anything not a letter or digit). */
export function startsWord(text: string, value: string): boolean {
	for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
		if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!)) return true;
	}
	return false;
}

/** A known field with no value yet (`type:` while typing) constrains nothing, negated or not. */
const isOpenField = (term: FilterTerm, knownFields: ReadonlySet<string>) =>
	term.field !== undefined && term.value === '' && knownFields.has(term.field);

function termMatches(term: FilterTerm, row: SearchableRow, knownFields: ReadonlySet<string>): boolean {
	if (term.field === undefined) return row.text.includes(term.value);
	if (!knownFields.has(term.field)) return row.text.includes(`${term.field}:${term.value}`);
	const field = row.fields[term.field];
	return field !== undefined && startsWord(field, term.value);
}

export function matchesTerms(terms: readonly FilterTerm[], row: SearchableRow, knownFields: ReadonlySet<string>): boolean {
	return terms.every(term => isOpenField(term, knownFields) || termMatches(term, row, knownFields) !== term.negate);
}

/** The field names of a filter's terms that the list does not know (to say so under the list). */
export const unknownFields = (terms: readonly FilterTerm[], knownFields: ReadonlySet<string>): string[] =>
	terms.flatMap(t => (t.field !== undefined && !knownFields.has(t.field) ? [t.field] : []));
