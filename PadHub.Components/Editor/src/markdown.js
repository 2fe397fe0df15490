// The Markdown language as a pad needs it: CommonMark with the `==mark==` syntax, Enter and Backspace that continue
// and remove list and quote markup, and a URL pasted over a selection becoming a link. Built from lang-markdown's
// parts instead of its `markdown()`, which always brings HTML support, and through it CSS, JavaScript and
// autocompletion: a third of the bundle, to highlight inline HTML that no pad view ever renders.
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { Language, LanguageSupport } from '@codemirror/language';
import { commonmarkLanguage, markdownKeymap, pasteURLAsLink } from '@codemirror/lang-markdown';
import { markSyntax } from './conclusions.js';

/**
 * CommonMark plus marks. It shares lang-markdown's language data, so the keymap's commands (which ask whether
 * Markdown is active at the cursor) work on it.
 */
export const padMarkdownLanguage = new Language(
  commonmarkLanguage.data,
  commonmarkLanguage.parser.configure([markSyntax]),
  [],
  'markdown',
);

/** The language with its keymap and paste handling: what `markdown({ extensions: [markSyntax] })` gave, minus HTML. */
export function padMarkdown() {
  return new LanguageSupport(padMarkdownLanguage, [Prec.high(keymap.of(markdownKeymap)), pasteURLAsLink]);
}
