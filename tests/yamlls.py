"""A small LSP client for the real yaml-language-server (what VS Code's YAML extension runs), over
stdio: initialize, open documents, read their diagnostics, hover and complete.

The server is found by LIBEVAL_YAMLLS (the path of its `yaml-language-server` bin), else in
.ci/node (where .ci/run installs it with npm). Node must be on PATH.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
VERSION = "1.25.0"


def server_path() -> tuple[Path | None, str]:
    """(the server's bin, "") or (None, why it cannot be had)."""
    if shutil.which("node") is None:
        return None, "node is not installed"
    given = os.environ.get("LIBEVAL_YAMLLS")
    path = Path(given) if given else ROOT / ".ci" / "node" / "node_modules" / ".bin" / "yaml-language-server"
    if not path.exists():
        return None, f"yaml-language-server is not installed at {path} (set LIBEVAL_YAMLLS or run .ci/run)"
    return path, ""


class Server:
    """One yaml-language-server process; requests are answered in order, notifications queued."""

    def __init__(self, path: Path, root: Path) -> None:
        self.proc = subprocess.Popen(
            ["node", str(path.resolve()), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self._changed = threading.Condition()
        self._next = 0
        self._versions: dict[str, int] = {}
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "publishDiagnostics": {},
                    },
                    "workspace": {"configuration": True},
                },
            },
        )
        self.notify("initialized", {})
        self.configure({})

    def configure(self, schemas: dict[str, Any]) -> None:
        """The `yaml.*` settings, as VS Code's settings.json gives them."""
        self.settings = {
            "yaml": {"validate": True, "hover": True, "completion": True, "schemas": schemas},
            "[yaml]": {},
        }
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def _read(self, stream: IO[bytes] | None) -> None:
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not length:
                return
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # the server asks: the settings
                items = message.get("params", {}).get("items", [])
                answer = [self.settings.get(i.get("section", ""), None) for i in items]
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": answer})
            elif message.get("method") == "textDocument/publishDiagnostics":
                with self._changed:
                    self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
                    self._changed.notify_all()
            elif "id" in message:
                self.messages.put(message)

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self._next += 1
        self._send({"jsonrpc": "2.0", "id": self._next, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=timeout)
            if message.get("id") == self._next:
                assert "error" not in message, message
                return message.get("result")

    def open(self, path: Path, text: str, timeout: float = 30) -> list[dict[str, Any]]:
        """Open (or change) a document and wait for its diagnostics."""
        uri = path.resolve().as_uri()
        with self._changed:
            self.diagnostics.pop(uri, None)
        if uri in self._versions:
            self._versions[uri] += 1
            self.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": self._versions[uri]}, "contentChanges": [{"text": text}]},
            )
        else:
            self._versions[uri] = 1
            item = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": item})
        with self._changed:
            assert self._changed.wait_for(lambda: uri in self.diagnostics, timeout), f"no diagnostics for {uri}"
            return self.diagnostics[uri]

    def hover(self, path: Path, line: int, character: int) -> str:
        position = {
            "textDocument": {"uri": path.resolve().as_uri()},
            "position": {"line": line, "character": character},
        }
        result = self.request("textDocument/hover", position)
        if not result:
            return ""
        contents = result["contents"]
        return str(contents["value"] if isinstance(contents, dict) else contents)

    def complete(self, path: Path, line: int, character: int) -> list[str]:
        position = {
            "textDocument": {"uri": path.resolve().as_uri()},
            "position": {"line": line, "character": character},
        }
        result = self.request("textDocument/completion", position)
        items = result["items"] if isinstance(result, dict) else result or []
        return [str(i["label"]) for i in items]

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=5)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:  # a server that does not stop is stopped
            self.proc.kill()
            self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


def _at(path: Path, line: int, character: int) -> dict[str, Any]:
    return {"textDocument": {"uri": path.resolve().as_uri()}, "position": {"line": line, "character": character}}
