"""`articlelint server`, driven over stdio as an editor would: the real process, JSON-RPC
with Content-Length framing (tests/lint/lsp/client.py), bounded waits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lint.lsp.client import LspClient
from tests.support import SAMPLE

pytest.importorskip("pygls", reason="the `lsp` extra (pygls) is not installed")

EMOJI = "\U0001F600"
URI = "file:///tmp/articlelint-lsp/a.md"
# S001 (safe fix: drop the spaces) on line 1; S002 on line 2 after an emoji (no fix).
TEXT = (
    "<!-- 1702517943000 -->\n"
    f"[{EMOJI} 标题](https://x.com/a b)\n"
    "------\n"
    "\n"
    "<div><i>Thu, 14 Dec 2023 00:59:03 GMT</i></div><p>正文</p>\n"
)
CLEAN = TEXT.replace("<!-- 1702517943000 -->", "<!--1702517943000-->").replace("a b", "a%20b")
# The space in `a b` is code point 22 of line 2 (0-based); before it: `[`, the emoji,
# a space, `标题`, `](https://x.com/a` = 1 + 1 + 1 + 2 + 17 code points.
SPACE_AT = {"utf-32": 22, "utf-16": 23, "utf-8": 29}  # the emoji is 2 units / 4 bytes


@pytest.fixture(scope="module")
def server() -> Iterator[LspClient]:
    client = LspClient()
    client.initialize()
    yield client
    assert client.close() == 0


def by_code(diagnostics: list[dict]) -> dict[str, dict]:
    return {d["code"]: d for d in diagnostics}


def apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits to a text whose edited lines are ASCII up to the edits (so
    characters are code points), from the last edit to the first."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: dict) -> int:
        return starts[position["line"]] + position["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


@pytest.mark.parametrize("offered", [None, ["utf-8", "utf-16"], ["utf-32"]])
def test_positions_in_the_negotiated_encoding(offered: list[str] | None) -> None:
    client = LspClient()
    try:
        capabilities = client.initialize(offered)["result"]["capabilities"]
        encoding = capabilities["positionEncoding"]
        assert encoding == (offered or ["utf-16"])[0]
        client.open(URI, TEXT)
        found = by_code(client.diagnostics(URI, 1))
        where = found["S002"]["range"]
        assert where["start"] == {"line": 1, "character": SPACE_AT[encoding]}
        assert where["end"] == {"line": 1, "character": SPACE_AT[encoding] + 1}
    finally:
        assert client.close() == 0


def test_open_reports_with_code_source_severity_and_fix_data(server: LspClient) -> None:
    server.open(URI, TEXT)
    found = by_code(server.diagnostics(URI, 1))
    assert sorted(found) == ["S001", "S002"]
    s001 = found["S001"]
    assert s001["source"] == "articlelint"
    assert s001["severity"] == 1
    assert s001["range"] == {"start": {"line": 0, "character": 4},
                             "end": {"line": 0, "character": 19}}
    assert s001["data"]["fix"] == {"applicability": "safe", "message": "Remove the spaces",
                                   "edits": [{"offset": 4, "end_offset": 19,
                                              "content": "1702517943000"}]}
    assert found["S002"]["data"]["fix"] is None


def test_quick_fix_then_change_clears_the_diagnostic(server: LspClient) -> None:
    uri = URI.replace("a.md", "quick.md")
    server.open(uri, TEXT)
    s001 = by_code(server.diagnostics(uri, 1))["S001"]
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": s001["range"],
        "context": {"diagnostics": [s001], "only": ["quickfix"]}})["result"]
    assert [a["kind"] for a in actions] == ["quickfix"]
    assert actions[0]["title"] == "Fix S001: Remove the spaces"
    assert actions[0]["isPreferred"] is True
    assert actions[0]["diagnostics"][0]["code"] == "S001"
    fixed = apply(TEXT, actions[0]["edit"]["changes"][uri])
    assert fixed.startswith("<!--1702517943000-->\n")
    server.change(uri, fixed, 2)
    assert sorted(by_code(server.diagnostics(uri, 2))) == ["S002"]


def test_no_quick_fix_away_from_a_fixable_diagnostic(server: LspClient) -> None:
    uri = URI.replace("a.md", "away.md")
    server.open(uri, TEXT)
    server.diagnostics(uri, 1)
    here = {"line": 1, "character": SPACE_AT["utf-16"]}  # on S002, which has no fix
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": here, "end": here},
        "context": {"diagnostics": [], "only": ["quickfix"]}})["result"]
    assert actions is None


def test_fix_all_is_a_source_action_with_one_edit(server: LspClient) -> None:
    uri = URI.replace("a.md", "all.md")
    text = TEXT.replace("a b", "a%20b")
    server.open(uri, text)
    server.diagnostics(uri, 1)
    origin = {"line": 0, "character": 0}
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": origin, "end": origin},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})["result"]
    assert [(a["kind"], a["title"]) for a in actions] == [
        ("source.fixAll.articlelint", "articlelint: Fix all safe fixes")]
    edits = actions[0]["edit"]["changes"][uri]
    assert len(edits) == 1
    assert apply(text, edits) == CLEAN


def test_changes_are_debounced_and_the_last_version_wins(server: LspClient) -> None:
    uri = URI.replace("a.md", "typing.md")
    server.open(uri, CLEAN)
    assert server.diagnostics(uri, 1) == []
    server.change(uri, TEXT, 2)
    server.change(uri, TEXT.replace("a b", "a%20b"), 3)
    server.change(uri, CLEAN, 4)
    server.change(uri, TEXT, 5)
    final = server.published(uri, 5)
    assert sorted(by_code(final["params"]["diagnostics"])) == ["S001", "S002"]
    # A round trip later, nothing stale has followed the last version's diagnostics (a
    # slow machine may publish an intermediate version, but only before the last one).
    server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["quickfix"]}})
    late = [m for m in server.seen if m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri and m["_seq"] > final["_seq"]]
    assert late == []


def test_save_relints_at_once(server: LspClient) -> None:
    uri = URI.replace("a.md", "saved.md")
    server.open(uri, TEXT)
    server.diagnostics(uri, 1)
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert sorted(by_code(server.diagnostics(uri, 1))) == ["S001", "S002"]


def test_config_change_relints_open_documents(server: LspClient) -> None:
    uri = URI.replace("a.md", "config.md")
    server.open(uri, TEXT)
    server.diagnostics(uri, 1)
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": "file:///tmp/articlelint-lsp/articlelint.toml", "type": 2}]})
    assert sorted(by_code(server.diagnostics(uri, 1))) == ["S001", "S002"]


def test_the_workspace_config_is_honoured_and_reloaded(server: LspClient,
                                                       tmp_path: Path) -> None:
    config = tmp_path / "articlelint.toml"
    config.write_text('ignore = ["S001"]\n', encoding="utf-8")
    uri = (tmp_path / "doc.md").as_uri()
    config_uri = config.as_uri()
    server.open(uri, TEXT)
    assert sorted(by_code(server.diagnostics(uri, 1))) == ["S002"]
    config.write_text('ignore = ["S002"]\n', encoding="utf-8")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": config_uri, "type": 2}]})
    assert sorted(by_code(server.diagnostics(uri, 1))) == ["S001"]
    # A broken config: the user is told, and linting goes on with the defaults.
    config.write_text('ignroe = ["S002"]\n', encoding="utf-8")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": config_uri, "type": 2}]})
    message = server.wait(lambda m: m.get("method") == "window/showMessage",
                          "a message about the broken config")
    assert "ignroe" in message["params"]["message"]
    assert "did you mean" in message["params"]["message"]
    assert sorted(by_code(server.diagnostics(uri, 1))) == ["S001", "S002"]


def test_close_clears_the_diagnostics(server: LspClient) -> None:
    uri = URI.replace("a.md", "closed.md")
    server.open(uri, TEXT)
    server.diagnostics(uri, 1)
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri) == []


def test_malformed_requests_get_errors_and_the_server_lives_on(server: LspClient) -> None:
    bad_params = server.request("textDocument/codeAction", {"textDocument": {"uri": URI}})
    assert bad_params["error"]["code"] == -32602  # Invalid Params
    unknown = server.request("articlelint/nonsense", {})
    assert unknown["error"]["code"] == -32601  # Method Not Found
    server.send_raw(b"{this is not json")
    server.notify("textDocument/didOpen", {"textDocument": {"uri": 7}})  # no answer due
    not_open = server.request("textDocument/codeAction", {
        "textDocument": {"uri": "file:///nowhere/never-opened.md"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})
    assert not_open["result"] is None


def test_the_config_watch_is_registered_when_the_client_can(server: LspClient) -> None:
    # The module's client announced dynamic registration of watched files.
    request = server.wait(lambda m: m.get("method") == "client/registerCapability",
                          "the registration of the config watchers")
    registration = request["params"]["registrations"][0]
    assert registration["method"] == "workspace/didChangeWatchedFiles"
    globs = [w["globPattern"] for w in registration["registerOptions"]["watchers"]]
    assert globs == ["**/articlelint.toml", "**/pyproject.toml"]


def test_sample_gloss_defect_is_fixed_by_a_code_action() -> None:
    """The issue's must-show; it needs the N rules (N001 gloss-case)."""
    pytest.importorskip("rules.names.gloss_case")
    text = SAMPLE.read_text(encoding="utf-8")
    uri = SAMPLE.as_uri()
    client = LspClient()
    try:
        client.initialize()
        client.open(uri, text)
        gloss = [d for d in client.diagnostics(uri, 1) if d["code"] == "N001"]
        assert [d["range"]["start"] for d in gloss] == [{"line": 4, "character": 818}]
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": gloss[0]["range"],
            "context": {"diagnostics": gloss, "only": ["quickfix"]}})["result"]
        writes = [a for a in actions
                  if any("Jan" in e["newText"] for e in a["edit"]["changes"][uri])]
        assert writes, actions
        fixed = apply_body(text, writes[0]["edit"]["changes"][uri])
        assert "简·阿恰克扎伊（Jan Achakzai）" in fixed
        client.change(uri, fixed, 2)
        assert not [d for d in client.diagnostics(uri, 2) if d["code"] == "N001"]
    finally:
        assert client.close() == 0


def apply_body(text: str, edits: list[dict]) -> str:
    """Apply UTF-16 edits (the sample's body has no character outside the BMP, which the
    assertion checks, so UTF-16 units are code points there)."""
    assert all(ord(ch) <= 0xFFFF for ch in text)
    return apply(text, edits)


def test_the_server_ends_when_the_editor_goes_away() -> None:
    client = LspClient()
    client.initialize()
    assert client.process.stdin is not None
    client.process.stdin.close()  # the editor died without shutdown/exit
    assert client.process.wait(timeout=30) is not None
    client.close()
