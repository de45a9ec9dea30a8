import {useSyncExternalStore} from 'react';

// Which directory of an IdP the item screen's `e` and `X` act on: the first until Tab picks the next.
// Kept by IdP id for the TUI run (like the list cursors), with a version the view subscribes to.

const picked = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

type WithId = {id: string};

export function selectedDirectory<T extends WithId>(idpId: string, directories: readonly T[]): T | undefined {
	return directories.find(d => d.id === picked.get(idpId)) ?? directories[0];
}

export function cycleDirectory(idpId: string, directories: readonly WithId[]): void {
	if (directories.length === 0) return;
	const at = directories.findIndex(d => d.id === selectedDirectory(idpId, directories)?.id);
	picked.set(idpId, directories[(at + 1) % directories.length]!.id);
	version++;
	for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
	listeners.add(listener);
	return () => listeners.delete(listener);
};

/** Re-renders the caller when the selection changes. */
export const useDirectorySelection = (): number => useSyncExternalStore(subscribe, () => version, () => version);
