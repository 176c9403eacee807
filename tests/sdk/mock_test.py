"""`invite-playground mock` against Microsoft's own Python SDK (msgraph-beta-sdk, and
msgraph-sdk for v1.0), over real loopback HTTP.

Run by scripts/test.sh with the venv scripts/setup.sh --sdk makes. The mock starts on a
free port with --speed instant; a webhook receiver (this script) listens on another. For
every case the SDK, with only its base URL changed (and a test header choosing the
outcome), runs the snippet `invite-playground snippet --lang python` prints for a preset:
  (a) success and asynchronous failures: the SDK parses the 200 as its
      InviteParticipantsOperation; the webhook receives exactly the notifications, in
      order, with the bodies and headers `simulate --format json` prints for the request
      the SDK sent, that outcome and the seed the answer names;
  (b) synchronous failures reach the SDK as its ODataError with simulate's status and code;
  (c) GET on the operation (the SDK's comms operation builder, a mock at --speed 1)
      reads Running, then the finished state the last notification carried;
  (d) a webhook that is slow, answers 500 or drops the connection is retried as
      documented without holding up other calls; Ctrl-C during deliveries exits cleanly.
Prints one line per case and a closing "N passed, N failed" line; exits 1 on a failure.
"""

import asyncio
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

import httpx
from kiota_abstractions.authentication import AccessTokenProvider, AllowedHostsValidator
from kiota_abstractions.authentication import BaseBearerTokenAuthenticationProvider

from python_sdk import CLI, report, results, sdk

PRESETS = ["example-1", "example-2", "example-3", "example-4", "example-5"]
ASYNC_OUTCOMES = ["success", "no-answer", "declined", "media-error"]
SYNC_FAILURES = ["unauthorized", "forbidden", "call-not-found", "server-error"]
TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6W119.c2ln"


class StaticToken(AccessTokenProvider):
    """A bot's token provider, minus Entra ID: the mock checks that a bearer is present."""

    async def get_authorization_token(self, uri, additional_authentication_context=None):
        return TOKEN

    def get_allowed_hosts_validator(self):
        return AllowedHostsValidator(["127.0.0.1"])


class Webhook:
    """The bot's callback endpoint: records every POST in arrival order with the time it
    came, and answers what `behaviour(body, attempt)` says: a status, or
    ("slow", seconds, status), or "drop" (close without answering)."""

    def __init__(self, behaviour=lambda body, attempt: 202):
        self.received = []
        self.attempts = {}
        self.lock = threading.Lock()
        hook = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                body = json.loads(raw)
                with hook.lock:
                    attempt = hook.attempts[raw] = hook.attempts.get(raw, 0) + 1
                    hook.received.append(
                        {"path": self.path, "headers": dict(self.headers), "body": body, "at": time.monotonic(),
                         "attempt": attempt}
                    )
                answer = behaviour(body, attempt)
                if answer == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if isinstance(answer, tuple):
                    time.sleep(answer[1])
                    answer = answer[2]
                self.send_response(answer)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/calls"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def take(self, count, timeout=15):
        """The next `count` deliveries (waits for them), then checks no more arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.received) >= count:
                    break
            time.sleep(0.02)
        time.sleep(0.1)  # a delivery too many would show now
        with self.lock:
            self.taken, self.received = self.received, []
        return self.taken


class Mock:
    """`invite-playground mock` on a free loopback port; its JSON log lines kept."""

    def __init__(self, *args):
        self.process = subprocess.Popen(
            [CLI, "mock", "--listen", "127.0.0.1:0", "--format", "json", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        first = json.loads(self.process.stdout.readline())
        assert first["event"] == "listening", first
        self.url = first["url"]
        self.log = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.process.stdout:
            self.log.append(json.loads(line))

    def stop(self):
        """SIGTERM, as Ctrl-C: it must exit 0 and report what it abandoned."""
        self.process.terminate()
        code = self.process.wait(timeout=15)
        time.sleep(0.1)
        return code


def client_for(api, base_url, exchange, outcome):
    package, GraphRequestAdapter, options, version = sdk(api)
    from msgraph_core import GraphClientFactory

    async def on_request(request: httpx.Request):
        if outcome:
            request.headers["X-Playground-Outcome"] = outcome
        await request.aread()
        exchange["request"] = request

    async def on_response(response: httpx.Response):
        exchange["response"] = response

    http_client = httpx.AsyncClient(event_hooks={"request": [on_request], "response": [on_response]})
    http = GraphClientFactory.create_with_default_middleware(api_version=version, client=http_client, options=options)
    adapter = GraphRequestAdapter(BaseBearerTokenAuthenticationProvider(StaticToken()), client=http)
    adapter.base_url = f"{base_url}/{api}"
    return package.GraphServiceClient(request_adapter=adapter)


async def run_snippet(graph_client, snippet):
    code = snippet.replace("graph_client = GraphServiceClient(credentials, scopes)", "")
    namespace = {"graph_client": graph_client}
    body = "\n".join("    " + line for line in code.split("\n"))
    exec(compile("async def __snippet():\n" + body + "\n    return result\n", "<snippet>", "exec"), namespace)
    return await namespace["__snippet"]()


def simulated(request, outcome, seed, api):
    """What `simulate --format json` plays for the request the SDK sent."""
    url = httpx.URL(str(request.url))
    target = "https://graph.microsoft.com" + url.raw_path.decode()
    skip = {"host", "x-playground-outcome", "content-length"}
    headers = "".join(f"{k}: {v}\n" for k, v in request.headers.items() if k.lower() not in skip)
    with tempfile.NamedTemporaryFile("w", suffix=".http", delete=False, encoding="utf-8") as file:
        file.write(f"{request.method} {target}\n{headers}\n{request.content.decode('utf-8')}")
    run = subprocess.run(
        [CLI, "simulate", file.name, "--outcome", outcome, "--seed", str(seed), "--api", api, "--format", "json"],
        capture_output=True, text=True,
    )
    os.unlink(file.name)
    return json.loads(run.stdout)["events"]


def invite_case(api, preset, outcome, mock, hook, snippets):
    name = f"mock {api} {preset} {outcome}"
    exchange = {}
    graph_client = client_for(api, mock.url, exchange, outcome)
    try:
        result = asyncio.run(run_snippet(graph_client, snippets[(api, preset)]))
        error = None
    except Exception as raised:  # noqa: BLE001 - the SDK's own error types are the point
        result, error = None, raised
    seed = int(exchange["response"].headers.get("x-playground-seed", "-1"))
    events = simulated(exchange["request"], outcome, seed, api)
    answer = next(e for e in events if e["kind"] == "response")
    expected = [e for e in events if e["kind"] == "notification"]
    problems = []
    if exchange["response"].status_code != answer["status"]:
        problems.append(f"status {exchange['response'].status_code} != simulate's {answer['status']}")
    if answer["status"] == 200:
        if error is not None:
            problems.append(f"the SDK raised {type(error).__name__}: {error}")
        elif type(result).__name__ != "InviteParticipantsOperation":
            problems.append(f"parsed as {type(result).__name__}")
        elif result.id != answer["body"]["id"]:
            problems.append(f"operation id {result.id} != {answer['body']['id']}")
    else:
        code = getattr(getattr(error, "error", None), "code", None)
        if type(error).__name__ != "ODataError":
            problems.append(f"expected ODataError, the SDK gave {type(error).__name__}: {error}")
        elif error.response_status_code != answer["status"] or code != answer["body"]["error"]["code"]:
            problems.append(f"ODataError {error.response_status_code}/{code} != {answer['status']}/{answer['body']['error']['code']}")
    got = hook.take(len(expected))
    if [d["body"] for d in got] != [e["body"] for e in expected]:
        problems.append(f"{len(got)} notifications received, {len(expected)} simulated, bodies or order differ")
    for delivered, event in zip(got, expected):
        for header, value in event["headers"].items():
            if delivered["headers"].get(header.lower(), delivered["headers"].get(header)) != value:
                problems.append(f"header {header}: {delivered['headers'].get(header)!r} != {value!r}")
        if delivered["path"] != "/api/calls":
            problems.append(f"delivered to {delivered['path']}")
    report(not problems, name, "; ".join(problems))


def operation_case(api, hook):
    """GET the operation while it runs and after it finished, through the SDK."""
    mock = Mock("--speed", "1", "--seed", "7", "--callback", hook.url)
    exchange = {}
    graph_client = client_for(api, mock.url, exchange, "success")
    problems = []
    # The SDK's OperationStatus names are capitalised ("Completed"); the wire has both.
    status = lambda op: str(getattr(op.status, "value", op.status)).lower()  # noqa: E731
    expected = {"status": "?"}

    async def scenario():
        # One event loop for the whole case: the SDK's connection pool belongs to it.
        nonlocal expected
        _, snippet, _ = cli("snippet", "--preset", "example-1", "--lang", "python", "--api", api)
        started = time.monotonic()
        invited = await run_snippet(graph_client, snippet)
        call_id = str(exchange["request"].url).split("/calls/", 1)[1].split("/", 1)[0]
        operations = graph_client.communications.calls.by_call_id(call_id).operations
        running = await operations.by_comms_operation_id(invited.id).get()
        if time.monotonic() - started < 2 and status(running) != "running":
            problems.append(f"first read: {status(running)}")
        if type(running).__name__ != "InviteParticipantsOperation":
            problems.append(f"GET parsed as {type(running).__name__}")
        final = await asyncio.to_thread(hook.take, 2, 20)
        finished = await operations.by_comms_operation_id(invited.id).get()
        expected = next(
            d["body"]["value"][0]["resourceData"] for d in final if "/operations/" in d["body"]["value"][0]["resourceUrl"]
        )
        if status(finished) != expected["status"].lower():
            problems.append(f"after the notification: {status(finished)} != {expected['status']}")
        try:
            await operations.by_comms_operation_id("nope").get()
            problems.append("an unknown operation was found")
        except Exception as error:  # noqa: BLE001
            if getattr(error, "response_status_code", None) != 404:
                problems.append(f"unknown operation: {type(error).__name__} {error}")

    try:
        asyncio.run(scenario())
    finally:
        code = mock.stop()
    if code != 0:
        problems.append(f"mock exited {code} on SIGTERM")
    report(not problems, f"mock {api} GET operation: Running, then {expected['status']}", "; ".join(problems))


def call_of(body):
    return body["value"][0]["resourceUrl"].split("/calls/", 1)[1].split("/", 1)[0]


async def invite_raw(base_url, call_id, outcome="success"):
    """A plain HTTP invite (no SDK): the resilience cases need only the mock's side."""
    _, body, _ = cli("snippet", "--preset", "example-1", "--lang", "json")
    async with httpx.AsyncClient() as client:
        return await client.post(
            f"{base_url}/beta/communications/calls/{call_id}/participants/invite",
            content=body,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json",
                     "X-Playground-Outcome": outcome},
        )


def resilience_cases():
    """A webhook that is slow, answers 500 or drops the connection for one call is
    retried as documented (250 ms, 1 s, 4 s; 5 s per attempt) while other calls'
    deliveries go on; Ctrl-C during deliveries exits 0 and reports what it abandoned."""

    def behaviour(body, attempt):
        call = call_of(body)
        if call == "slow" and attempt == 1:
            return ("slow", 6, 202)  # over the 5 s attempt limit: a timeout
        if call == "flaky" and attempt <= 2:
            return 500
        if call == "dropped" and attempt == 1:
            return "drop"
        if call == "gone":
            return 503
        return 202

    hook = Webhook(behaviour)
    mock = Mock("--speed", "instant", "--callback", hook.url)
    started = time.monotonic()

    async def invite_all():
        return await asyncio.gather(*(invite_raw(mock.url, c) for c in ("slow", "flaky", "dropped", "gone", "fine")))

    answers = asyncio.run(invite_all())
    problems = [f"{a.url}: {a.status_code}" for a in answers if a.status_code != 200]
    time.sleep(12)  # slow: 5 s + 0.25 s; gone: 0.25 + 1 + 4 s of backoff, 4 attempts
    code = mock.stop()
    by_call = {}
    for delivered in hook.received:
        by_call.setdefault(call_of(delivered["body"]), []).append(delivered)
    fine = by_call.get("fine", [])
    if len(fine) != 2 or max(d["at"] for d in fine) - started > 1.5:
        problems.append(f"the healthy call waited: {[round(d['at'] - started, 2) for d in fine]}")
    expect_attempts = {"slow": 2, "flaky": 3, "dropped": 2, "gone": 4}
    for call, attempts in expect_attempts.items():
        first = [d for d in by_call.get(call, []) if "/operations/" in d["body"]["value"][0]["resourceUrl"]]
        if len(first) != attempts:
            problems.append(f"{call}: {len(first)} attempts of its first notification, expected {attempts}")
    lost = [line for line in mock.log if line["event"] == "delivery-lost"]
    if {call_of({"value": [{"resourceUrl": line["resource"]}]}) for line in lost} != {"gone"}:
        problems.append(f"lost deliveries: {lost}")
    if code != 0:
        problems.append(f"exit {code}")
    report(not problems, "mock retries a slow, failing or dropping webhook; other calls are not held up", "; ".join(problems))

    # Ctrl-C while a no-answer call waits ~60 s for its failure notification.
    hook = Webhook()
    mock = Mock("--speed", "1", "--callback", hook.url)
    answer = asyncio.run(invite_raw(mock.url, "waiting", "no-answer"))
    time.sleep(0.3)
    mock.process.send_signal(2)  # SIGINT, as Ctrl-C
    stopping = time.monotonic()
    code = mock.process.wait(timeout=20)
    took = time.monotonic() - stopping
    time.sleep(0.1)
    events = [line["event"] for line in mock.log]
    problems = []
    if answer.status_code != 200 or code != 0 or took > 7:
        problems.append(f"answer {answer.status_code}, exit {code} after {took:.1f} s")
    if "delivery-abandoned" not in events or events[-1] != "stopped" or mock.log[-1].get("callsAbandoned") != 1:
        problems.append(f"log: {mock.log}")
    report(not problems, "Ctrl-C during deliveries: exits 0 within the grace, reports the abandoned call", "; ".join(problems))


def hostile_bodies_case():
    """Bodies a bot should never send get Graph's error envelope, and the mock goes on:
    over its 4 MiB limit a 413, UTF-16 (PowerShell's `>`) or bytes that are not UTF-8 a
    400 naming the encoding, as `check` does."""
    mock = Mock("--speed", "instant")
    url = f"{mock.url}/beta/communications/calls/hostile/participants/invite"
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    cases = [
        (b"{" + b" " * (4 * 1024 * 1024) + b"}", 413, "over 4 MiB (4,194,304 bytes)"),
        ('{"participants": []}'.encode("utf-16"), 400, "UTF-16 (it starts with the byte-order mark FF FE)"),
        ('{"participants": []}'.encode("utf-16-le"), 400, "UTF-16 without a byte-order mark"),
        (b'{"clientContext": "\xe9"}', 400, "byte 0xE9 is not valid UTF-8"),
    ]
    problems = []
    with httpx.Client() as client:
        for body, status, said in cases:
            answer = client.post(url, content=body, headers=headers)
            message = answer.json().get("error", {}).get("message", "") if answer.content else ""
            if answer.status_code != status or said not in message:
                problems.append(f"{body[:12]!r}: {answer.status_code} {message!r}")
        _, fine, _ = cli("snippet", "--preset", "example-1", "--lang", "json")
        if client.post(url, content=fine, headers=headers).status_code != 200:
            problems.append("a good invite after them was not answered 200")
    code = mock.stop()
    if code != 0:
        problems.append(f"exit {code}")
    report(not problems, "mock answers oversized and non-UTF-8 bodies with Graph's error envelope and goes on", "; ".join(problems))


def cli(*args):
    run = subprocess.run([CLI, *args], capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


def main():
    hook = Webhook()
    snippets = {}
    for api in ("beta", "v1.0"):
        for preset in PRESETS:
            code, snippet, err = cli("snippet", "--preset", preset, "--lang", "python", "--api", api)
            assert code == 0, err
            snippets[(api, preset)] = snippet
    mock = Mock("--speed", "instant", "--seed", "1000", "--callback", hook.url)
    try:
        for api in ("beta", "v1.0"):
            for preset in PRESETS:
                for outcome in ASYNC_OUTCOMES:
                    invite_case(api, preset, outcome, mock, hook, snippets)
            for outcome in SYNC_FAILURES:
                invite_case(api, "example-1", outcome, mock, hook, snippets)
        # The SDK's RetryHandler honours Retry-After (5 s) three times, then gives up:
        # about 15 s, so once.
        invite_case("beta", "example-1", "throttled", mock, hook, snippets)
    finally:
        code = mock.stop()
    lost = [line for line in mock.log if line["event"] in ("delivery-lost",) or line.get("delivered") is False]
    report(code == 0 and not lost, "mock exits 0 on SIGTERM, no delivery failed", f"exit {code}, {lost[:3]}")
    report(mock.log[-1].get("event") == "stopped", "mock reports how it stopped", str(mock.log[-1:]))
    for api in ("beta", "v1.0"):
        operation_case(api, hook)
    resilience_cases()
    hostile_bodies_case()
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
