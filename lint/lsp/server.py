"""`articlelint server`: a Language Server over stdio (pygls).

Diagnostics on open and save (at once) and on change (debounced); quick fixes per
diagnostic and a "fix all safe fixes" source action; positions in the negotiated encoding
(lint.lsp.positions); settings from lint.lsp.linting.settings_for, reloaded when a config
file changes. Full document sync: articles are small, and the text we lint is then exactly
the editor's, with no incremental-edit arithmetic that could drift.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from lint import __version__
from lint.lsp import linting
from lint.lsp.linting import fix_all, is_config_file, lint_text, minimal_edit, reload_settings
from lint.lsp.positions import LineIndex
from lint.models import Applicability, Diagnostic, Severity

DEBOUNCE_SECONDS = 0.3
FIX_ALL_KIND = "source.fixAll.articlelint"
SOURCE = "articlelint"
MARKDOWN_SUFFIXES = (".md", ".markdown")
CONFIG_GLOBS = ("**/articlelint.toml", "**/pyproject.toml")
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Linted:
    """The lint of one version of one document (code actions reuse it)."""

    version: int | None
    text: str
    index: LineIndex
    diagnostics: list[Diagnostic]


class _Answered:
    """Stands for a request that was already answered with an error."""

    jsonrpc = "answered"


class Protocol(LanguageServerProtocol):
    """pygls only logs a request whose params do not deserialize, and the client would
    wait forever: answer it with the JSON-RPC error instead (Invalid Params)."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" in data and "method" in data:
                self._send_response(data["id"], error=error.to_response_error())
                return _Answered()
            raise

    def handle_message(self, message: Any) -> None:
        if not isinstance(message, _Answered):
            super().handle_message(message)


class ArticleServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("articlelint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Full,
                         protocol_cls=Protocol)
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.linted: dict[str, Linted] = {}
        self.failed = False  # tell the user about a broken setup once, not on every key
        self.shown_config_problem: str | None = None

    # -- linting -------------------------------------------------------------------------

    def lint(self, uri: str) -> Linted | None:
        """The current lint of an open article document (None if it is not one)."""
        document = self.workspace.text_documents.get(uri)
        if document is None or not _is_article(uri, document.language_id):
            return None
        text = document.source
        encoding = self.encoding()
        cached = self.linted.get(uri)
        if cached is not None and cached.text == text and cached.index.encoding == encoding:
            cached.version = document.version
            return cached
        diagnostics = lint_text(document_path(uri), text)
        linted = Linted(document.version, text, LineIndex(text, encoding), diagnostics)
        self.linted[uri] = linted
        return linted

    def encoding(self) -> str:
        """The negotiated position encoding (pygls chose it from the client's offer)."""
        chosen = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return chosen.value if isinstance(chosen, types.PositionEncodingKind) else str(chosen)

    def publish(self, uri: str) -> None:
        """Lint the document's current text and publish. Linting runs on the event loop, so
        no newer version can arrive in between: the last version always wins."""
        self.cancel(uri)
        try:
            linted = self.lint(uri)
        except Exception as exc:  # a broken plugin or config: say so, keep serving
            log.exception("linting %s failed", uri)
            if not self.failed:
                self.failed = True
                self.window_show_message(types.ShowMessageParams(
                    type=types.MessageType.Error,
                    message=f"articlelint could not lint {uri}: {type(exc).__name__}: {exc}"))
            return
        if linted is None:
            return
        self.report_config_problem()
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=linted.version,
            diagnostics=[to_lsp(d, linted.index) for d in linted.diagnostics]))

    def report_config_problem(self) -> None:
        """Say once per distinct problem that the configuration is broken (linting goes on
        with the defaults meanwhile)."""
        problem = linting.config_problem
        if problem is not None and problem != self.shown_config_problem:
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error,
                message=f"articlelint: configuration error, using the defaults: {problem}"))
        self.shown_config_problem = problem

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self.publish, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def relint_all(self) -> None:
        reload_settings()
        self.linted.clear()
        self.failed = False
        for uri in list(self.workspace.text_documents):
            self.publish(uri)


def document_path(uri: str) -> str:
    """The file-system path of a `file:` URI (config is matched against it), else the URI
    itself (an unsaved buffer)."""
    if urlparse(uri).scheme == "file":
        return to_fs_path(uri) or uri
    return uri


def _is_article(uri: str, language_id: str | None) -> bool:
    return language_id == "markdown" or urlparse(uri).path.lower().endswith(MARKDOWN_SUFFIXES)


def lsp_range(index: LineIndex, start: int, end: int) -> types.Range:
    line, character = index.position(start)
    end_line, end_character = index.position(end)
    return types.Range(start=types.Position(line=line, character=character),
                       end=types.Position(line=end_line, character=end_character))


def to_lsp(diagnostic: Diagnostic, index: LineIndex) -> types.Diagnostic:
    fix = diagnostic.fix.model_dump(mode="json") if diagnostic.fix is not None else None
    return types.Diagnostic(
        range=lsp_range(index, diagnostic.span.offset, diagnostic.span.end_offset),
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        source=SOURCE,
        message=f"{diagnostic.message} [{diagnostic.name}]",
        data={"name": diagnostic.name, "fix": fix},
    )


def code_actions(uri: str, linted: Linted, wanted: types.Range,
                 only: Sequence[str] | None) -> list[types.CodeAction]:
    """Quick fixes for the fixable diagnostics that touch `wanted`, then the fix-all."""
    actions: list[types.CodeAction] = []
    index = linted.index
    if _wants(only, types.CodeActionKind.QuickFix):
        start = index.offset(wanted.start.line, wanted.start.character)
        end = index.offset(wanted.end.line, wanted.end.character)
        for diagnostic in linted.diagnostics:
            fix = diagnostic.fix
            span = diagnostic.span
            if fix is None or span.offset > end or span.end_offset < start:
                continue
            safe = fix.applicability is Applicability.SAFE
            label = "" if safe else " (unsafe)"
            edits = [types.TextEdit(range=lsp_range(index, e.offset, e.end_offset),
                                    new_text=e.content) for e in fix.edits]
            actions.append(types.CodeAction(
                title=f"Fix {diagnostic.code}{label}: {fix.message}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[to_lsp(diagnostic, index)],
                is_preferred=safe,
                edit=types.WorkspaceEdit(changes={uri: edits})))
    if _wants(only, FIX_ALL_KIND):
        fixed = fix_all(document_path(uri), linted.text)
        if fixed != linted.text:
            start, end, content = minimal_edit(linted.text, fixed)
            edit = types.TextEdit(range=lsp_range(index, start, end), new_text=content)
            actions.append(types.CodeAction(
                title="articlelint: Fix all safe fixes", kind=FIX_ALL_KIND,
                edit=types.WorkspaceEdit(changes={uri: [edit]})))
    return actions


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    """LSP: `only` filters by kind prefix (`source` covers `source.fixAll.articlelint`)."""
    if not only:
        return True
    return any(kind == o or kind.startswith(f"{o}.") for o in only)


async def initialized(ls: ArticleServer, params: types.InitializedParams) -> None:
    """Ask the client to watch the config files, if it can watch files for us."""
    workspace = ls.client_capabilities.workspace
    changes = workspace.did_change_watched_files if workspace else None
    if changes is None or not changes.dynamic_registration:
        return  # nothing watched for us: a restart (or a save in the editor) reloads config
    watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_GLOBS]
    options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[
            types.Registration(id="articlelint-config",
                               method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                               register_options=options)]))
    except Exception:  # a client that refuses: config reload needs a restart there
        log.warning("the client refused to watch config files", exc_info=True)


def did_open(ls: ArticleServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


async def did_change(ls: ArticleServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


def did_save(ls: ArticleServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if is_config_file(document_path(uri)):
        ls.relint_all()
    else:
        ls.publish(uri)


def did_close(ls: ArticleServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel(uri)
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def watched_files(ls: ArticleServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(is_config_file(document_path(change.uri)) for change in params.changes):
        ls.relint_all()


def configuration(ls: ArticleServer, params: types.DidChangeConfigurationParams) -> None:
    ls.relint_all()


def code_action(ls: ArticleServer,
                params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    linted = ls.lint(uri)
    if linted is None:
        return None
    return code_actions(uri, linted, params.range, params.context.only) or None


CODE_ACTION_OPTIONS = types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False)
HANDLERS: tuple[tuple[str, Any, Any], ...] = (
    (types.INITIALIZED, initialized, None),
    (types.TEXT_DOCUMENT_DID_OPEN, did_open, None),
    (types.TEXT_DOCUMENT_DID_CHANGE, did_change, None),
    (types.TEXT_DOCUMENT_DID_SAVE, did_save, None),
    (types.TEXT_DOCUMENT_DID_CLOSE, did_close, None),
    (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, watched_files, None),
    (types.WORKSPACE_DID_CHANGE_CONFIGURATION, configuration, None),
    (types.TEXT_DOCUMENT_CODE_ACTION, code_action, CODE_ACTION_OPTIONS),
)


def build_server() -> ArticleServer:
    server = ArticleServer()
    for method, handler, options in HANDLERS:
        server.feature(method, options)(handler)
    return server


def serve() -> int:
    build_server().start_io()
    return 0
