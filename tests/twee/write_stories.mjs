// Makes the reference Twee tool, extwee (npm), write Twee 3 stories for the import-twee tests:
//   node write_stories.mjs OUT_DIR
// writes OUT_DIR/built.twee (a story built with extwee's Story and Passage API, then toTwee()) and
// OUT_DIR/decompiled.twee (tests/data/twee/call_list.html, a Twine 2 HTML story, parsed by extwee and
// written back as Twee).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Story, Passage, parseTwine2HTML } from 'extwee';

const out = process.argv[2];
if (!out) {
  console.error('usage: node write_stories.mjs OUT_DIR');
  process.exit(2);
}

const story = new Story('The Budget Question');
story.IFID = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
story.start = 'Reception';
story.addPassage(new Passage('Reception', 'Ingrid looks up from her screen.\n"What can I do for you?"\n\n[[Ask about her needs->Needs]]\n[[Pitch the package|Pitch]]\n[[Leave]]'));
story.addPassage(new Passage('Needs', 'She tells you about the quotes that lie around for weeks.\n\n[[Budget<-Ask who decides on the budget]]\n[[Pitch]]'));
story.addPassage(new Passage('Budget', 'The director decides. She books you a meeting.', ['ending']));
story.addPassage(new Passage('Pitch', 'She sighs. "Send me a brochure."'));
story.addPassage(new Passage('Leave', 'You leave without a lead.'));
story.addPassage(new Passage('StoryInit', '<<set $trust to 1>>', ['script']));
writeFileSync(join(out, 'built.twee'), story.toTwee());

const here = dirname(fileURLToPath(import.meta.url));
const html = readFileSync(join(here, '..', 'data', 'twee', 'call_list.html'), 'utf8');
writeFileSync(join(out, 'decompiled.twee'), parseTwine2HTML(html).toTwee());
