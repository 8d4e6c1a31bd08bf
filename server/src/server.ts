// The language server's composition root: the services (lsp/services.ts: configuration, corpus,
// documents, diagnostics schedule) are made once, then every LSP feature registers its handlers
// from its own file in lsp/. Nothing else happens here.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Connection, createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import * as citationChoices from './lsp/citationChoices';
import * as codeActions from './lsp/codeActions';
import * as completion from './lsp/completion';
import * as configuration from './lsp/configuration';
import * as corpusText from './lsp/corpusText';
import * as diagnostics from './lsp/diagnostics';
import * as documents from './lsp/documents';
import * as fileWatching from './lsp/fileWatching';
import * as hover from './lsp/hover';
import * as lifecycle from './lsp/lifecycle';
import * as navigation from './lsp/navigation';
import * as negotiation from './lsp/negotiation';
import * as outline from './lsp/outline';
import * as reuseMatches from './lsp/reuseMatches';
import * as semanticTokens from './lsp/semanticTokens';
import { Services } from './lsp/services';
import * as status from './lsp/status';
import * as workspaceSymbols from './lsp/workspaceSymbols';

/** Each registers its handlers on the connection; `lifecycle` answers `initialize` with the capabilities. */
const FEATURES = [
  lifecycle,
  configuration,
  fileWatching,
  documents,
  diagnostics,
  status,
  hover,
  semanticTokens,
  navigation,
  outline,
  completion,
  codeActions,
  workspaceSymbols,
  citationChoices,
  reuseMatches,
  negotiation,
  corpusText,
];

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const openDocuments = new TextDocuments(TextDocument);
  const services = new Services(connection, openDocuments);
  for (const feature of FEATURES) feature.register(connection, services);
  openDocuments.listen(connection);
  connection.listen();
}
