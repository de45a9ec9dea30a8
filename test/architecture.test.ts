import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

// The design's layering (design.md section 2) and the absence of import cycles, checked on the sources.
// A cycle is not only untidy: the bundle starts lazily loaded modules asynchronously, and a cycle among
// them never finishes starting (seen once: the TUI exited with code 13 before drawing).

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'source');

type ImportEdge = {to: string; typeOnly: boolean};

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts') ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | undefined {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier).replace(/\.(m?js)$/, '');
	for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.mts`, join(base, 'index.ts')]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {}
	}
	return undefined;
}

function importsOf(file: string): ImportEdge[] {
	const text = readFileSync(file, 'utf8');
	const edges: ImportEdge[] = [];
	const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
	for (const match of text.matchAll(pattern)) {
		const to = resolveImport(file, match[3]!);
		if (to) edges.push({to, typeOnly: Boolean(match[2])});
	}
	for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
		const to = resolveImport(file, match[1]!);
		if (to) edges.push({to, typeOnly: false});
	}
	return edges;
}

const files = sourceFiles(SOURCE);
const graph = new Map(files.map(file => [file, importsOf(file)]));
const layer = (file: string) => relative(SOURCE, file).split('/')[0]!;
const name = (file: string) => relative(ROOT, file);

function violations(from: string, allowed: (toLayer: string, toFile: string) => boolean, valueOnly = false): string[] {
	return files
		.filter(file => layer(file) === from)
		.flatMap(file =>
			graph
				.get(file)!
				.filter(edge => !(valueOnly && edge.typeOnly))
				.filter(edge => layer(edge.to) !== from && !allowed(layer(edge.to), edge.to))
				.map(edge => `${name(file)} -> ${name(edge.to)}`),
		);
}

function findCycles(followTypes: boolean): string[] {
	const cycles: string[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'visiting');
		stack.push(file);
		for (const edge of graph.get(file) ?? []) {
			if (edge.typeOnly && !followTypes) continue;
			if (state.get(edge.to) === 'visiting') {
				cycles.push([...stack.slice(stack.indexOf(edge.to)), edge.to].map(name).join(' -> '));
			} else if (!state.has(edge.to)) visit(edge.to);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of files) if (!state.has(file)) visit(file);
	return cycles;
}

describe('architecture', () => {
	// Value cycles deadlock the bundle's lazy start. Type-only cycles do not, but they tangle layers the same
	// way (the action types and the navigation store once imported each other) and cost nothing to forbid.
	for (const [label, followTypes] of [
		['value imports', false],
		['any imports, type-only ones included', true],
	] as const) {
		it(`has no import cycles among ${label}`, () => {
			expect(findCycles(followTypes)).toEqual([]);
		});
	}

	it('domain imports nothing of ours but types', () => {
		expect(violations('domain', () => false, true)).toEqual([]);
	});

	// domain is pure rules without I/O; the base URL applies its host rule, the one Setup and login use.
	it('api depends only on itself (schemas, errors) and domain rules', () => {
		expect(violations('api', toLayer => toLayer === 'domain', true)).toEqual([]);
	});

	it('the simulator imports only the api schemas and domain rules', () => {
		const allowed = (toLayer: string, to: string) =>
			toLayer === 'domain' || relative(SOURCE, to).startsWith('api/schemas/') || to.endsWith('api/errors.ts');
		expect(violations('simulator', allowed)).toEqual([]);
	});

	it('views never call the API or touch secrets: ui reaches the gateway only through the store', () => {
		const allowed = (toLayer: string, to: string) =>
			['store', 'domain', 'config'].includes(toLayer) ||
			relative(SOURCE, to).startsWith('api/schemas/') ||
			to.endsWith('api/errors.ts');
		expect(violations('ui', allowed, true)).toEqual([]);
	});

	it('the store does not reach up into the ui or the commands', () => {
		expect(violations('store', toLayer => !['ui', 'commands'].includes(toLayer))).toEqual([]);
	});

	it('the store changes the gateway only through operations: its code uses api, domain and operations', () => {
		expect(violations('store', toLayer => ['api', 'domain', 'operations'].includes(toLayer), true)).toEqual([]);
	});

	it('operations sit under the store: api, domain, audit, secrets and checks only', () => {
		expect(violations('operations', toLayer => ['api', 'domain', 'audit', 'secrets', 'checks'].includes(toLayer))).toEqual([]);
	});

	it('the audit log stands alone: config (its location) and domain types only', () => {
		expect(violations('audit', toLayer => toLayer === 'config' || toLayer === 'domain')).toEqual([]);
	});

	it('commands use operations, store, api and domain (plus the setup layers); only the TUI launchers reach the ui', () => {
		// Beyond design.md's `commands -> operations|store|api|domain`: config and secrets are what login and
		// profile manage, audit is what `audit` prints (and where the composition roots open the file log),
		// the simulator is what `demo` and `simulator` run, and the TUI launchers render the ui.
		// tuiCommands.ts registers the TUI and the demo and readies the terminal environment before Ink loads.
		const TUI_LAUNCHERS = ['tui.tsx', 'demo.tsx', 'tuiSetup.ts', 'tuiCommands.ts'];
		const SIMULATOR_RUNNERS = ['demo.tsx', 'simulator.ts'];
		const offenders = files
			.filter(file => layer(file) === 'commands')
			.flatMap(file =>
				graph.get(file)!.flatMap(edge => {
					const to = layer(edge.to);
					const base = file.split('/').at(-1)!;
					const allowed =
						to === 'commands' ||
						['operations', 'store', 'api', 'domain', 'config', 'secrets', 'audit'].includes(to) ||
						(to === 'ui' && TUI_LAUNCHERS.includes(base)) ||
						(to === 'simulator' && SIMULATOR_RUNNERS.includes(base));
					return allowed ? [] : [`${name(file)} -> ${name(edge.to)}`];
				}),
			);
		expect(offenders).toEqual([]);
		// The rule is not vacuous: the commands do use operations, and the layer list above is what they import.
		expect(files.some(file => layer(file) === 'commands' && graph.get(file)!.some(edge => layer(edge.to) === 'operations'))).toBe(true);
	});

	it('nothing below the commands imports them, and nothing below the ui imports it', () => {
		for (const from of ['api', 'domain', 'audit', 'operations', 'store', 'secrets', 'config', 'simulator']) {
			expect(violations(from, toLayer => !['commands', 'ui'].includes(toLayer)), from).toEqual([]);
		}
	});
});
