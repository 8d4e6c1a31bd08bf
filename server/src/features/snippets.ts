// The drafting snippets, two ways from one list (server/src/language/snippets.ts): as completion items
// the server serves at the start of a paragraph, and as the .code-snippets file VS Code reads
// (snippets/compact-drafter.code-snippets, written by scripts/build-snippets.ts; a test checks the
// file equals codeSnippetsText()).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { DRAFTING_SNIPPETS, NEXT_SESSION, SNIPPET_KIND_LABELS, type DraftingSnippet, type SnippetKind } from '../language/snippets';
import { escapeMarkdown } from './markdown';
import { describeOpening } from './verbHover';

/** The language the file's snippets are for. */
export const SNIPPETS_SCOPE = 'markdown';

export interface CodeSnippet {
  readonly scope: string;
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

/** The .code-snippets object: snippet name → scope, prefix, body and description. */
export function codeSnippets(): Record<string, CodeSnippet> {
  const file: Record<string, CodeSnippet> = {};
  for (const snippet of DRAFTING_SNIPPETS) {
    if (file[snippet.name]) throw new Error(`two snippets are named “${snippet.name}”`);
    // Their session follows the draft, which only the server reads: it serves them to VS Code too.
    if (snippet.followsSession) continue;
    file[snippet.name] = { scope: SNIPPETS_SCOPE, prefix: snippet.prefix, body: snippet.body, description: `${snippet.description} ${snippet.note}` };
  }
  return file;
}

/** The file as written to snippets/: two-space indentation, a final newline. */
export function codeSnippetsText(): string {
  return `${JSON.stringify(codeSnippets(), null, 2)}\n`;
}

/** A body as it reads once inserted with its placeholders' defaults: "${1:States}" → "States", "$0" → "". */
export function previewSnippet(body: readonly string[]): string {
  const text = body.join('\n');
  let i = 0;
  // Reads until `stop` (a "}" closing a placeholder) or the end; escapes and nested placeholders resolved.
  const read = (stop?: string): string => {
    let out = '';
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
      } else if (stop && ch === stop) {
        i++;
        return out;
      } else if (ch === '$' && /\d/.test(text[i + 1] ?? '')) {
        i += /^\$\d+/.exec(text.slice(i))![0].length;
      } else if (ch === '$' && text[i + 1] === '{') {
        const head = /^\$\{\d+([:|])?/.exec(text.slice(i));
        if (!head) {
          out += ch;
          i++;
          continue;
        }
        i += head[0].length;
        if (head[1] === '|') {
          // A choice: its first option.
          const end = text.indexOf('|}', i);
          const options = end < 0 ? text.slice(i) : text.slice(i, end);
          out += options.split(/(?<!\\),/)[0].replace(/\\([,|\\])/g, '$1');
          i = end < 0 ? text.length : end + 2;
        } else {
          // "${1:default}" (defaults may hold placeholders) or "${1}".
          out += read('}');
        }
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  };
  return read();
}

export function snippetDocumentation(snippet: DraftingSnippet): string {
  const about = snippet.opening ? describeOpening(snippet.opening) : `**${escapeMarkdown(SNIPPET_KIND_LABELS[snippet.kind])}** · ${escapeMarkdown(snippet.note)}`;
  return `${escapeMarkdown(snippet.description)}\n\n${about}\n\n\`\`\`markdown\n${previewSnippet(snippet.body)}\n\`\`\``;
}

export interface SnippetRequest {
  /** What the snippet replaces: the word typed so far, with any emphasis marker ("*Urg"). */
  readonly range: Range;
  /** The emphasis typed before the word ("*", "_"), kept in the filter text so the typed text still matches. */
  readonly typedMarker?: string;
  /** Which kinds, in the order offered (default: all, preambular first). */
  readonly kinds?: readonly SnippetKind[];
  /** The session after the draft's own, in words ("eighty-first"): the default of the snippets that follow the session. */
  readonly nextSession?: string;
  /** Only the snippets that follow the draft's session (a client that reads the static snippets file has the rest). */
  readonly sessionOnly?: boolean;
}

/** Without a draft to read: "at its next session" reads right too. */
const NO_SESSION = 'next';

/** A snippet with its NEXT_SESSION filled in. */
function forSession(snippet: DraftingSnippet, nextSession: string): DraftingSnippet {
  return snippet.followsSession ? { ...snippet, body: snippet.body.map((line) => line.split(NEXT_SESSION).join(nextSession)) } : snippet;
}

const ALL_KINDS: readonly SnippetKind[] = ['preambular', 'operative', 'gcm-objective', 'issue-brief'];

/** The snippets as LSP completion items of kind Snippet. */
export function snippetCompletions(request: SnippetRequest): CompletionItem[] {
  const kinds = request.kinds ?? ALL_KINDS;
  const marker = request.typedMarker ?? '';
  const items: CompletionItem[] = [];
  DRAFTING_SNIPPETS.forEach((data, index) => {
    const rank = kinds.indexOf(data.kind);
    if (rank < 0 || (request.sessionOnly && !data.followsSession)) return;
    const snippet = forSession(data, request.nextSession ?? NO_SESSION);
    items.push({
      label: snippet.label,
      labelDetails: { description: SNIPPET_KIND_LABELS[snippet.kind] },
      kind: CompletionItemKind.Snippet,
      detail: snippet.description,
      documentation: { kind: MarkupKind.Markdown, value: snippetDocumentation(snippet) },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: request.range, newText: snippet.body.join('\n') },
      filterText: `${marker}${snippet.prefix}`,
      sortText: `${rank}${String(index).padStart(3, '0')}`,
    });
  });
  return items;
}

/**
 * The item as plain text, for a client that declares no snippetSupport (Eglot without yasnippet,
 * Neovim before 0.10): the placeholders' defaults are inserted, not "${1:States}".
 */
export function withoutSnippetSyntax(item: CompletionItem): CompletionItem {
  if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
  const plain = (text: string) => previewSnippet([text]);
  const edit = item.textEdit;
  return {
    ...item,
    insertTextFormat: InsertTextFormat.PlainText,
    ...(item.insertText !== undefined ? { insertText: plain(item.insertText) } : {}),
    ...(edit ? { textEdit: { ...edit, newText: plain(edit.newText) } } : {}),
  };
}
