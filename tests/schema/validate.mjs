// Validates scenario files against the SalesDojo schema with Ajv (JSON Schema draft 2020-12).
// Usage: node validate.mjs SCHEMA [--valid FILE...] [--invalid FILE...]
// Files after --valid must be accepted, files after --invalid refused. Prints one line per file
// that does not do what is expected (with Ajv's errors) and exits 1 if there is any; 0 otherwise.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";

const [schemaPath, ...rest] = process.argv.slice(2);
if (!schemaPath) {
  console.error("usage: node validate.mjs SCHEMA [--valid FILE...] [--invalid FILE...]");
  process.exit(2);
}
// strict: unknown keywords and formats are errors; strictRequired is off because an if/then may
// require keys that the object defines outside the "then" (an "int" variable's "min" and "max"); union types ("integer or boolean") are meant.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

let expectation = "valid";
let failures = 0;
let checked = 0;
for (const arg of rest) {
  if (arg === "--valid" || arg === "--invalid") {
    expectation = arg.slice(2);
    continue;
  }
  checked++;
  let document;
  try {
    document = JSON.parse(readFileSync(arg, "utf8"));
  } catch (error) {
    // Not JSON at all: the schema has nothing to say; only an expected refusal is fine.
    if (expectation === "valid") {
      console.log(`${arg}: expected valid, but it is not JSON: ${error.message}`);
      failures++;
    }
    continue;
  }
  const ok = validate(document);
  if (ok && expectation === "invalid") {
    console.log(`${arg}: expected the schema to refuse it, but it accepts it`);
    failures++;
  } else if (!ok && expectation === "valid") {
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    console.log(`${arg}: expected valid: ${errors}`);
    failures++;
  }
}
console.log(`ajv: ${checked} files checked, ${failures} not as expected`);
process.exit(failures ? 1 : 0);
