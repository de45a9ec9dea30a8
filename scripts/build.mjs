// Bundles the CLI into one ESM file so `npx oag-offline` starts without resolving hundreds of modules.
// Native addons stay external: they ship prebuilt .node binaries that cannot be inlined.
import {build} from 'esbuild';
import {chmod, readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

// Ink imports react-devtools-core only when DEV=true, but esbuild hoists that import to the top of the
// bundle, so the CLI would fail to start without the (dev-only) package. Resolve it to an empty stub.
const noReactDevtools = {
	name: 'no-react-devtools',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {initialize() {}, connectToDevTools() {}};'}));
	},
};

// Ink composes every frame with ink/build/output.js, measures every text with widest-line, and remembers
// every text it ever measured for layout (measure-text.js). The bundle uses source/ui/ink/frameOutput.ts,
// cachedWidestLine.ts and boundedMeasureText.ts in their place: the same results, reusing what did not
// change since the last frame, with bounded caches (why, and the tests that hold them to Ink's own: see
// those files). If Ink stops importing them this way, the build fails rather than silently using Ink's.
const inkFile = /[\\/]ink[\\/]build[\\/][\w-]+\.js$/;
const inkReplacements = [
	{name: 'frame output', filter: /^\.\/output\.js$/, importer: /[\\/]ink[\\/]build[\\/]renderer\.js$/, with: '../source/ui/ink/frameOutput.ts'},
	{name: 'cached widest-line', filter: /^widest-line$/, importer: inkFile, with: '../source/ui/ink/cachedWidestLine.ts'},
	{name: 'bounded measure-text', filter: /^\.\/measure-text\.js$/, importer: /[\\/]ink[\\/]build[\\/]dom\.js$/, with: '../source/ui/ink/boundedMeasureText.ts'},
];
const replaced = new Set();
const inkFastPaths = {
	name: 'ink-fast-paths',
	setup(b) {
		for (const replacement of inkReplacements) {
			b.onResolve({filter: replacement.filter}, args => {
				if (!replacement.importer.test(args.importer)) return undefined;
				replaced.add(replacement.name);
				return {path: fileURLToPath(new URL(replacement.with, import.meta.url))};
			});
		}
	},
};

await build({
	entryPoints: ['cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	sourcemap: 'linked',
	legalComments: 'none',
	jsx: 'automatic',
	external: ['@napi-rs/keyring'],
	plugins: [noReactDevtools, inkFastPaths],
	// NODE_ENV=production selects React's production build. The development build records a
	// performance.measure entry per render and never drops them: ~950 MB after a walk through 5,000 apps.
	define: {'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"'},
	// CommonJS dependencies (commander among them) call require(); give the ESM bundle one.
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __oagCreateRequire} from 'node:module';\nconst require = __oagCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
});
for (const {name, with: file} of inkReplacements) {
	if (!replaced.has(name)) throw new Error(`scripts/build.mjs: Ink no longer imports what ${file} replaces; review that file`);
}
// Node keeps the bundle's source text in memory as one string, and one non-ASCII character anywhere (esbuild
// escapes them in strings, not in the comments it keeps or in regex literals) makes it a two-byte string:
// 9.5 MB instead of 4.7 MB in every TUI process. Escape them; in comments and regex literals \uXXXX is safe.
const source = await readFile('dist/cli.js', 'utf8');
await writeFile('dist/cli.js', source.replace(/[^\x00-\x7f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
await chmod('dist/cli.js', 0o755);
