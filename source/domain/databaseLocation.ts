/** "mysql db.example.com:3306/oagofflinemode", with `?` where the gateway left a part out. */
export function databaseLocation(database: {type?: string; host?: string; port?: number; name?: string}): string {
	const part = (value: string | number | undefined) => (value === undefined || value === '' ? '?' : String(value));
	return `${part(database.type)} ${part(database.host)}:${part(database.port)}/${part(database.name)}`;
}
