// Compiles every *.schema.json of a folder with Ajv in strict mode (draft 2020-12), each with the
// others available for its $refs, and prints one line per schema: "ok <name>" or "FAIL <name>: why".
// Exit status 1 when any fails. Usage: node tests/js/schema-strict.mjs <schema folder>
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const folder = process.argv[2];
const names = fs.readdirSync(folder).filter((name) => name.endsWith(".schema.json")).sort();
let failed = 0;
for (const name of names) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  for (const other of names) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(folder, other), "utf8")), other);
  }
  try {
    ajv.compile({ $ref: name });
    console.log(`ok ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
