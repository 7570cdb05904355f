// Derives the two schemas the evolution tests compile (at test-build time,
// from today's schemas/catalog.fbs, so they never drift from it):
//   next: today's schema plus fields added at the end of Item and Catalog,
//         as a later release would add them;
//   prev: today's schema without the last field of Item and of Catalog, as
//         the release before them had it.
// usage: node evolve-schema.mjs next|prev IN.fbs OUT.fbs
import fs from 'node:fs';

const [mode, input, output] = process.argv.slice(2);
let text = fs.readFileSync(input, 'utf8');

function tableBody(name) {
  const start = text.indexOf(`\ntable ${name} {\n`);
  if (start < 0) throw new Error(`table ${name} not found`);
  const end = text.indexOf('\n}\n', start);
  return [start, end];
}

function appendFields(name, lines) {
  const [, end] = tableBody(name);
  text = text.slice(0, end) + '\n' + lines.map((l) => `  ${l}`).join('\n') + text.slice(end);
}

function dropLastField(name) {
  const [start, end] = tableBody(name);
  const lastLine = text.lastIndexOf('\n', end - 1);
  if (lastLine <= start) throw new Error(`table ${name} has no field to drop`);
  text = text.slice(0, lastLine) + text.slice(end);
}

if (mode === 'next') {
  text = text.replace('namespace shopcore.schema;', 'namespace shopcore.schema_next;');
  appendFields('Item', ['video_url:string;', 'rating_bp:int = -1;']);
  appendFields('Catalog', ['release_note:string;']);
} else if (mode === 'prev') {
  text = text.replace('namespace shopcore.schema;', 'namespace shopcore.schema_prev;');
  dropLastField('Item');
  dropLastField('Catalog');
} else {
  throw new Error('mode must be next or prev');
}
fs.writeFileSync(output, text);
