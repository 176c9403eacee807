"""Our output against Microsoft's own Python SDKs (msgraph-beta-sdk, msgraph-sdk).

Run by scripts/test.sh with the venv scripts/setup.sh --sdk makes. For every case:
  (a) EXECUTE the Python snippet `invite-playground snippet --lang python` prints, with
      the SDK's real client and default middleware over a capturing transport, and
      assert the request it sends equals ours: POST, the invite path (after the SDK's
      double slash), a JSON body semantically equal to the checked body;
  (b) feed the SDK-built request back to `invite-playground check`: 0 errors;
  (c) parse every payload the simulator sends (corrected mode, every preset x outcome,
      both versions) with the SDK's parse nodes and assert nothing lands in
      `additional_data` except what Graph really sends undeclared (GRAPH-FACTS).
Prints one line per case and a closing "N passed, N failed" line.
"""

import asyncio
import json
import os
import subprocess
import sys
import tempfile

import httpx
from kiota_abstractions.authentication import AnonymousAuthenticationProvider
from kiota_serialization_json.json_parse_node_factory import JsonParseNodeFactory

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.environ.get("INVITE_PLAYGROUND", os.path.join(ROOT, "target", "debug", "invite-playground"))
PRESETS = ["example-1", "example-2", "example-3", "example-4", "example-5"]
OUTCOMES = ["success", "no-answer", "declined", "media-error", "pstn-no-sponsor", "replace-failed"]

# Undeclared keys Graph really sends (GRAPH-FACTS §2, §9): the docs' identity extras.
ALLOWED_ADDITIONAL = {"tenantId", "identityProvider"}

results = {"passed": 0, "failed": 0}


def report(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))


def cli(*args, stdin=None):
    run = subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


def sdk(api):
    if api == "v1.0":
        import msgraph as package
        from msgraph.graph_request_adapter import GraphRequestAdapter, options
        from msgraph_core import APIVersion

        version = APIVersion.v1
    else:
        import msgraph_beta as package
        from msgraph_beta.graph_request_adapter import GraphRequestAdapter, options
        from msgraph_core import APIVersion

        version = APIVersion.beta
    return package, GraphRequestAdapter, options, version


async def send(snippet, api, response_body):
    """Executes `snippet` with the SDK's client; returns the captured request."""
    from msgraph_core import GraphClientFactory

    package, GraphRequestAdapter, options, version = sdk(api)
    captured = {}

    def handler(request: httpx.Request):
        captured["method"] = request.method
        captured["url"] = str(request.url)
        captured["headers"] = dict(request.headers)
        captured["body"] = request.content.decode("utf-8")
        return httpx.Response(200, json=response_body, headers={"content-type": "application/json"})

    client = GraphClientFactory.create_with_default_middleware(
        api_version=version, client=httpx.AsyncClient(transport=httpx.MockTransport(handler)), options=options
    )
    adapter = GraphRequestAdapter(AnonymousAuthenticationProvider(), client=client)
    graph_client = package.GraphServiceClient(request_adapter=adapter)
    # The snippet's own client line needs credentials; the harness brings its client.
    code = snippet.replace("graph_client = GraphServiceClient(credentials, scopes)", "")
    namespace = {"graph_client": graph_client}
    # Indented line by line at "\n" only: the snippet's own line breaks are the only ones.
    body = "\n".join("    " + line for line in code.split("\n"))
    wrapped = "async def __snippet():\n" + body + "\n    return result\n"
    exec(compile(wrapped, "<snippet>", "exec"), namespace)
    result = await namespace["__snippet"]()
    return captured, result


def normalise_path(url):
    path = httpx.URL(url).path
    while "//" in path:
        path = path.replace("//", "/")
    return path


def undeclared(model, path="$"):
    """Every additional_data key under a parsed model, with where it was."""
    found = []
    data = getattr(model, "additional_data", None) or {}
    for key in data:
        found.append((f"{path}.{key}", key))
    for name, value in vars(model).items() if hasattr(model, "__dict__") else []:
        if name in ("additional_data", "backing_store"):
            continue
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if hasattr(item, "additional_data"):
                where = f"{path}.{name}" + (f"[{index}]" if isinstance(value, list) else "")
                found.extend(undeclared(item, where))
    return found


def snippet_case(name, source_args, api):
    code, snippet, err = cli("snippet", *source_args, "--lang", "python", "--api", api)
    if code != 0:
        return report(False, name, err)
    _, body_json, _ = cli("snippet", *source_args, "--lang", "json", "--api", api)
    _, http_text, _ = cli("snippet", *source_args, "--lang", "http", "--api", api)
    expected_body = json.loads(body_json)
    call_id = http_text.split("/communications/calls/", 1)[1].split("/participants/invite", 1)[0]
    response = {"@odata.type": "#microsoft.graph.inviteParticipantsOperation", "id": "op", "status": "running"}
    try:
        captured, _ = asyncio.run(send(snippet, api, response))
    except Exception as error:  # the snippet did not run: a defect of ours
        return report(False, name, f"snippet raised {type(error).__name__}: {error}")
    problems = []
    if captured.get("method") != "POST":
        problems.append(f"method {captured.get('method')}")
    expected_path = f"/{api}/communications/calls/{call_id}/participants/invite"
    if normalise_path(captured["url"]) != httpx.URL("https://x" + expected_path).path:
        problems.append(f"path {captured['url']} != {expected_path}")
    sent = json.loads(captured["body"])
    if sent != expected_body:
        problems.append(f"body {json.dumps(sent, sort_keys=True)} != {json.dumps(expected_body, sort_keys=True)}")
    # (b) The SDK's own request, as it went on the wire, passes our check.
    with tempfile.NamedTemporaryFile("w", suffix=".http", delete=False) as file:
        headers = "".join(f"{k}: {v}\n" for k, v in captured["headers"].items() if k != "host")
        file.write(f"POST {captured['url']}\n{headers}authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi\n\n{captured['body']}")
    code, out, _ = cli("check", file.name, "--format", "json")
    os.unlink(file.name)
    report_json = json.loads(out)
    errors = [d for d in report_json["diagnostics"] if d["severity"] == "error"]
    if code not in (0, 1) or (errors and expected_valid(name)):
        problems.append(f"check of the SDK's request: {[d['code'] for d in errors]}")
    report(not problems, f"python {api} snippet {name}", "; ".join(problems))


def expected_valid(name):
    return not name.startswith("invalid")


HOSTILE = "quote \" back \\ dollar $x ${y} `tick` new\nline tab\t é 漢 😀 \u2028 ' ’ bell \u0007 \u202erlo\u2066isolate"


def generated_bodies():
    user = "278405a3-f568-4b3e-b684-009193463064"
    kinds = ["user", "application", "applicationInstance", "phone", "guest", "encrypted", "onPremises",
             "azureCommunicationServicesUser"]
    yield "every-field", {
        "participants": [{
            "@odata.type": "#microsoft.graph.invitationParticipantInfo",
            "identity": {"@odata.type": "#microsoft.graph.identitySet",
                         "user": {"@odata.type": "#microsoft.graph.identity", "id": user, "displayName": HOSTILE,
                                  "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47", "identityProvider": "AAD"}},
            "replacesCallId": None,
            "participantId": "p-1",
            "hidden": True,
            "removeFromDefaultAudioRoutingGroup": False,
            "endpointType": "default",
        }],
        "clientContext": HOSTILE,
    }
    for kind in kinds:
        identity_id = "+12345678901" if kind == "phone" else user
        for typed in ("#microsoft.graph.identitySet", "#microsoft.graph.communicationsIdentitySet"):
            yield f"{kind}-in-{typed.rsplit('.', 1)[1]}", {
                "participants": [{"identity": {"@odata.type": typed, kind: {"id": identity_id, "displayName": "O'Brien $HOME"}}}],
                "clientContext": "c",
            }
    yield "phone-null-and-asserted", {
        "participants": [{"identity": {"@odata.type": "#microsoft.graph.communicationsIdentitySet",
                                       "phone": {"id": "+12345678901"}, "assertedIdentity": {"id": "+14255550100"},
                                       "user": None}}],
        "clientContext": "c",
    }
    yield "invalid-odd-types", {
        "participants": [{"identity": {"user": {"id": user, "nested": {"a": [1, 2.5, None], "o": [{"b": "c"}]}}},
                          "endpointType": "Default", "hidden": "yes"}],
        "clientContext": "c", "extraRoot": {"k": [True, False]},
    }
    yield "invalid-no-identity", {"participants": [{"replacesCallId": "x"}]}


def payload_cases(api):
    package = "msgraph" if api == "v1.0" else "msgraph_beta"
    models = __import__(f"{package}.generated.models", fromlist=["x"])
    from importlib import import_module

    operation_type = import_module(f"{package}.generated.models.invite_participants_operation").InviteParticipantsOperation
    participant_type = import_module(f"{package}.generated.models.participant").Participant
    call_type = import_module(f"{package}.generated.models.call").Call
    del models
    factory = JsonParseNodeFactory()

    def parse(value, model_type):
        node = factory.get_root_parse_node("application/json", json.dumps(value).encode("utf-8"))
        return node.get_object_value(model_type)

    for preset in PRESETS:
        # The preset's corrected body, bare, so that `--api` decides the version.
        _, request_body, _ = cli("snippet", "--preset", preset, "--lang", "json")
        for outcome in OUTCOMES:
            code, out, err = cli(
                "simulate", "-", "--outcome", outcome, "--api", api, "--format", "json", stdin=request_body
            )
            if code != 0:
                report(False, f"{api} simulate {preset} {outcome}", err)
                continue
            timeline = json.loads(out)
            bad = []
            for event in timeline["events"]:
                body = event.get("body")
                if event["kind"] == "response" and event.get("status") == 200:
                    bad += undeclared(parse(body, operation_type), f"200")
                elif event["kind"] == "notification":
                    for item in body["value"]:
                        data = item["resourceData"]
                        if isinstance(data, list):
                            for participant in data:
                                bad += undeclared(parse(participant, participant_type), "roster")
                        elif "status" in data:
                            bad += undeclared(parse(data, operation_type), "operation")
                        else:
                            bad += undeclared(parse(data, call_type), "call")
            unexpected = sorted({where for where, key in bad if key not in ALLOWED_ADDITIONAL})
            report(not unexpected, f"{api} payloads {preset} {outcome}", f"in additional_data: {unexpected}")


def main():
    for preset in PRESETS:
        snippet_case(preset, ["--preset", preset], "beta")
    with tempfile.TemporaryDirectory() as folder:
        for name, body in generated_bodies():
            path = os.path.join(folder, name + ".json")
            with open(path, "w", encoding="utf-8") as file:
                json.dump(body, file, ensure_ascii=False)
            for api in ("beta", "v1.0"):
                snippet_case(name, [path], api)
    for api in ("beta", "v1.0"):
        payload_cases(api)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
