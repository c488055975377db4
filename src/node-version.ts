/**
 * Refuses Node.js below 22 before anything else is loaded: restify 12 and @azure/identity declare 22
 * or later, and on an older Node the bot would start and then fail in ways that name neither. This
 * module has no imports so it can run first; src/index.ts imports it before everything else.
 */
const SUPPORTED_MAJOR = 22;

const major = Number(process.versions.node.split('.')[0]);
if (major < SUPPORTED_MAJOR) {
  process.stderr.write(`Node.js ${process.versions.node} is not supported: use Node.js ${SUPPORTED_MAJOR} or later (24 recommended).\n`);
  process.exit(1);
}

export {};
