"""A tiny LSP client for the tests: spawns `python -m lint server`, frames JSON-RPC with
Content-Length headers, answers the server's own requests, and waits with a bound."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.support import REPO

WAIT = 30.0  # seconds; generous for a loaded CI machine, only hit when something is wrong

Message = dict[str, Any]


class LspClient:
    def __init__(self, cwd: Path = REPO) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO))
        # stderr goes to a file: a pipe nobody reads could fill up and block the server.
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lint", "server"], cwd=cwd, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors)
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.seen: list[Message] = []  # everything received, in order
        self.next_id = 0
        self.received = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # -- framing --------------------------------------------------------------------------

    def send_raw(self, body: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: Message) -> None:
        self.send_raw(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            message = json.loads(stream.read(length).decode("utf-8"))
            self.received += 1
            message["_seq"] = self.received  # arrival order, for ordering assertions
            if "method" in message and "id" in message:
                # A request from the server (registerCapability…): accept it.
                try:
                    self.send({"id": message["id"], "result": None})
                except (OSError, ValueError):  # the test closed our end on purpose
                    pass
            self.inbox.put(message)

    # -- requests and notifications -------------------------------------------------------

    def request(self, method: str, params: Any) -> Message:
        """Send a request and return its whole response (result or error)."""
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m,
                         f"the response to {method} #{ident}")

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def wait(self, accept: Callable[[Message], bool], what: str,
             timeout: float = WAIT) -> Message:
        for message in self.seen:
            if accept(message):
                self.seen.remove(message)
                return message
        deadline = _now() + timeout
        while True:
            left = deadline - _now()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {what}; stderr:\n{self.stderr()}")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError(f"the server exited while waiting for {what}; "
                                     f"stderr:\n{self.stderr()}")
            if accept(message):
                return message
            self.seen.append(message)

    def diagnostics(self, uri: str, version: int | None = None) -> list[Message]:
        """The diagnostics of the next publishDiagnostics for `uri` (for `version`)."""
        return self.published(uri, version)["params"]["diagnostics"]

    def published(self, uri: str, version: int | None = None) -> Message:
        """The next publishDiagnostics message for `uri` (for `version`, if given)."""
        def accept(m: Message) -> bool:
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            params = m["params"]
            return params["uri"] == uri and (version is None or params.get("version") == version)
        return self.wait(accept, f"diagnostics for {uri}")

    def initialize(self, encodings: list[str] | None = None, watch: bool = True) -> Message:
        capabilities: dict[str, Any] = {
            "textDocument": {"codeAction": {"codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}}},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": watch}},
        }
        if encodings is not None:
            capabilities["general"] = {"positionEncodings": encodings}
        response = self.request("initialize", {
            "processId": os.getpid(), "rootUri": REPO.as_uri(), "capabilities": capabilities})
        self.notify("initialized", {})
        return response

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version, "text": text}})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})

    def stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read().decode("utf-8", "replace")[-4000:]

    def close(self) -> int | None:
        """shutdown + exit; returns the exit code (killed if it hangs)."""
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
                return self.process.wait(timeout=WAIT)
        except (AssertionError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            for stream in (self.process.stdin, self.process.stdout, self.errors):
                if stream is not None:
                    stream.close()
        return self.process.returncode


def _now() -> float:
    return time.monotonic()
