import {methodNotAllowed, notFound} from './errors.js';
import type {Route} from './context.js';

// Matches a request path against the route templates: unknown paths are 404, a known path with
// another method is 405 with Allow.

type CompiledPath = {template: string; pattern: RegExp; names: string[]; routes: Route[]};

export type RouteMatch = {route: Route; params: Record<string, string>};

export class Router {
	private readonly paths: CompiledPath[] = [];

	constructor(routes: readonly Route[]) {
		for (const route of routes) {
			let compiled = this.paths.find(p => p.template === route.template);
			if (!compiled) {
				const names: string[] = [];
				const source = route.template
					.split(/(\{\w+\})/)
					.map(part => {
						const name = /^\{(\w+)\}$/.exec(part)?.[1];
						if (name) {
							names.push(name);
							return '([^/]+)';
						}
						return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
					})
					.join('');
				compiled = {template: route.template, pattern: new RegExp(`^${source}$`), names, routes: []};
				this.paths.push(compiled);
			}
			compiled.routes.push(route);
		}
	}

	/** The route template a path belongs to, whatever the method (for counters and logs). */
	templateOf(pathname: string): string | undefined {
		return this.paths.find(p => p.pattern.test(pathname))?.template;
	}

	match(method: string, pathname: string): RouteMatch {
		for (const path of this.paths) {
			const found = path.pattern.exec(pathname);
			if (!found) continue;
			const route = path.routes.find(r => r.method === method);
			if (!route) throw methodNotAllowed(path.routes.map(r => r.method));
			const params: Record<string, string> = {};
			try {
				path.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
			} catch {
				throw notFound();
			}
			return {route, params};
		}
		throw notFound(`Not found: Resource not found: ${pathname} (${method})`);
	}
}
