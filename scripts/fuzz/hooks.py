"""Schemathesis checks for this server: no 5xx (the built-in not_a_server_error) and every
error answered in JSON, in one of Medusa's two error shapes: the envelope {"type", "message"},
or the body-validation answer Medusa gives some writes, {"errors": [...], "message"}."""
import schemathesis


@schemathesis.check
def error_is_json_envelope(ctx, response, case):
    if response.status_code < 400:
        return None
    content_type = response.headers.get("content-type", [""])
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    assert content_type.startswith("application/json"), (
        f"{response.status_code} answered with {content_type!r}, not JSON"
    )
    body = response.json()
    envelope = isinstance(body, dict) and "message" in body and ("type" in body or "errors" in body)
    assert envelope, (
        f"{response.status_code} body is not the error envelope: {str(body)[:200]}"
    )
    return None
