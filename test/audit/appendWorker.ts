import {appendAuditLine, auditLine} from '../../source/audit/fileLog.js';

// A separate process appending to the same audit file (argv: file, writer name, count, padding).
const [file, writer, count, padding] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
	const line = auditLine({
		time: new Date().toISOString(),
		profile: writer!,
		gateway: 'g',
		user: 'u',
		action: 'test.append',
		target: {kind: 'test', id: `${writer}-${i}`},
		requested: 'x'.repeat(Number(padding)),
		outcome: 'ok',
	});
	const result = await appendAuditLine(file!, line);
	if (!result.written) throw new Error(result.warning);
}
