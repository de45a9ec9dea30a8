import {createContext, useContext, useState} from 'react';
import type {FieldValue, FormSpec} from './fieldSpecs.js';
import {initialFormState, type FormState} from './formState.js';

// A form's draft, kept per route while the admin is elsewhere (Esc included), so nothing typed is lost.
// The kit talks to a DraftStore; the shell backs it with the navigation store (keyed by route), tests and
// the meantime with a Map.
//
// Secrets are never in a draft, not even in memory: a draft keeps only the names of the secret fields that
// held something, and on return those fields say so and ask for the value again. A draft outlives the
// form (it sits in a long-lived store for as long as the TUI runs), and a secret must not: the key and
// passphrases live only in the mounted form and in the function that uses them.

export type DraftStore = {
	get(key: string): unknown;
	set(key: string, value: unknown): void;
	clear(key: string): void;
};

export type FormDraft = {
	kind: 'form-draft';
	values: Record<string, FieldValue>;
	/** Secret fields that held a value when the admin left; the value itself is not kept. */
	secretsTyped: string[];
	focus: number;
	touched: Record<string, boolean>;
	edited: Record<string, boolean>;
	entry: Record<string, string>;
};

export const SECRET_NOT_KEPT = 'Typed before you left; secrets are not kept: type it again.';

export function draftOf(spec: FormSpec, state: FormState): FormDraft {
	const values: Record<string, FieldValue> = {};
	const secretsTyped: string[] = [];
	for (const field of spec.fields) {
		const value = state.values[field.name];
		if (value === undefined) continue;
		if (field.kind === 'secret') {
			if (value !== '' || state.notes[field.name] === SECRET_NOT_KEPT) secretsTyped.push(field.name);
		} else values[field.name] = value;
	}
	return {kind: 'form-draft', values, secretsTyped, focus: state.focus, touched: {...state.touched}, edited: {...state.edited}, entry: {...state.entry}};
}

const isDraft = (value: unknown): value is FormDraft =>
	typeof value === 'object' && value !== null && (value as {kind?: unknown}).kind === 'form-draft';

/** The form as it was left, or a fresh one. Secret fields come back empty with a note. */
export function restoreDraft(spec: FormSpec, saved: unknown, initial: Partial<Record<string, FieldValue>> = {}): FormState {
	const fresh = initialFormState(spec, initial);
	if (!isDraft(saved)) return fresh;
	const values = {...fresh.values};
	for (const field of spec.fields) {
		const value = saved.values[field.name];
		if (field.kind !== 'secret' && value !== undefined) values[field.name] = value;
	}
	const notes = Object.fromEntries(saved.secretsTyped.map(name => [name, SECRET_NOT_KEPT]));
	const focus = Math.max(0, Math.min(spec.fields.length, saved.focus));
	return {...fresh, values, focus, touched: saved.touched, edited: saved.edited, entry: saved.entry, notes};
}

export function createMemoryDraftStore(): DraftStore {
	const drafts = new Map<string, unknown>();
	return {get: key => drafts.get(key), set: (key, value) => void drafts.set(key, value), clear: key => void drafts.delete(key)};
}

/**
 * The draft store forms use: the shell provides one for the whole TUI run (its navigation store's drafts,
 * keyed by route). A form rendered without one keeps its draft for as long as it is mounted only.
 */
export const DraftContext = createContext<DraftStore | undefined>(undefined);

export function useDraftStore(): DraftStore {
	const provided = useContext(DraftContext);
	const [own] = useState(createMemoryDraftStore);
	return provided ?? own;
}
