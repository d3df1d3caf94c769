/** Progress goes to stderr: stdout carries only the tables. */
export const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
